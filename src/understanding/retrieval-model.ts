import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError } from '../storage/data-file-error.js';
import { canonicalizeText } from './create-answerability.js';
import { toCharNgrams } from './char-ngrams.js';

/**
 * What retrieval learned from real residents' questions and the answer map (scripts/train-answers.ts):
 * - `examples`: for each entry, counts of the character grams of the real questions the map says it
 *   answers fully. The retriever adds them to the entry's own phrasings, so an entry is found in the words
 *   people really use, without the questions themselves being stored in the project.
 * - `picker`: a logistic model that reads the retriever's best few candidates (see answer-picker.ts),
 *   scores how likely each is to answer the question, and the threshold below which none is given.
 */
export const RetrievalModelSchema = z.object({
  version: z.literal(1),
  builtFrom: z.string(),
  /** Entry id → how many example questions it has, and per gram in how many of them the gram occurs. */
  examples: z.record(z.string(), z.object({ questions: z.number().int().positive(), grams: z.record(z.string(), z.number().int().positive()) })),
  picker: z.object({
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
    threshold: z.number().min(0).max(1),
  }),
});
export type RetrievalModel = z.infer<typeof RetrievalModelSchema>;
export type RetrievalExamples = RetrievalModel['examples'];
export type PickerModel = RetrievalModel['picker'];

/** The grams of one text as the retriever counts them: distinct characters and character pairs. */
export function toRetrievalGrams(text: string): string[] {
  return [...new Set(toCharNgrams(canonicalizeText(text), 2))];
}

/** Gram counts over example questions, per entry. */
export function toRetrievalExamples(byEntry: ReadonlyMap<string, readonly string[]>): RetrievalExamples {
  const examples: RetrievalExamples = {};
  for (const [entryId, texts] of [...byEntry].sort(([a], [b]) => a.localeCompare(b))) {
    const grams: Record<string, number> = {};
    for (const text of texts) for (const gram of toRetrievalGrams(text)) grams[gram] = (grams[gram] ?? 0) + 1;
    if (texts.length > 0) examples[entryId] = { questions: texts.length, grams };
  }
  return examples;
}

/** Just the gram counts, as the retriever takes them. */
export function toExampleGrams(examples: RetrievalExamples): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(examples).map(([id, { grams }]) => [id, grams]));
}

export const DEFAULT_RETRIEVAL_MODEL_FILE = new URL('./retrieval-model.json', import.meta.url);

/** Reads the stored model; a malformed file fails start-up naming it, a missing one means none. */
export function loadRetrievalModel(file: URL | string = DEFAULT_RETRIEVAL_MODEL_FILE): RetrievalModel | undefined {
  const name = file instanceof URL ? file.pathname : file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(name, 'cannot be read as JSON', { cause });
  }
  const parsed = RetrievalModelSchema.safeParse(raw);
  if (!parsed.success) throw new DataFileError(name, `not a retrieval model: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
