import { z } from 'zod';
import { ChannelSchema, ResidentIdSchema } from '../consultation/consultation-record.js';
import { CategorySchema } from '../understanding/category.js';

/** Readable case ids: TJ-<year>-<4-digit sequence>, the sequence starting again each year. */
export const CaseIdSchema = z.string().regex(/^TJ-\d{4}-\d{4,}$/, 'a case id looks like TJ-2026-0001');

export const CaseStatusSchema = z.enum(['new', 'assigned', 'accepted', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CaseOutcomeSchema = z.enum(['resolved', 'not_resolved', 'withdrawn']);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/** Who the resident's dispute is with. */
export const PartyRelationSchema = z.enum(['neighbor', 'family', 'employer', 'village_group', 'debtor', 'business', 'other']);
export type PartyRelation = z.infer<typeof PartyRelationSchema>;

/** Who did something to a case: `system`, `resident`, `admin`, or `mediator:<id>`. */
export const ActorSchema = z.string().regex(/^(system|resident|admin|mediator:[a-z0-9_-]+)$/);

export const TimelineEventSchema = z.object({
  at: z.iso.datetime(),
  by: ActorSchema,
  action: z.string().min(1),
  status: CaseStatusSchema.optional(),
  note: z.string().optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/**
 * A dispute brought to a people's mediator with the resident's consent. The contact number is shown only to
 * the assigned mediator and never appears in statistics, exports or logs.
 */
export const CaseRecordSchema = z.object({
  id: CaseIdSchema,
  openedAt: z.iso.datetime(),
  /** The township month it was opened in (Beijing time), for monthly statistics. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  resident: ResidentIdSchema,
  channel: ChannelSchema,
  consultationId: z.string().nullable(),
  category: CategorySchema,
  village: z.string().nullable(),
  relation: PartyRelationSchema.nullable(),
  /** The other party as the resident named them (姓王的, 隔壁王二); absent when they only chose a number. */
  otherParty: z.string().min(1).optional(),
  summary: z.string(),
  hope: z.string().nullable(),
  contact: z.string().nullable(),
  /**
   * When the resident agreed to pass the dispute to a mediator. Null only for an urgent case, opened at once
   * for the duty mediator without asking (vital interests, 个人信息保护法 art. 13(4)).
   */
  consentAt: z.iso.datetime().nullable(),
  priority: z.enum(['urgent', 'normal']),
  status: CaseStatusSchema,
  mediatorId: z.string().nullable(),
  assignedAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  outcome: CaseOutcomeSchema.nullable(),
  agreementSummary: z.string().nullable(),
  judicialConfirmationAdvised: z.boolean(),
  /** 回访: when the mediator should check the agreement is kept (YYYY-MM-DD). */
  followUpDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  notes: z.array(z.object({ at: z.iso.datetime(), by: ActorSchema, text: z.string().min(1) })),
  timeline: z.array(TimelineEventSchema).min(1),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;
