import type { z } from 'zod';
import { ConsultationRecordSchema } from '../consultation/consultation-record.js';

/**
 * The part of a consultation record that statistics read, checked with the record's own field schemas.
 * Picking the fields roughly halves validation against the whole record (no id, message id, confidence or
 * article list to check), which matters at 100,000 lines a month; the log itself validates whole records
 * when it opens a month.
 */
export const StatsLineSchema = ConsultationRecordSchema.pick({
  time: true,
  month: true,
  channel: true,
  voice: true,
  resident: true,
  intent: true,
  category: true,
  dispute: true,
  urgent: true,
  answerId: true,
  village: true,
  text: true,
  mediationOffered: true,
});
export type StatsLine = z.infer<typeof StatsLineSchema>;
