import { randomUUID } from 'node:crypto';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ChannelSchema, ResidentIdSchema } from '../consultation/consultation-record.js';
import { JsonFileAdapter } from '../storage/json-file-adapter.js';
import { createExclusive } from '../storage/run-exclusive.js';
import type { ResidentMessenger } from './resident-messenger.js';
import { writeOrRollBack } from '../storage/write-or-roll-back.js';

const NoticeSchema = z.object({
  id: z.string(),
  channel: ChannelSchema,
  resident: ResidentIdSchema,
  at: z.iso.datetime(),
  text: z.string(),
  /** The message whose reply carried it (`''` when that message had no id); null until then. */
  deliveredWith: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
});
const InboxFileSchema = z.object({ notices: z.array(NoticeSchema) });
type InboxFile = z.infer<typeof InboxFileSchema>;

/* A retried message within this window gets the same notices again. */
const KEEP_DELIVERED_MS = 15 * 60 * 1000;

/** Messages for residents without push: kept on disk and put in front of the resident's next reply. */
export interface ResidentInbox extends ResidentMessenger {
  /** The notices for this reply, oldest first; the same ones again when `messageId` is a retry. */
  take(resident: string, messageId: string | null, now: Date): Promise<string[]>;
  purge(now: Date): Promise<void>;
}

export async function openResidentInbox(path: string, clock: { now(): Date }): Promise<ResidentInbox> {
  const db = new Low<InboxFile>(new JsonFileAdapter(path, InboxFileSchema), { notices: [] });
  await db.read();
  const exclusive = createExclusive();
  const commit = (notices: InboxFile['notices']) => writeOrRollBack(db, { ...db.data, notices });

  return {
    send: (to, text) =>
      exclusive(() =>
        commit([
          ...db.data.notices,
          { id: randomUUID(), channel: to.channel, resident: to.resident, at: clock.now().toISOString(), text, deliveredWith: null, deliveredAt: null },
        ]),
      ),
    async take(resident, messageId, now) {
      // Most replies have nothing waiting: answer those without queueing behind a write.
      if (!db.data.notices.some((n) => n.resident === resident)) return [];
      return exclusive(async () => {
        const key = messageId ?? '';
        const mine = db.data.notices.filter(
          (n) => n.resident === resident && (n.deliveredWith === null || (messageId !== null && n.deliveredWith === key)),
        );
        if (mine.some((n) => n.deliveredWith === null)) {
          const at = now.toISOString();
          await commit(db.data.notices.map((n) => (mine.includes(n) && n.deliveredWith === null ? { ...n, deliveredWith: key, deliveredAt: at } : n)));
        }
        return mine.map((n) => n.text);
      });
    },
    purge: (now) =>
      exclusive(async () => {
        const keep = db.data.notices.filter((n) => n.deliveredAt === null || now.getTime() - Date.parse(n.deliveredAt) < KEEP_DELIVERED_MS);
        if (keep.length !== db.data.notices.length) await commit(keep);
      }),
  };
}
