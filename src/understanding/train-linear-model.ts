import type { FeatureValue, LinearModel } from './linear-model.js';

export interface TrainingExample {
  features: readonly FeatureValue[];
  label: number;
  /** How much this example counts (curated phrasings may count less than real questions). */
  weight?: number;
  /** Fixed scores per class added before the softmax: what another scorer already says. */
  offsets?: readonly number[];
}

export interface TrainingOptions {
  classes: number;
  /** Starting weights, and what the weights are pulled back to: the hand-written lexicon. */
  prior?: ReadonlyMap<string, readonly number[]>;
  /** Pull towards the prior for features that have one; `l2` pulls the rest towards zero. */
  priorStrength: number;
  l2: number;
  epochs: number;
  learningRate?: number;
}

/**
 * Full-batch AdaGrad on the regularised log loss. The data are small (hundreds to a few thousand
 * questions), so a plain loop over sparse features is fast enough and needs no dependency.
 */
export function trainLinearModel(examples: readonly TrainingExample[], options: TrainingOptions): LinearModel {
  const { classes: k, prior = new Map<string, readonly number[]>(), priorStrength, l2, epochs } = options;
  const learningRate = options.learningRate ?? 0.3;
  const index = new Map<string, number>();
  const rows = examples.map((example) => ({
    ids: Int32Array.from(example.features, ([feature]) => {
      const known = index.get(feature);
      if (known !== undefined) return known;
      index.set(feature, index.size);
      return index.size - 1;
    }),
    values: Float64Array.from(example.features, ([, value]) => value),
    label: example.label,
    weight: example.weight ?? 1,
    offsets: example.offsets,
  }));
  const size = index.size + 1; // the last row holds the biases
  const weights = new Float64Array(size * k);
  const anchors = new Float64Array(size * k);
  const strengths = new Float64Array(size).fill(l2);
  strengths[size - 1] = 0;
  for (const [feature, id] of index) {
    const anchor = prior.get(feature);
    if (!anchor) continue;
    strengths[id] = priorStrength;
    for (let c = 0; c < k; c += 1) anchors[id * k + c] = anchor[c] ?? 0;
  }
  weights.set(anchors);
  const squared = new Float64Array(size * k);
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  const bias = (size - 1) * k;
  const scores = new Float64Array(k);

  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const gradient = new Float64Array(size * k);
    for (const row of rows) {
      for (let c = 0; c < k; c += 1) scores[c] = (weights[bias + c] ?? 0) + (row.offsets?.[c] ?? 0);
      for (let j = 0; j < row.ids.length; j += 1) {
        const base = (row.ids[j] ?? 0) * k;
        const value = row.values[j] ?? 0;
        for (let c = 0; c < k; c += 1) scores[c] = (scores[c] ?? 0) + (weights[base + c] ?? 0) * value;
      }
      const top = Math.max(...scores);
      let total = 0;
      for (let c = 0; c < k; c += 1) {
        scores[c] = Math.exp((scores[c] ?? 0) - top);
        total += scores[c] ?? 0;
      }
      const share = row.weight / totalWeight;
      for (let c = 0; c < k; c += 1) {
        const error = ((scores[c] ?? 0) / total - (c === row.label ? 1 : 0)) * share;
        gradient[bias + c] = (gradient[bias + c] ?? 0) + error;
        for (let j = 0; j < row.ids.length; j += 1) {
          const at = (row.ids[j] ?? 0) * k + c;
          gradient[at] = (gradient[at] ?? 0) + error * (row.values[j] ?? 0);
        }
      }
    }
    for (let at = 0; at < size * k; at += 1) {
      const current = weights[at] ?? 0;
      const step = (gradient[at] ?? 0) + (strengths[Math.floor(at / k)] ?? 0) * (current - (anchors[at] ?? 0));
      squared[at] = (squared[at] ?? 0) + step * step;
      weights[at] = current - (learningRate * step) / (Math.sqrt(squared[at] ?? 0) + 1e-8);
    }
  }
  return {
    bias: Array.from(weights.subarray(bias, bias + k)),
    weights: new Map([...index].map(([feature, id]) => [feature, Array.from(weights.subarray(id * k, id * k + k))])),
  };
}
