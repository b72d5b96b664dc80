import { z } from 'zod';
import { CategorySchema } from './category.js';
import { readTsvRows } from './read-tsv-rows.js';

const YesNo = z.enum(['Y', 'N']).transform((flag) => flag === 'Y');

/** One row of shared/eval/dev.tsv (columns as in shared/eval/README.md). */
export const LabelledQuestionSchema = z.object({
  id: z.string().min(1),
  category: CategorySchema,
  alt: z.union([z.literal('').transform(() => undefined), CategorySchema]),
  dispute: YesNo,
  urgent: YesNo,
  question: z.string(),
});
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;

/** Reads a labelled-question TSV with a header line; fails on the first malformed row, naming it. */
export async function readLabelledQuestions(file: string): Promise<LabelledQuestion[]> {
  return (await readTsvRows(file, LabelledQuestionSchema)).map(({ row }) => row);
}

/**
 * The fixed held-out part of a labelled set: about 30% of rows, chosen by a hash of the id so the
 * split never changes between runs and is the same for training and for evaluation.
 */
export function isHeldOut(id: string): boolean {
  return hashId(id) % 10 < 3;
}

/** Which of `folds` cross-validation folds a row belongs to, by the same kind of id hash. */
export function toFold(id: string, folds: number): number {
  return Math.floor(hashId(id) / 7) % folds;
}

/** FNV-1a, 32 bit. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (const char of id) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
