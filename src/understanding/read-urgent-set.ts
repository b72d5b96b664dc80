import { join } from 'node:path';
import { z } from 'zod';
import { readTsvRows } from './read-tsv-rows.js';

const UrgentRowSchema = z.object({ kind: z.string().min(1), text: z.string().trim().min(1) });
export type UrgentRow = z.infer<typeof UrgentRowSchema>;

/** A set of messages written to test the urgent flag: `urgent.tsv` and `not-urgent.tsv` (header `kind<TAB>text`). */
export interface UrgentSet {
  urgent: UrgentRow[];
  notUrgent: UrgentRow[];
}

export async function readUrgentSet(dir: string): Promise<UrgentSet> {
  return { urgent: await readRows(join(dir, 'urgent.tsv')), notUrgent: await readRows(join(dir, 'not-urgent.tsv')) };
}

async function readRows(file: string): Promise<UrgentRow[]> {
  return (await readTsvRows(file, UrgentRowSchema)).map(({ row }) => row);
}

/** How many urgent messages the flag finds, and how many of the others it leaves alone. */
export function measureUrgentSet(set: UrgentSet, isUrgent: (text: string) => boolean) {
  const found = set.urgent.filter(({ text }) => isUrgent(text));
  const spared = set.notUrgent.filter(({ text }) => !isUrgent(text));
  return {
    urgent: set.urgent.length,
    found: found.length,
    recall: found.length / Math.max(1, set.urgent.length),
    notUrgent: set.notUrgent.length,
    spared: spared.length,
    specificity: spared.length / Math.max(1, set.notUrgent.length),
    missed: set.urgent.filter((row) => !found.includes(row)),
  };
}
