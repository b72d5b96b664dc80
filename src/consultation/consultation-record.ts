import { z } from 'zod';
import { CategorySchema } from '../understanding/category.js';

/** A resident's keyed pseudonym (see pseudonymise.ts): never the raw WeChat or user id. */
export const ResidentIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character resident pseudonym');

export const ChannelSchema = z.enum(['web', 'api', 'wechat', 'wecom']);
export type Channel = z.infer<typeof ChannelSchema>;

/** What a message was, before any legal reading of it. */
export const IntentSchema = z.enum([
  'question',
  'article_lookup',
  'cited_articles',
  'more_details',
  'greeting',
  'thanks',
  // Small talk, praise, "who are you", a complaint about the assistant: a friendly line and the topics.
  'social',
  'menu',
  'human',
  'delete_data',
]);
export type Intent = z.infer<typeof IntentSchema>;

/**
 * One consultation as it is kept on disk: the minimum for statistics and for the legal adviser. Never the
 * raw user id (only a keyed pseudonym) and never an unmasked phone or ID-card number.
 */
export const ConsultationRecordSchema = z.object({
  id: z.string().min(1),
  time: z.iso.datetime(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  channel: ChannelSchema,
  /** Set when the question came as speech (WeChat's own recognition text). */
  voice: z.boolean().optional(),
  resident: ResidentIdSchema,
  messageId: z.string().nullable(),
  intent: IntentSchema,
  category: CategorySchema,
  confidence: z.number().min(0).max(1),
  dispute: z.boolean(),
  urgent: z.boolean(),
  answerId: z.string().nullable(),
  village: z.string().nullable(),
  /** Articles the resident asked to read (article_lookup). */
  articles: z.array(z.object({ law: z.string(), article: z.string() })).optional(),
  /** The question with personal numbers masked; null once the resident asked for deletion. */
  text: z.string().nullable(),
  /** The reply offered a people's mediator (`回复 1 请调解员帮忙`): the monthly "escalations offered". */
  mediationOffered: z.boolean().optional(),
  /** The urgent case opened for the duty mediator from this message (TJ-2026-0001). */
  caseId: z.string().optional(),
  /** The duty mediator has a working notification route, so the urgent case reached someone. */
  dutyNotified: z.boolean().optional(),
  /** The first message of a conversation (nothing from this resident in the last day): the general lines go once. */
  newConversation: z.boolean().optional(),
});
export type ConsultationRecord = z.infer<typeof ConsultationRecordSchema>;
