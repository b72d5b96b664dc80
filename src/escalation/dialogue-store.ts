import { Low } from 'lowdb';
import { JsonFileAdapter } from '../storage/json-file-adapter.js';
import { createExclusive } from '../storage/run-exclusive.js';
import { DialogueFileSchema, type Dialogue, type DialogueFile, type RememberedReply, type TakenOffer } from './dialogue-state.js';
import { writeOrRollBack } from '../storage/write-or-roll-back.js';

/** A dialogue left alone this long is gone, and so is an offer: the resident starts again. */
export const DIALOGUE_TTL_MS = 24 * 60 * 60 * 1000;
/** WeChat retries within seconds; a dialogue reply is kept this long for a retried message. */
export const REPLY_TTL_MS = 15 * 60 * 1000;

/** `undefined` leaves the dialogue as it is, `null` removes it. */
export interface ResidentPatch {
  dialogue?: Dialogue | null;
  takenOffer?: TakenOffer;
  reply?: RememberedReply;
}

/**
 * Per-resident dialogue state: the intake under way, offers already taken, replies kept for retries. Written
 * only while a resident is in a dialogue, never for ordinary consultations.
 */
export interface DialogueStore {
  /** The resident's dialogue, unless it has been silent for 24 hours. */
  dialogue(resident: string, now: Date): Dialogue | undefined;
  offerTaken(resident: string, consultationId: string): boolean;
  reply(resident: string, messageId: string): RememberedReply | undefined;
  /** True when the store holds anything at all for the resident (a cheap check before taking a lock). */
  knows(resident: string): boolean;
  update(resident: string, patch: ResidentPatch): Promise<void>;
  /** Removes everything kept for the resident. */
  forget(resident: string): Promise<void>;
  /** Drops expired dialogues, taken offers and replies, so personal answers do not outlive their use. */
  purge(now: Date): Promise<void>;
}

export async function openDialogueStore(path: string): Promise<DialogueStore> {
  const db = new Low<DialogueFile>(new JsonFileAdapter(path, DialogueFileSchema), { dialogues: [], takenOffers: [], replies: [] });
  await db.read();
  const exclusive = createExclusive();
  const residents = new Set<string>();
  const reindex = () => {
    residents.clear();
    for (const list of [db.data.dialogues, db.data.takenOffers, db.data.replies]) for (const x of list) residents.add(x.resident);
  };
  reindex();

  const commit = (change: (file: DialogueFile) => DialogueFile) =>
    exclusive(async () => {
      const before = db.data;
      const next = change(before);
      if (next === before) return;
      try {
        await writeOrRollBack(db, next);
      } finally {
        reindex();
      }
    });

  const fresh = (at: string, now: Date, ttl: number) => now.getTime() - Date.parse(at) < ttl;
  const without = <T extends { resident: string }>(list: T[], resident: string) => list.filter((x) => x.resident !== resident);

  return {
    dialogue: (resident, now) => db.data.dialogues.find((d) => d.resident === resident && fresh(d.updatedAt, now, DIALOGUE_TTL_MS)),
    offerTaken: (resident, consultationId) => db.data.takenOffers.some((o) => o.resident === resident && o.consultationId === consultationId),
    reply: (resident, messageId) => db.data.replies.find((r) => r.resident === resident && r.messageId === messageId),
    knows: (resident) => residents.has(resident),
    update: (resident, patch) =>
      commit((file) => ({
        dialogues: patch.dialogue === undefined ? file.dialogues : [...without(file.dialogues, resident), ...(patch.dialogue ? [patch.dialogue] : [])],
        takenOffers: patch.takenOffer ? [...file.takenOffers, patch.takenOffer] : file.takenOffers,
        replies: patch.reply ? [...file.replies, patch.reply] : file.replies,
      })),
    forget: (resident) =>
      commit((file) => {
        if (!residents.has(resident)) return file;
        return { dialogues: without(file.dialogues, resident), takenOffers: without(file.takenOffers, resident), replies: without(file.replies, resident) };
      }),
    purge: (now) =>
      commit((file) => {
        const next = {
          dialogues: file.dialogues.filter((d) => fresh(d.updatedAt, now, DIALOGUE_TTL_MS)),
          takenOffers: file.takenOffers.filter((o) => fresh(o.at, now, DIALOGUE_TTL_MS)),
          replies: file.replies.filter((r) => fresh(r.at, now, REPLY_TTL_MS)),
        };
        const size = (f: DialogueFile) => f.dialogues.length + f.takenOffers.length + f.replies.length;
        return size(next) === size(file) ? file : next;
      }),
  };
}
