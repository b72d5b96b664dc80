import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readTsvRows } from './read-tsv-rows.js';

/** A resident's way of asking a curated question that is deliberately not in the knowledge base. */
export const ParaphraseSchema = z.object({
  entryId: z.string().min(1),
  question: z.string().trim().min(1),
  file: z.string(),
});
export type Paraphrase = z.infer<typeof ParaphraseSchema>;

/** Reads every `*.tsv` in `dir` (header `entry_id<TAB>question`); a malformed row fails, naming it. */
export async function readParaphrases(dir: string): Promise<Paraphrase[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.tsv')).sort();
  const paraphrases: Paraphrase[] = [];
  for (const name of names) {
    for (const { row } of await readTsvRows(join(dir, name), ParaphraseRowSchema, name)) {
      paraphrases.push(ParaphraseSchema.parse({ entryId: row.entry_id, question: row.question, file: name }));
    }
  }
  return paraphrases;
}

/** One line of a paraphrase file, as its header names the columns. */
const ParaphraseRowSchema = z.object({ entry_id: z.string().min(1), question: z.string().trim().min(1) });

/**
 * Which half a paraphrase belongs to, fixed by a hash of its row (entry id and question): retrieval is
 * developed on the dev half only and reported on the test half, so tuning does not fit the whole set.
 */
export function toParaphraseHalf({ entryId, question }: { entryId: string; question: string }): 'dev' | 'test' {
  let hash = 0x811c9dc5;
  for (const char of `${entryId}\t${question}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'dev' : 'test';
}
