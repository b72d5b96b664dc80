import { z } from 'zod';
import { ChannelSchema, ResidentIdSchema } from '../consultation/consultation-record.js';
import { CategorySchema } from '../understanding/category.js';
import { CaseIdSchema, PartyRelationSchema } from './case-record.js';

/** Where a resident is in the intake: one short question at a time, in this order. */
export const INTAKE_STEPS = ['village', 'relation', 'facts', 'hope', 'phone', 'consent'] as const;
export const IntakeStepSchema = z.enum(INTAKE_STEPS);
export type IntakeStep = z.infer<typeof IntakeStepSchema>;

/** What every dialogue keeps: who, on which channel, since when. */
const DIALOGUE_FIELDS = {
  id: z.string().min(1),
  resident: ResidentIdSchema,
  channel: ChannelSchema,
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** An intake under way. Its answers are the resident's until they consent; then they move to the case. */
export const IntakeDialogueSchema = z.object({
  kind: z.literal('intake'),
  ...DIALOGUE_FIELDS,
  step: IntakeStepSchema,
  consultationId: z.string().nullable(),
  /** The month file of that consultation, where the village the intake learns is recorded (absent in older files). */
  consultationMonth: z.string().regex(/^\d{4}-\d{2}$/).nullable().default(null),
  category: CategorySchema.nullable(),
  village: z.string().nullable(),
  relation: PartyRelationSchema.nullable(),
  /** The other party in the resident's own words (姓王的, 隔壁王二), masked; null when they answered with a number. */
  otherParty: z.string().nullable().default(null),
  /** What happened; first the (masked) question the offer came with, which the resident may keep. */
  facts: z.string().nullable(),
  factsFromQuestion: z.boolean(),
  hope: z.string().nullable(),
  contact: z.string().nullable(),
});
export type IntakeDialogue = z.infer<typeof IntakeDialogueSchema>;

/** After an urgent case was opened: the resident may leave a number for the duty mediator. */
export const UrgentContactDialogueSchema = z.object({
  kind: z.literal('urgent_contact'),
  ...DIALOGUE_FIELDS,
  caseId: CaseIdSchema,
});
export type UrgentContactDialogue = z.infer<typeof UrgentContactDialogueSchema>;

export const DialogueSchema = z.discriminatedUnion('kind', [IntakeDialogueSchema, UrgentContactDialogueSchema]);
export type Dialogue = z.infer<typeof DialogueSchema>;

/**
 * An offer the resident took up. Offers themselves live in the consultation log (`mediationOffered`); this
 * keeps a second `1` after a cancelled intake from taking the same offer again.
 */
export const TakenOfferSchema = z.object({
  resident: ResidentIdSchema,
  consultationId: z.string(),
  at: z.iso.datetime(),
});
export type TakenOffer = z.infer<typeof TakenOfferSchema>;

/** A dialogue reply kept for the retry window, so a retried message gets it again and moves nothing. */
export const RememberedReplySchema = z.object({
  resident: ResidentIdSchema,
  messageId: z.string(),
  at: z.iso.datetime(),
  reply: z.string(),
  consultationId: z.string(),
  category: CategorySchema,
});
export type RememberedReply = z.infer<typeof RememberedReplySchema>;

export const DialogueFileSchema = z.object({
  dialogues: z.array(DialogueSchema),
  takenOffers: z.array(TakenOfferSchema),
  replies: z.array(RememberedReplySchema),
});
export type DialogueFile = z.infer<typeof DialogueFileSchema>;
