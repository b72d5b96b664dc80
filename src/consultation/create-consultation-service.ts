import { randomUUID } from 'node:crypto';
import type { CategoryRoutes } from '../knowledge/category-routes.js';
import { PICKER_CANDIDATES, pickAnswer, type PickerEntries } from '../understanding/answer-picker.js';
import type { PickerModel } from '../understanding/retrieval-model.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { findArticleRequests, type ArticleRequest } from '../knowledge/laws/find-article-requests.js';
import type { LawCorpus } from '../knowledge/laws/load-law-corpus.js';
import { quoteArticle } from '../knowledge/laws/quote-article.js';
import type { DialogueReply, Escalation } from '../escalation/escalation.js';
import { shouldOfferMediation } from '../escalation/should-offer-mediation.js';
import type { Clock } from '../time/clock.js';
import { toLocalMonth } from '../time/clock.js';
import type { Category } from '../understanding/category.js';
import type { Classification, Classifier, Retriever } from '../understanding/classification.js';
import { detectIntent } from '../understanding/detect-intent.js';
import { explainUrgent } from '../understanding/detect-urgent.js';
import { normalizeText } from '../understanding/normalize-text.js';
import { toDangerEntry } from './danger-entries.js';
import { isMediable } from './is-mediable.js';
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
  /** `mediation_intake`: a step of the intake dialogue, not a consultation (nothing is logged for it). */
  intent: Intent | 'mediation_intake';
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
  /** Chooses among the retriever's best hits, trained on real questions (answer-picker.ts); absent: the best hit above the retriever's threshold. */
  picker?: { model: PickerModel; entries: PickerEntries };
  knowledge: ReadonlyMap<string, KnowledgeEntry>;
  /** What to do about each kind of matter when no entry answers (data/routes.yaml); without them, a general line. */
  routes?: CategoryRoutes;
  /** Statute texts, when LAWS_DIR is set: residents can then read articles. */
  laws: LawCorpus | undefined;
  pseudonymise: Pseudonymise;
  clock: Clock;
  township: string;
  /** The township justice office's phone, given when no one could be told of an urgent case (TOWNSHIP_PHONE). */
  townshipPhone?: string;
  /** People's mediators: offers, the intake dialogue, urgent cases, case news. Absent: answers only. */
  escalation?: Escalation;
}

export interface ConsultationService {
  handle(message: IncomingMessage): Promise<ConsultationResult>;
}

const NOT_LEGAL: Classification = { category: 'other', confidence: 1, dispute: false, urgent: false };
/* WeChat retries within seconds; look back this far so a retry across midnight at month end is still found. */
const RETRY_WINDOW_MS = 15 * 60 * 1000;
const OFFER_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The consultation use case, the same for every channel: receive → dedupe → (a resident inside an intake
 * dialogue or taking up an offer: the dialogue answers) → understand → answer or escalate → record (on
 * disk) → reply, with any news about the resident's cases in front.
 */
