import { z } from 'zod';
import { CaseIdSchema } from './case-record.js';

/**
 * What a mediator is told, independent of how it travels (WeCom robot, WeCom app, signed webhook). It never
 * carries the resident's phone number: that is read in the case, by the assigned mediator only.
 */
export const MediatorNoticeSchema = z.object({
  event: z.enum(['case_assigned', 'accept_reminder', 'case_reassigned_away', 'follow_up_due', 'contact_added', 'resident_wrote_again']),
  caseId: CaseIdSchema,
  priority: z.enum(['urgent', 'normal']),
  title: z.string().min(1),
  lines: z.array(z.string()),
});
export type MediatorNotice = z.infer<typeof MediatorNoticeSchema>;

/** The ways a notice can reach a mediator: WeCom app message, WeCom group robot, signed HTTPS webhook. */
export const NotifyViaSchema = z.enum(['wecom_app', 'wecom_robot', 'signed']);
export type NotifyVia = z.infer<typeof NotifyViaSchema>;
