import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError } from '../storage/data-file-error.js';
import { CATEGORIES, CategorySchema } from './category.js';

/**
 * The trained classifier as stored in classifier-model.json (written by scripts/train-classifier.ts):
 * sparse weights of a linear model over lexicon words and character n-grams, rounded to keep the
 * file small. Category weights list one number per category in `categories` order.
 */
export const ClassifierModelSchema = z.object({
  version: z.literal(1),
  trainedOn: z.string(),
  /** Must be CATEGORIES in its order: the lexicon scores are computed in that order. */
  categories: z
    .array(CategorySchema)
    .refine((categories) => categories.join() === CATEGORIES.join(), 'categories must be CATEGORIES, in order'),
  /** Value of each n-gram feature is ngramScale / √(number of n-grams in the message). */
  ngramScale: z.number().positive(),
  category: z.object({
    temperature: z.number().positive(),
    /** How much the hand-written lexicon's own score is added to the trained score. */
    lexiconWeight: z.number().min(0),
    bias: z.array(z.number()),
    weights: z.record(z.string(), z.array(z.number())),
  }),
  dispute: z.object({
    threshold: z.number().min(0).max(1),
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
  }),
});
export type ClassifierModel = z.infer<typeof ClassifierModelSchema>;

export const DEFAULT_MODEL_FILE = new URL('./classifier-model.json', import.meta.url);

/** Reads and checks the stored model; a missing or malformed file fails start-up, naming the file. */
export function loadClassifierModel(file: URL | string = DEFAULT_MODEL_FILE): ClassifierModel {
  const name = file instanceof URL ? file.pathname : file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new DataFileError(name, 'cannot be read as JSON', { cause });
  }
  const parsed = ClassifierModelSchema.safeParse(raw);
  if (!parsed.success) throw new DataFileError(name, `not a classifier model: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
