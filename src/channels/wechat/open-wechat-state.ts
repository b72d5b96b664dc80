import { Low } from 'lowdb';
import { z } from 'zod';
import { JsonFileAdapter } from '../../storage/json-file-adapter.js';
import type { Clock } from '../../time/clock.js';
import { toUnixSeconds } from './assert-signed.js';

/** Answers are kept this long: WeChat's three deliveries of a message span 15 s; a restart may come between. */
export const ANSWER_TTL_SECONDS = 10 * 60;
/** The rest of a long reply waits this long for the resident's 更多. */
export const MORE_TTL_SECONDS = 60 * 60;
/** A reply the API would not deliver waits this long for the resident's next message. */
export const KEPT_TTL_SECONDS = 7 * 24 * 60 * 60;

const Key = z.string().regex(/^[0-9a-f]{24,64}$/);
const Until = z.number().int().nonnegative();
const Held = z.object({ until: Until, text: z.string() });

/**
 * What the WeChat channels must remember across a restart, keyed by pseudonyms and hashes only:
 * - `answered`: replies that cannot be rebuilt when WeChat retries (they used up `more` or `kept`), and
 *   `null` for messages answered through the API, so a retry does not send them again;
 * - `more`: per resident, the rest of the last long reply;
 * - `kept`: per resident, replies the API refused (45015, 45047…), to go first in the next reply.
 */
export const WechatStateSchema = z.object({
  answered: z.record(Key, z.object({ until: Until, reply: z.string().nullable() })),
  more: z.record(Key, Held),
  kept: z.record(Key, Held),
});
export type WechatState = z.infer<typeof WechatStateSchema>;

export interface WechatStateStore {
  /** The reply given to a delivery key: text, null (answered through the API), or undefined if unknown. */
  answered(key: string): string | null | undefined;
  setAnswered(key: string, reply: string | null): void;
  /** Removes and returns the rest of the resident's last long reply. */
  takeMore(resident: string): string | undefined;
  /** Sets (or with '' clears) the rest of the resident's last reply; says whether anything changed. */
  setMore(resident: string, text: string): boolean;
  /** Removes and returns the replies kept for the resident. */
  takeKept(resident: string): string | undefined;
  keep(resident: string, text: string): void;
  forget(resident: string): void;
  /** Writes every change made so far; changes made while a write is on its way share the next one. */
  save(): Promise<void>;
}

/**
 * Opens `path` (a small lowdb JSON file, replaced atomically on each write). A damaged file stops
 * start-up with its name, like every other data file.
 */
export async function openWechatState(path: string, clock: Clock): Promise<WechatStateStore> {
  const db = new Low<WechatState>(new JsonFileAdapter(path, WechatStateSchema), { answered: {}, more: {}, kept: {} });
  await db.read();
  const now = () => toUnixSeconds(clock.now());
  const live = <T extends { until: number }>(held: T | undefined): T | undefined => (held && held.until >= now() ? held : undefined);

  let written: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;

  const prune = () => {
    const at = now();
    for (const map of [db.data.answered, db.data.more, db.data.kept]) {
      for (const [key, held] of Object.entries(map)) if (held.until < at) delete map[key];
    }
  };

  return {
    answered: (key) => live(db.data.answered[key])?.reply,
    setAnswered(key, reply) {
      db.data.answered[key] = { until: now() + ANSWER_TTL_SECONDS, reply };
    },
    takeMore(resident) {
      const text = live(db.data.more[resident])?.text;
      delete db.data.more[resident];
      return text;
    },
    setMore(resident, text) {
      const had = db.data.more[resident] !== undefined;
      if (text === '') delete db.data.more[resident];
      else db.data.more[resident] = { until: now() + MORE_TTL_SECONDS, text };
      return had || text !== '';
    },
    takeKept(resident) {
      const text = live(db.data.kept[resident])?.text;
      delete db.data.kept[resident];
      return text;
    },
    keep(resident, text) {
      const earlier = live(db.data.kept[resident])?.text;
      db.data.kept[resident] = { until: now() + KEPT_TTL_SECONDS, text: earlier ? `${earlier}\n\n${text}` : text };
    },
    forget(resident) {
      delete db.data.more[resident];
      delete db.data.kept[resident];
    },
    save() {
      if (!next) {
        next = written.then(() => {
          next = undefined;
          prune();
          return db.write();
        });
        written = next.catch(() => undefined);
      }
      return next;
    },
  };
}
