import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JsonLinesAdapter, type JsonLines } from '../storage/json-lines-adapter.js';
import { createExclusive } from '../storage/run-exclusive.js';
import { ConsultationRecordSchema, type ConsultationRecord } from './consultation-record.js';
import { writeOrRollBack } from '../storage/write-or-roll-back.js';

/** The consultation log as the rest of the app sees it. */
export interface ConsultationLog {
  /** Resolves once the record is on disk. Concurrent appends share one write (group commit). */
  append(record: ConsultationRecord): Promise<void>;
  findByMessageId(resident: string, messageId: string, month: string): Promise<ConsultationRecord | undefined>;
  /** The resident's latest answered question in `month`, for follow-ups such as 法条 and 详细. */
  lastAnswered(resident: string, month: string): Promise<ConsultationRecord | undefined>;
  /** The resident's latest record in `month`: whether its reply offered a mediator decides what `1` means. */
  lastRecord(resident: string, month: string): Promise<ConsultationRecord | undefined>;
  /** Removes the stored question texts of one resident in every month; returns how many were removed. */
  eraseTexts(resident: string): Promise<number>;
  /**
   * Fills in the village of the consultation `id` of `month` when it has none (the mediation intake learned
   * it later), so statistics count it there. Rewrites the month file: meant for once per case, not per
   * message. True when the record changed.
   */
  recordVillage(id: string, month: string, village: string): Promise<boolean>;
  readMonth(month: string): Promise<readonly ConsultationRecord[]>;
  months(): Promise<string[]>;
  /** Records appended and disk writes made since opening: group commit keeps writes well below records. */
  stats(): { appended: number; commits: number };
}

const FILE_PATTERN = /^(\d{4}-\d{2})\.jsonl$/;

/** One month's file: lowdb over JSON Lines, with a message-id index for dedupe. */
class MonthLog {
  readonly #db: Low<JsonLines<ConsultationRecord>>;
  readonly #byMessage = new Map<string, ConsultationRecord>();
  readonly #lastAnswered = new Map<string, ConsultationRecord>();
  readonly #lastRecord = new Map<string, ConsultationRecord>();
  readonly #exclusive = createExclusive();
  #pending: { record: ConsultationRecord; done: (err?: unknown) => void }[] = [];
  #flushing = false;

  constructor(
    path: string,
    private readonly counters: { appended: number; commits: number },
  ) {
    this.#db = new Low(new JsonLinesAdapter(path, ConsultationRecordSchema), { records: [] });
  }

  async load(): Promise<void> {
    await this.#db.read();
    for (const r of this.#db.data.records) this.#index(r);
  }

  get records(): readonly ConsultationRecord[] {
    return this.#db.data.records;
  }

  lastAnswered(resident: string): ConsultationRecord | undefined {
    return this.#lastAnswered.get(resident);
  }

  lastRecord(resident: string): ConsultationRecord | undefined {
    return this.#lastRecord.get(resident);
  }

  find(resident: string, messageId: string): ConsultationRecord | undefined {
    return this.#byMessage.get(messageKey(resident, messageId));
  }

  append(record: ConsultationRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ record, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.#flushing) void this.#flush();
    });
  }

  eraseTexts(resident: string): Promise<number> {
    return this.#exclusive(async () => {
      const records = this.#db.data.records;
      let erased = 0;
      const next = records.map((r) => {
        if (r.resident !== resident || r.text === null) return r;
        erased++;
        return { ...r, text: null };
      });
      if (erased === 0) return 0;
      await writeOrRollBack(this.#db, { ...this.#db.data, records: next });
      for (const r of next) this.#index(r);
      return erased;
    });
  }

  recordVillage(id: string, village: string): Promise<boolean> {
    return this.#exclusive(async () => {
      const records = this.#db.data.records;
      const i = records.findIndex((r) => r.id === id);
      const current = records[i];
      if (current === undefined || current.village?.trim()) return false;
      const changed = { ...current, village };
      // A new array, not a change in place: the adapter then replaces the file atomically instead of appending.
      const next = records.with(i, changed);
      await writeOrRollBack(this.#db, { ...this.#db.data, records: next });
      this.#reindex(current, changed);
      return true;
    });
  }

  /** Writes whatever queued while the previous write was on its way, as one batch. */
  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      await this.#exclusive(async () => {
        const records = this.#db.data.records;
        const before = records.length;
        records.push(...batch.map((b) => b.record));
        try {
          await this.#db.write();
        } catch (err) {
          records.splice(before);
          for (const b of batch) b.done(err);
          return;
        }
        this.counters.commits++;
        this.counters.appended += batch.length;
        for (const b of batch) {
          this.#index(b.record);
          b.done();
        }
      });
    }
    this.#flushing = false;
  }

  /** Points the indexes that held `before` at `after`, its changed copy. */
  #reindex(before: ConsultationRecord, after: ConsultationRecord): void {
    if (before.messageId !== null && this.#byMessage.get(messageKey(before.resident, before.messageId)) === before) {
      this.#byMessage.set(messageKey(before.resident, before.messageId), after);
    }
    if (this.#lastAnswered.get(before.resident) === before) this.#lastAnswered.set(before.resident, after);
    if (this.#lastRecord.get(before.resident) === before) this.#lastRecord.set(before.resident, after);
  }

  #index(record: ConsultationRecord): void {
    if (record.messageId !== null) this.#byMessage.set(messageKey(record.resident, record.messageId), record);
    if (record.intent === 'question' && record.answerId !== null) this.#lastAnswered.set(record.resident, record);
    this.#lastRecord.set(record.resident, record);
  }
}

function messageKey(resident: string, messageId: string): string {
  return `${resident}\u0000${messageId}`;
}

/**
 * Opens the log under `dir`, one JSON Lines file per month. `currentMonth` is read at once so that a damaged
 * file stops start-up; other months are read when first asked for.
 */
export async function openConsultationLog(dir: string, currentMonth: string): Promise<ConsultationLog> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const opened = new Map<string, Promise<MonthLog>>();
  const counters = { appended: 0, commits: 0 };

  const month = (m: string): Promise<MonthLog> => {
    let log = opened.get(m);
    if (!log) {
      const fresh = new MonthLog(join(dir, `${m}.jsonl`), counters);
      log = fresh.load().then(() => fresh);
      log.catch(() => opened.delete(m));
      opened.set(m, log);
    }
    return log;
  };

  const months = async (): Promise<string[]> => {
    const names = await readdir(dir);
    const found = new Set(names.flatMap((n) => FILE_PATTERN.exec(n)?.[1] ?? []));
    for (const m of opened.keys()) found.add(m);
    return [...found].sort();
  };

  await month(currentMonth);

  return {
    append: async (record) => (await month(record.month)).append(record),
    findByMessageId: async (resident, messageId, m) => (await month(m)).find(resident, messageId),
    lastAnswered: async (resident, m) => (await month(m)).lastAnswered(resident),
    lastRecord: async (resident, m) => (await month(m)).lastRecord(resident),
    readMonth: async (m) => (await month(m)).records,
    months,
    stats: () => ({ ...counters }),
    recordVillage: async (id, m, village) => (await month(m)).recordVillage(id, village),
    eraseTexts: async (resident) => {
      let erased = 0;
      for (const m of await months()) erased += await (await month(m)).eraseTexts(resident);
      return erased;
    },
  };
}
