import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readTsvRows } from './read-tsv-rows.js';

const DisputeLabelSchema = z.object({
  question: z.string().trim().min(1),
  dispute: z.enum(['Y', 'N']).transform((flag) => flag === 'Y'),
});

/**
 * The dispute flag of knowledge-base phrasings, labelled by hand as dev.tsv is (data/dispute-labels/*.tsv,
 * header `question<TAB>dispute`): phrasing → whether it describes a dispute. A malformed row or a phrasing
 * labelled twice with different flags fails, naming file and line; a missing folder means no labels.
 */
export async function readDisputeLabels(dir: string): Promise<Map<string, boolean>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.tsv')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const labels = new Map<string, boolean>();
  for (const name of names) {
    for (const { row, line } of await readTsvRows(join(dir, name), DisputeLabelSchema, name)) {
      const earlier = labels.get(row.question);
      if (earlier !== undefined && earlier !== row.dispute) throw new Error(`${name}: line ${line}: labelled both Y and N`);
      labels.set(row.question, row.dispute);
    }
  }
  return labels;
}
