import type { Category } from './category.js';
import type { Classification, RetrievalHit } from './classification.js';
import type { FeatureValue } from './linear-model.js';
import type { PickerModel, RetrievalExamples } from './retrieval-model.js';

/** How many of the retriever's best hits the picker reads. */
export const PICKER_CANDIDATES = 5;

/** What the picker knows of the entries: their category and how many real questions taught them. */
export interface PickerEntries {
  category(entryId: string): Category | undefined;
  exampleCount(entryId: string): number;
}

/**
 * What the picker reads of one candidate: its rank, how far its ranking score falls behind the best,
 * the best's lead over the second, how much of the message the entry covers, whether the entry is of the
 * category the classifier chose (and how sure it is), the message's length, and how many real questions
 * the entry answers in the map.
 */
export function toCandidateFeatures(
  hits: readonly RetrievalHit[],
  classification: Classification,
  messageLength: number,
  entries: PickerEntries,
): FeatureValue[][] {
  const [top, second] = hits;
  if (!top) return [];
  return hits.map((hit, rank) => {
    const same = entries.category(hit.entryId) === classification.category ? 1 : 0;
    return [
      [`rank${rank}`, 1],
      ['gap', hit.likelihood - top.likelihood],
      ['lead', rank === 0 ? top.likelihood - (second?.likelihood ?? top.likelihood) : 0],
      ['likelihood', hit.likelihood],
      ['coverage', hit.coverage],
      ['coverage2', hit.coverage * hit.coverage],
      ['category', same],
      ['categoryConfidence', same * classification.confidence],
      ['length', Math.log(1 + messageLength)],
      ['examples', Math.log(1 + entries.exampleCount(hit.entryId))],
    ];
  });
}

export function scoreCandidate(model: Pick<PickerModel, 'bias' | 'weights'>, features: readonly FeatureValue[]): number {
  let z = model.bias;
  for (const [name, value] of features) z += (model.weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

export interface PickedAnswer {
  entryId: string;
  /** 0-1: the picker's estimate that this entry answers the question at least in part. */
  confidence: number;
}

/** The candidate most likely to answer, or undefined when none reaches the model's threshold. */
export function pickAnswer(
  model: PickerModel,
  hits: readonly RetrievalHit[],
  classification: Classification,
  messageLength: number,
  entries: PickerEntries,
): PickedAnswer | undefined {
  let best: PickedAnswer | undefined;
  toCandidateFeatures(hits, classification, messageLength, entries).forEach((features, i) => {
    const confidence = scoreCandidate(model, features);
    const entryId = hits[i]?.entryId;
    if (entryId && (!best || confidence > best.confidence)) best = { entryId, confidence };
  });
  return best && best.confidence >= model.threshold ? best : undefined;
}

/** The entries' categories and example counts, for the picker. */
export function toPickerEntries(entries: readonly { id: string; category: Category }[], examples: RetrievalExamples): PickerEntries {
  const categories = new Map(entries.map(({ id, category }) => [id, category]));
  return { category: (id) => categories.get(id), exampleCount: (id) => examples[id]?.questions ?? 0 };
}
