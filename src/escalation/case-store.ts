import { Low } from 'lowdb';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { JsonFileAdapter } from '../storage/json-file-adapter.js';
import { createExclusive } from '../storage/run-exclusive.js';
import { toLocalDay } from '../time/clock.js';
import { CaseRecordSchema, type CaseRecord } from './case-record.js';
import { writeOrRollBack } from '../storage/write-or-roll-back.js';

const CaseFileSchema = z.object({ cases: z.array(CaseRecordSchema) });
type CaseFile = z.infer<typeof CaseFileSchema>;

/** The mediation cases, as the rest of escalation sees them. Every change is on disk before it resolves. */
export interface CaseStore {
  all(): readonly CaseRecord[];
  get(id: string): CaseRecord | undefined;
  /** Adds a case under the next id of its township year (TJ-2026-0001, TJ-2026-0002, … TJ-2027-0001). */
  create(openedAt: Date, build: (id: string) => CaseRecord): Promise<CaseRecord>;
  /** Replaces one case with `change(current)`; an error thrown by `change` leaves everything as it was. */
  update(id: string, change: (current: CaseRecord) => CaseRecord): Promise<CaseRecord>;
}

/** Opens (or starts) the case file: one small JSON document, validated on read, replaced atomically. */
export async function openCaseStore(path: string): Promise<CaseStore> {
  const db = new Low<CaseFile>(new JsonFileAdapter(path, CaseFileSchema), { cases: [] });
  await db.read();
  const exclusive = createExclusive();

  const commit = (next: CaseRecord[]): Promise<void> => writeOrRollBack(db, { ...db.data, cases: next });

  return {
    all: () => db.data.cases,
    get: (id) => db.data.cases.find((c) => c.id === id),
    create: (openedAt, build) =>
      exclusive(async () => {
        const record = CaseRecordSchema.parse(build(nextCaseId(db.data.cases, openedAt)));
        await commit([...db.data.cases, record]);
        return record;
      }),
    update: (id, change) =>
      exclusive(async () => {
        const current = db.data.cases.find((c) => c.id === id);
        if (!current) throw new NotFoundError(`case ${id} not found`);
        const next = CaseRecordSchema.parse(change(current));
        await commit(db.data.cases.map((c) => (c === current ? next : c)));
        return next;
      }),
  };
}

/** The year is the township's (Beijing time): a case opened at 00:30 on 1 January is the new year's first. */
export function nextCaseId(cases: readonly CaseRecord[], openedAt: Date): string {
  const year = toLocalDay(openedAt).slice(0, 4);
  const prefix = `TJ-${year}-`;
  let last = 0;
  for (const c of cases) if (c.id.startsWith(prefix)) last = Math.max(last, Number(c.id.slice(prefix.length)));
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}
