/** A feature of one message with its value (1 for a lexicon word, smaller for each n-gram). */
export type FeatureValue = readonly [feature: string, value: number];

/** Multiclass logistic regression: one weight per class for each feature, plus a bias per class. */
export interface LinearModel {
  bias: number[];
  weights: ReadonlyMap<string, readonly number[]>;
}

/** Probabilities from scores; `temperature` > 1 softens an over-confident model. */
export function toProbabilities(scores: readonly number[], temperature = 1): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp((score - top) / temperature));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
