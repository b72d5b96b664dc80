import type { Classification } from '../understanding/classification.js';
import { toLocalMonth } from '../time/clock.js';
import type { Channel, ConsultationRecord, Intent } from './consultation-record.js';
import { maskPersonalNumbers } from './mask-personal-numbers.js';

export interface RecordInput {
  id: string;
  time: Date;
  channel: Channel;
  voice: boolean;
  resident: string;
  messageId: string | null;
  village: string | null;
  text: string;
  intent: Intent;
  classification: Classification;
  answerId: string | null;
  articles?: { law: string; article: string }[];
  newConversation?: boolean;
}

/** What is kept of a consultation: masked text, a pseudonym, no deletion command text. */
export function toConsultationRecord(input: RecordInput): ConsultationRecord {
  return {
    id: input.id,
    time: input.time.toISOString(),
    month: toLocalMonth(input.time),
    channel: input.channel,
    ...(input.voice ? { voice: true } : {}),
    resident: input.resident,
    messageId: input.messageId,
    intent: input.intent,
    category: input.classification.category,
    confidence: Math.round(input.classification.confidence * 1000) / 1000,
    dispute: input.classification.dispute,
    urgent: input.classification.urgent,
    answerId: input.answerId,
    village: input.village,
    ...(input.articles ? { articles: input.articles } : {}),
    ...(input.newConversation ? { newConversation: true } : {}),
    text: input.intent === 'delete_data' ? null : maskPersonalNumbers(input.text),
  };
}
