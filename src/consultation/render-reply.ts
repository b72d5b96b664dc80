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
  urgentNotToldText,
  DANGER_FOLLOW_UP_HINT,
  welcomeText,
} from './reply-texts.js';
import { topicByNumber, topicMenuText } from './topic-menus.js';

export interface ReplyContext {
  township: string;
  /** The justice office's phone (TOWNSHIP_PHONE), for a resident in danger when no one could be told. */
  townshipPhone?: string;
  entry(id: string): KnowledgeEntry | undefined;
  /** What to do about a kind of matter when no entry answers it. */
  route(category: Category): CategoryRoute | undefined;
  /** Quotes an article when statute texts are configured (LAWS_DIR); undefined otherwise. */
  quote?: (request: ArticleRequest) => string;
}

/** What the resident reads, rebuilt from the record alone so a repeated message gets the same reply. */
export function renderReply(record: ConsultationRecord, ctx: ReplyContext): string {
  if (record.urgent && record.intent === 'question') return renderUrgent(record, ctx);
  return record.mediationOffered ? `${renderBody(record, ctx)}\n\n${MEDIATION_OFFER}` : renderBody(record, ctx);
}

/**
 * Someone in danger: the emergency guidance first, then whether anyone was told (only when a notice went to
 * a working route; otherwise 110 and the township's phone), then at most the entry about the danger itself.
 */
function renderUrgent(record: ConsultationRecord, ctx: ReplyContext): string {
  const told =
    record.caseId !== undefined && record.dutyNotified !== false
      ? urgentCaseText(record.caseId, ctx.township)
      : urgentNotToldText(ctx.township, ctx.townshipPhone, record.caseId);
  const entry = record.answerId === null ? undefined : ctx.entry(record.answerId);
  const about = entry ? `\n\n${entry.answer}\n${DANGER_FOLLOW_UP_HINT}` : '';
  return `${EMERGENCY_GUIDANCE}\n\n${told}${about}`;
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
      return `${renderArticles(entry.citations.map((c) => ({ law: c.law, article: String(c.article) })), ctx)}\n（这条解答的内容核对于${entry.reviewed}）`;
    case 'more_details':
      if (!entry) return NOTHING_TO_FOLLOW_UP;
      return [`怎么办：\n${entry.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`, ...(entry.details ? [entry.details] : [])].join('\n\n');
    case 'question':
      return entry ? renderAnswer(record, entry) : renderUnanswered(record, ctx);
  }
}

/** How many characters of answer fit the first phone screen, before the lines that point onwards. */
export const FIRST_SCREEN_MAX = 200;
const FIRST_STEP = '先这样办：';

/**
 * The short first answer: what the law says for this situation and, when it fits the first screen, the
 * first thing to do; then the laws it rests on and how to see more (详细, 法条). The general lines (free
 * mediation, "not a lawyer's opinion") come once a conversation.
 */
export function renderAnswer(record: Pick<ConsultationRecord, 'dispute' | 'newConversation'>, entry: KnowledgeEntry): string {
  const [first] = entry.steps;
  const fits = first !== undefined && entry.answer.length + 1 + FIRST_STEP.length + first.length <= FIRST_SCREEN_MAX;
  const lines = [fits ? `${entry.answer}\n${FIRST_STEP}${first}` : entry.answer, '', `依据：${formatCitations(entry)}`, FOLLOW_UP_HINT];
  if (record.newConversation) {
    if (record.dispute && entry.mediation) lines.push(MEDIATION_HINT);
    lines.push(DISCLAIMER);
  }
  return lines.join('\n');
}

function renderUnanswered(record: ConsultationRecord, ctx: ReplyContext): string {
  const route = ctx.route(record.category);
  const text = route && record.category !== 'other' ? routeText(ctx.township, CATEGORY_LABELS[record.category], route.steps) : unansweredText(ctx.township);
  return record.dispute && (!route || route.steps.every((step) => !step.includes('调解'))) ? `${text}\n\n${MEDIATION_HINT}` : text;
}

function renderArticles(articles: readonly ArticleRequest[], ctx: ReplyContext): string {
  const quote = ctx.quote;
  if (!quote) {
    const names = articles.map((a) => `《${a.law}》${toArticleName(a.article)}`).join('、');
    return `依据是${names}。这里暂时查不到条文原文，可以到${ctx.township}司法所查阅，或拨打12348咨询。`;
  }
  return `${articles.map(quote).join('\n\n')}\n\n以上是法律条文原文，具体怎么适用要看实际情况；拿不准可以拨打12348咨询。`;
}

export function formatCitations(entry: KnowledgeEntry): string {
  const byLaw = new Map<string, string[]>();
  for (const c of entry.citations) byLaw.set(c.law, [...(byLaw.get(c.law) ?? []), toArticleName(c.article)]);
  return [...byLaw].map(([law, arts]) => `《${law}》${arts.join('、')}`).join('，');
}

/** 1079 → 第1079条; 133之一 → 第133条之一, as the articles are named in the statutes. */
function toArticleName(article: string | number): string {
  const [number, suffix = ''] = String(article).split(/(?=之)/);
  return `第${number}条${suffix}`;
}
