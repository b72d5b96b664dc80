import { randomUUID } from 'node:crypto';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ChannelSchema, ResidentIdSchema } from '../consultation/consultation-record.js';
import { errorFields } from '../http/handle-errors.js';
import type { Logger } from '../logger.js';
import { JsonFileAdapter } from '../storage/json-file-adapter.js';
import { createExclusive } from '../storage/run-exclusive.js';
import { CaseIdSchema } from './case-record.js';
import { MediatorNoticeSchema, NotifyViaSchema } from './mediator-notice.js';
import { MediatorIdSchema } from './roster.js';
import { writeOrRollBack } from '../storage/write-or-roll-back.js';

export const OutboxMessageSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('mediator'), mediatorId: MediatorIdSchema, via: NotifyViaSchema, notice: MediatorNoticeSchema }),
  z.object({
    to: z.literal('resident'),
    channel: ChannelSchema,
    resident: ResidentIdSchema,
    caseId: CaseIdSchema,
    text: z.string().min(1),
  }),
]);
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

const OutboxEntrySchema = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.iso.datetime(),
  /** The last failure's kind and message, never the message content. */
  lastError: z.string().nullable(),
  message: OutboxMessageSchema,
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
const OutboxFileSchema = z.object({ entries: z.array(OutboxEntrySchema) });
type OutboxFile = z.infer<typeof OutboxFileSchema>;

/** A delivery that can never succeed (its mediator left the roster): dropped with an error line, not retried. */
export class UndeliverableError extends Error {
  override readonly name = 'UndeliverableError';
}

export type Deliver = (message: OutboxMessage) => Promise<void>;

export interface Outbox {
  /** Keeps the messages on disk, then tries them at once without making the caller wait. */
  enqueue(messages: readonly OutboxMessage[], now: Date): Promise<void>;
  /** Sends what is due, one at a time; a failure waits longer each time (1, 2, 4 … 60 minutes). */
  deliverDue(now: Date): Promise<void>;
  pending(): readonly OutboxEntry[];
}

const MINUTE = 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 60 * MINUTE);
}

/** Notifications that must not be lost: written before they are sent, removed only once they went out. */
export async function openOutbox(path: string, deliver: Deliver, logger: Logger): Promise<Outbox> {
  const db = new Low<OutboxFile>(new JsonFileAdapter(path, OutboxFileSchema), { entries: [] });
  await db.read();
  const writes = createExclusive();
  const runs = createExclusive();

  const change = (fn: (entries: OutboxEntry[]) => OutboxEntry[]) =>
    writes(async () => {
      await writeOrRollBack(db, { ...db.data, entries: fn(db.data.entries) });
    });

  const attempt = async (entry: OutboxEntry, now: Date): Promise<void> => {
    const kind = { outboxId: entry.id, to: entry.message.to, ...(entry.message.to === 'mediator' ? { via: entry.message.via } : {}) };
    try {
      await deliver(entry.message);
    } catch (err) {
      if (err instanceof UndeliverableError) {
        logger.error({ ...kind, err: errorFields(err) }, 'notification dropped: it can never be delivered');
        await change((entries) => entries.filter((e) => e.id !== entry.id));
        return;
      }
      const attempts = entry.attempts + 1;
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
      const { name, message } = errorFields(err);
      logger.warn({ ...kind, attempts, nextAttemptAt, err: { name, message } }, 'notification failed; will retry');
      await change((entries) =>
        entries.map((e) => (e.id === entry.id ? { ...e, attempts, nextAttemptAt, lastError: `${name}: ${message}` } : e)),
      );
      return;
    }
    await change((entries) => entries.filter((e) => e.id !== entry.id));
    logger.info({ ...kind, attempts: entry.attempts + 1 }, 'notification sent');
  };

  const deliverDue = (now: Date) =>
    runs(async () => {
      const due = db.data.entries.filter((e) => Date.parse(e.nextAttemptAt) <= now.getTime());
      for (const entry of due) await attempt(entry, now);
    });

  return {
    pending: () => db.data.entries,
    deliverDue,
    async enqueue(messages, now) {
      if (messages.length === 0) return;
      const at = now.toISOString();
      const added = messages.map((message) => ({ id: randomUUID(), createdAt: at, attempts: 0, nextAttemptAt: at, lastError: null, message }));
      await change((entries) => [...entries, ...added]);
      deliverDue(now).catch((err: unknown) => logger.error({ err: errorFields(err) }, 'outbox run failed'));
    },
  };
}
