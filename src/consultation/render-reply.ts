import type { CategoryRoute } from '../knowledge/category-routes.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { CATEGORY_LABELS, type Category } from '../understanding/category.js';
import type { ArticleRequest } from '../knowledge/laws/find-article-requests.js';
import type { ConsultationRecord } from './consultation-record.js';
import {
  DELETED_REPLY,
  DISCLAIMER,
  EMERGENCY_GUIDANCE,
  FOLLOW_UP_HINT,
  MEDIATION_HINT,
  MEDIATION_OFFER,
  NOTHING_TO_FOLLOW_UP,
  THANKS_REPLY,
  socialText,
  humanHelpText,
  menuText,
  routeText,
  unansweredText,
  urgentCaseText,
  welcomeText,
} from './reply-texts.js';
import { topicByNumber, topicMenuText } from './topic-menus.js';

export interface ReplyContext {
  township: string;
  entry(id: string): KnowledgeEntry | undefined;
  /** What to do about a kind of matter when no entry answers it. */
  route(category: Category): CategoryRoute | undefined;
  /** Quotes an article when statute texts are configured (LAWS_DIR); undefined otherwise. */
  quote?: (request: ArticleRequest) => string;
}

/** What the resident reads, rebuilt from the record alone so a repeated message gets the same reply. */
export function renderReply(record: ConsultationRecord, ctx: ReplyContext): string {
  const body = record.mediationOffered ? `${renderBody(record, ctx)}\n\n${MEDIATION_OFFER}` : renderBody(record, ctx);
  if (!record.urgent) return body;
  const told = record.caseId === undefined ? '' : `\n\n${urgentCaseText(record.caseId, ctx.township)}`;
  return `${EMERGENCY_GUIDANCE}${told}\n\n${body}`;
}

function renderBody(record: ConsultationRecord, ctx: ReplyContext): string {
  const entry = record.answerId === null ? undefined : ctx.entry(record.answerId);
  switch (record.intent) {
    case 'greeting':
      return welcomeText(ctx.township);
    case 'thanks':
      return THANKS_REPLY;
    case 'social':
      return socialText(ctx.township, record.text);
    case 'menu': {
      // A lone number: after the welcome's numbered list it picks a topic; any other number shows the list.
      const topic = record.text === null ? undefined : topicByNumber(record.text);
      return topic ? topicMenuText(topic) : menuText(ctx.township);
    }
    case 'human':
      return humanHelpText(ctx.township);
    case 'delete_data':
      return DELETED_REPLY;
    case 'article_lookup':
      return renderArticles(record.articles ?? [], ctx);
    case 'cited_articles':
      if (!entry) return NOTHING_TO_FOLLOW_UP;
      return renderArticles(entry.citations.map((c) => ({ law: c.law, article: String(c.article) })), ctx);
    case 'more_details':
      if (!entry) return NOTHING_TO_FOLLOW_UP;
      return `${entry.details ?? entry.answer}\n\n依据：${formatCitations(entry)}（内容核对于${entry.reviewed}）\n${DISCLAIMER}`;
    case 'question':
      return entry ? renderAnswer(record, entry) : renderUnanswered(record, ctx);
  }
}

function renderAnswer(record: ConsultationRecord, entry: KnowledgeEntry): string {
  const parts = [entry.answer, `怎么办：\n${entry.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`];
  if (record.dispute && entry.mediation) parts.push(MEDIATION_HINT);
  parts.push(`依据：${formatCitations(entry)}（内容核对于${entry.reviewed}）\n${FOLLOW_UP_HINT}\n${DISCLAIMER}`);
  return parts.join('\n\n');
}

function renderUnanswered(record: ConsultationRecord, ctx: ReplyContext): string {
  const route = ctx.route(record.category);
  const text = route && record.category !== 'other' ? routeText(ctx.township, CATEGORY_LABELS[record.category], route.steps) : unansweredText(ctx.township);
  return record.dispute && (!route || route.steps.every((step) => !step.includes('调解'))) ? `${text}\n\n${MEDIATION_HINT}` : text;
}

function renderArticles(articles: readonly ArticleRequest[], ctx: ReplyContext): string {
  const quote = ctx.quote;
  if (!quote) {
    const names = articles.map((a) => `《${a.law}》第${a.article}条`).join('、');
    return `依据是${names}。这里暂时查不到条文原文，可以到${ctx.township}司法所查阅，或拨打12348咨询。`;
  }
  return `${articles.map(quote).join('\n\n')}\n\n以上是法律条文原文，具体怎么适用要看实际情况；拿不准可以拨打12348咨询。`;
}

export function formatCitations(entry: KnowledgeEntry): string {
  const byLaw = new Map<string, string[]>();
  for (const c of entry.citations) byLaw.set(c.law, [...(byLaw.get(c.law) ?? []), `第${c.article}条`]);
  return [...byLaw].map(([law, arts]) => `《${law}》${arts.join('、')}`).join('，');
}
