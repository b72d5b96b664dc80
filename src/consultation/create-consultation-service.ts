import { randomUUID } from 'node:crypto';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { findArticleRequests, type ArticleRequest } from '../knowledge/laws/find-article-requests.js';
import type { LawCorpus } from '../knowledge/laws/load-law-corpus.js';
import { quoteArticle } from '../knowledge/laws/quote-article.js';
import type { Clock } from '../time/clock.js';
import { toLocalMonth } from '../time/clock.js';
import type { Category } from '../understanding/category.js';
import type { Classification, Classifier, Retriever } from '../understanding/classification.js';
import { detectIntent } from '../understanding/detect-intent.js';
import type { ConsultationLog } from './consultation-log.js';
import type { Channel, ConsultationRecord, Intent } from './consultation-record.js';
import type { Pseudonymise } from './pseudonymise.js';
import { renderReply } from './render-reply.js';
import { toConsultationRecord } from './to-consultation-record.js';

/** A resident's message as every channel hands it over. */
export interface IncomingMessage {
  channel: Channel;
  userId: string;
  text: string;
  messageId: string | null;
  village: string | null;
  /** The text is WeChat's recognition of a voice message. */
  voice?: boolean;
}

export interface ConsultationResult {
  consultationId: string;
  reply: string;
  intent: Intent;
  category: Category;
  confidence: number;
  dispute: boolean;
  urgent: boolean;
  answerId: string | null;
}

export interface ConsultationDeps {
  log: ConsultationLog;
  classifier: Classifier;
  retriever: Retriever;
  knowledge: ReadonlyMap<string, KnowledgeEntry>;
  /** Statute texts, when LAWS_DIR is set: residents can then read articles. */
  laws: LawCorpus | undefined;
  pseudonymise: Pseudonymise;
  clock: Clock;
  township: string;
}

export interface ConsultationService {
  handle(message: IncomingMessage): Promise<ConsultationResult>;
}

const NOT_LEGAL: Classification = { category: 'other', confidence: 1, dispute: false, urgent: false };
/* WeChat retries within seconds; look back this far so a retry across midnight at month end is still found. */
const RETRY_WINDOW_MS = 15 * 60 * 1000;

/**
 * The consultation use case, the same for every channel:
 * receive → dedupe → understand → answer → record (on disk) → reply.
 */
export function createConsultationService(deps: ConsultationDeps): ConsultationService {
  const inFlight = new Map<string, Promise<ConsultationResult>>();
  const { laws } = deps;
  const replyContext = {
    township: deps.township,
    entry: (id: string) => deps.knowledge.get(id),
    ...(laws ? { quote: (request: ArticleRequest) => quoteArticle(laws, request) } : {}),
  };

  const toResult = (record: ConsultationRecord): ConsultationResult => ({
    consultationId: record.id,
    reply: renderReply(record, replyContext),
    intent: record.intent,
    category: record.category,
    confidence: record.confidence,
    dispute: record.dispute,
    urgent: record.urgent,
    answerId: record.answerId,
  });

  const findEarlier = async (resident: string, messageId: string): Promise<ConsultationRecord | undefined> => {
    const now = deps.clock.now();
    const months = new Set([toLocalMonth(now), toLocalMonth(new Date(now.getTime() - RETRY_WINDOW_MS))]);
    for (const month of months) {
      const found = await deps.log.findByMessageId(resident, messageId, month);
      if (found) return found;
    }
    return undefined;
  };

  interface Understanding {
    intent: Intent;
    classification: Classification;
    answerId: string | null;
    articles?: ArticleRequest[];
  }

  const understand = async (text: string, resident: string): Promise<Understanding> => {
    const intent = detectIntent(text);
    if (intent === 'cited_articles' || intent === 'more_details') {
      const last = await deps.log.lastAnswered(resident, toLocalMonth(deps.clock.now()));
      return last
        ? { intent, classification: { category: last.category, confidence: last.confidence, dispute: false, urgent: false }, answerId: last.answerId }
        : { intent, classification: NOT_LEGAL, answerId: null };
    }
    if (intent !== 'question') return { intent, classification: NOT_LEGAL, answerId: null };
    const classification = deps.classifier.classify(text);
    const articles = laws ? findArticleRequests(text, laws.names) : [];
    if (articles.length > 0) return { intent: 'article_lookup', classification, answerId: null, articles };
    const [best] = deps.retriever.search(text, { category: classification.category, limit: 1 });
    const answerId = best && best.score >= deps.retriever.threshold ? best.entryId : null;
    return { intent, classification, answerId };
  };

  const handleOnce = async (message: IncomingMessage, resident: string): Promise<ConsultationResult> => {
    if (message.messageId !== null) {
      const earlier = await findEarlier(resident, message.messageId);
      if (earlier) return toResult(earlier);
    }
    const understood = await understand(message.text, resident);
    if (understood.intent === 'delete_data') await deps.log.eraseTexts(resident);
    const record = toConsultationRecord({
      id: randomUUID(),
      time: deps.clock.now(),
      channel: message.channel,
      voice: message.voice === true,
      resident,
      messageId: message.messageId,
      village: message.village,
      text: message.text,
      ...understood,
    });
    await deps.log.append(record);
    return toResult(record);
  };

  return {
    handle(message) {
      const resident = deps.pseudonymise(message.channel, message.userId);
      if (message.messageId === null) return handleOnce(message, resident);
      // A retry that arrives while the first is still being handled waits for the same outcome.
      const key = `${resident}\u0000${message.messageId}`;
      const running = inFlight.get(key);
      if (running) return running;
      const run = handleOnce(message, resident).finally(() => inFlight.delete(key));
      inFlight.set(key, run);
      return run;
    },
  };
}
