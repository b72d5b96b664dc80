import { z } from 'zod';
import { readTsvRows } from './read-tsv-rows.js';

const EntryIds = z
  .string()
  .transform((cell) => cell.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'entry ids: lower-case letters, digits and dashes')));

/**
 * One row of data/eval/answer-map.tsv (brief: data/eval/answer-map-brief.md): which curated entries answer a
 * real question fully, which partly, and when none does fully, the topic an entry would need.
 */
export const AnswerMapRowSchema = z.object({
  id: z.string().min(1),
  full: EntryIds,
  partial: EntryIds,
  needs: z.string().trim(),
});
export type AnswerMapRow = z.infer<typeof AnswerMapRowSchema>;

/** The map by question id; a malformed row or a question mapped twice fails, naming the line. */
export async function readAnswerMap(file: string): Promise<Map<string, AnswerMapRow>> {
  const map = new Map<string, AnswerMapRow>();
  for (const { row, line } of await readTsvRows(file, AnswerMapRowSchema)) {
    if (map.has(row.id)) throw new Error(`${file}: line ${line}: ${row.id} is mapped twice`);
    map.set(row.id, row);
  }
  return map;
}

/** How an answer relates to a question, by the map. */
export type AnswerFit = 'full' | 'partial' | 'unrelated';

export function toAnswerFit(row: AnswerMapRow, entryId: string): AnswerFit {
  if (row.full.includes(entryId)) return 'full';
  return row.partial.includes(entryId) ? 'partial' : 'unrelated';
}