export function createConsultationService(deps: ConsultationDeps): ConsultationService {
  const inFlight = new Map<string, Promise<ConsultationResult>>();
  const { laws } = deps;
  const replyContext = {
    township: deps.township,
    ...(deps.townshipPhone ? { townshipPhone: deps.townshipPhone } : {}),
    entry: (id: string) => deps.knowledge.get(id),
    route: (category: Category) => deps.routes?.get(category),
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

  /* An intake step is not a consultation: it is not logged, and its answer names the intake. */
  const fromDialogue = (turn: DialogueReply): ConsultationResult => ({
    consultationId: turn.consultationId,
    reply: turn.reply,
    intent: 'mediation_intake',
    category: turn.category,
    confidence: 1,
    dispute: true,
    urgent: false,
    answerId: null,
  });

  /* Urgent: the duty mediator is told at once. A dispute or a request for a person: the reply offers one. */
  const escalate = async (record: ConsultationRecord): Promise<ConsultationRecord> => {
    const escalation = deps.escalation;
    if (!escalation) return record;
    if (record.urgent) {
      const caseId = await escalation.openUrgentCase(record);
      return caseId === undefined ? record : { ...record, caseId, dutyNotified: escalation.dutyReachable };
    }
    const entry = record.answerId === null ? undefined : deps.knowledge.get(record.answerId);
    return shouldOfferMediation(record) && isMediable(record, entry) ? { ...record, mediationOffered: true } : record;
  };

  /* The first record `lookup` finds in this month or, within `lookbackMs`, the month before. */
  const findRecent = async (
    lookbackMs: number,
    lookup: (month: string) => Promise<ConsultationRecord | undefined>,
  ): Promise<ConsultationRecord | undefined> => {
    const now = deps.clock.now();
    for (const month of new Set([toLocalMonth(now), toLocalMonth(new Date(now.getTime() - lookbackMs))])) {
      const found = await lookup(month);
      if (found) return found;
    }
    return undefined;
  };

  /* The resident's latest consultation, which may have offered a mediator (an offer lasts a day). */
  const findPrevious = (resident: string) => findRecent(OFFER_WINDOW_MS, (month) => deps.log.lastRecord(resident, month));

  /* Nothing answered for this resident in the last day: the general lines (disclaimer, free mediation) are due. */
  const isNewConversation = async (resident: string): Promise<boolean> => {
    const last = await findRecent(OFFER_WINDOW_MS, (month) => deps.log.lastAnswered(resident, month));
    return last === undefined || deps.clock.now().getTime() - Date.parse(last.time) > OFFER_WINDOW_MS;
  };

  const findEarlier = (resident: string, messageId: string) =>
    findRecent(RETRY_WINDOW_MS, (month) => deps.log.findByMessageId(resident, messageId, month));

  interface Understanding {
    intent: Intent;
    classification: Classification;
    answerId: string | null;
    articles?: ArticleRequest[];
  }

  const findAnswer = (text: string, classification: Classification): string | null => {
    // Someone in danger gets the entry about that danger or none: never whatever else the words matched.
    if (classification.urgent) {
      const normalized = normalizeText(text);
      const id = toDangerEntry(normalized, classification.category, explainUrgent(normalized) ?? '');
      return id && deps.knowledge.has(id) ? id : null;
    }
    const { picker } = deps;
    if (picker) {
      const hits = deps.retriever.search(text, { category: classification.category, limit: PICKER_CANDIDATES });
      return pickAnswer(picker.model, hits, classification, text.length, picker.entries)?.entryId ?? null;
    }
    const [best] = deps.retriever.search(text, { category: classification.category, limit: 1 });
    return best && best.score >= deps.retriever.threshold ? best.entryId : null;
  };

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
    return { intent, classification, answerId: findAnswer(text, classification) };
  };

  const answer = async (message: IncomingMessage, resident: string): Promise<ConsultationResult> => {
    if (message.messageId !== null) {
      const earlier = await findEarlier(resident, message.messageId);
      if (earlier) return toResult(earlier);
    }
    const { channel, messageId, text, village } = message;
    const turn = deps.escalation && (await deps.escalation.continueDialogue({ resident, channel, messageId, text, village, previous: await findPrevious(resident) }));
    if (turn) return fromDialogue(turn);
    const understood = await understand(message.text, resident);
    if (understood.intent === 'delete_data') {
      await deps.log.eraseTexts(resident);
      await deps.escalation?.forgetResident(resident);
    }
    const record = await escalate(toConsultationRecord({
      id: randomUUID(),
      time: deps.clock.now(),
      channel: message.channel,
      voice: message.voice === true,
      resident,
      messageId: message.messageId,
      village: message.village,
      text: message.text,
      // Only an answer carries the once-a-conversation lines, so only an answer needs to know.
      newConversation: understood.intent === 'question' && understood.answerId !== null && (await isNewConversation(resident)),
      ...understood,
    }));
    await deps.log.append(record);
    return toResult(record);
  };

  const handleOnce = async (message: IncomingMessage, resident: string): Promise<ConsultationResult> => {
    const result = await answer(message, resident);
    const notices = (await deps.escalation?.takeNotices(resident, message.messageId)) ?? [];
    return notices.length === 0 ? result : { ...result, reply: [...notices, result.reply].join('\n\n') };
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
