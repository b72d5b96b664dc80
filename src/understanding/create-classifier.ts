import type { Category } from './category.js';
import type { Classification, Classifier } from './classification.js';
import { loadClassifierModel, type ClassifierModel } from './classifier-model.js';
import { CATEGORY_PREFIX, createFeatureExtractor, CUE_PREFIX, toNgramValue } from './create-feature-extractor.js';
import { createLexiconScorer } from './create-lexicon-scorer.js';
import { detectUrgent } from './detect-urgent.js';
import { toProbabilities } from './linear-model.js';
import { normalizeText } from './normalize-text.js';

/** Below this, a message with no legal word at all is taken as not a legal question. */
const NO_LEGAL_CONTENT = 0.5;
/** The confidence reported for `other` when the message has no legal content. */
const NO_LEGAL_CONFIDENCE = 0.2;

/** The model's raw view of one message, before temperature and thresholds turn it into decisions. */
export interface ModelScores {
  normalized: string;
  /** One score (logit) per category from the trained weights, in the model's `categories` order. */
  categoryScores: number[];
  /** The hand-written lexicon's own score per category, same order. */
  lexiconScores: number[];
  disputeProbability: number;
  hasLegalWords: boolean;
}

export function createModelScorer(model: ClassifierModel): (text: string) => ModelScores {
  const extract = createFeatureExtractor();
  const scoreLexicon = createLexiconScorer();
  const weights = toWeightTable(model);
  const categoryCount = model.category.bias.length;
  return (text) => {
    const normalized = normalizeText(text);
    const features = extract(normalized);
    // One pass over the features scores both models; cues carry dispute weights only (see toDisputeFeatureValues).
    const categoryScores = [...model.category.bias];
    let dispute = model.dispute.bias;
    const add = (feature: string, value: number) => {
      const found = weights.get(feature);
      if (!found) return;
      dispute += found.dispute * value;
      const { category } = found;
      if (!category) return;
      for (let k = 0; k < categoryCount; k += 1) categoryScores[k] = (categoryScores[k] ?? 0) + (category[k] ?? 0) * value;
    };
    for (const term of features.terms) add(term, 1);
    for (const cue of features.cues) add(cue, 1);
    const ngramValue = toNgramValue(features, model.ngramScale);
    for (const ngram of features.ngrams) add(ngram, ngramValue);
    const lexiconScores = scoreLexicon(normalized);
    const best = toBestCategory(toCombinedScores(categoryScores, lexiconScores, model.category.lexiconWeight), model);
    dispute += weights.get(CATEGORY_PREFIX + best)?.dispute ?? 0;
    return {
      normalized,
      categoryScores,
      lexiconScores,
      disputeProbability: 1 / (1 + Math.exp(-dispute)),
      hasLegalWords: features.terms.length > 0,
    };
  };
}

/** Each feature's category weights (absent for cues and the category feature) and flag weights, looked up once. */
function toWeightTable(model: ClassifierModel): Map<string, FeatureWeights> {
  const table = new Map<string, FeatureWeights>();
  const entry = (feature: string) => {
    let found = table.get(feature);
    if (!found) table.set(feature, (found = { category: undefined, dispute: 0 }));
    return found;
  };
  for (const [feature, values] of Object.entries(model.category.weights)) {
    if (feature.startsWith(CUE_PREFIX)) throw new Error(`classifier model: cue ${feature} has category weights`);
    entry(feature).category = Float64Array.from(values);
  }
  for (const [feature, value] of Object.entries(model.dispute.weights)) entry(feature).dispute = value;
  return table;
}

interface FeatureWeights {
  category: Float64Array | undefined;
  dispute: number;
}

function toCombinedScores(categoryScores: readonly number[], lexiconScores: readonly number[], lexiconWeight: number): number[] {
  return categoryScores.map((score, i) => score + lexiconWeight * (lexiconScores[i] ?? 0));
}

function toBestCategory(combined: readonly number[], model: ClassifierModel): Category {
  return model.categories[combined.indexOf(Math.max(...combined))] ?? 'other';
}

export function toClassification(scores: ModelScores, model: ClassifierModel): Classification {
  const urgent = detectUrgent(scores.normalized);
  const { lexiconWeight, temperature } = model.category;
  const probabilities = toProbabilities(toCombinedScores(scores.categoryScores, scores.lexiconScores, lexiconWeight), temperature);
  const best = probabilities.indexOf(Math.max(...probabilities));
  const confidence = probabilities[best] ?? 0;
  if (!scores.hasLegalWords && confidence < NO_LEGAL_CONTENT) {
    return { category: 'other', confidence: NO_LEGAL_CONFIDENCE, dispute: false, urgent };
  }
  const category: Category = model.categories[best] ?? 'other';
  return { category, confidence, dispute: scores.disputeProbability >= model.dispute.threshold, urgent };
}

/**
 * The embedded classifier: a linear model over lexicon words and character n-grams for the category
 * and the dispute flag (trained by scripts/train-classifier.ts, stored in classifier-model.json), and
 * for the urgent flag the rule list (detect-urgent.ts). An n-gram danger model trained on written examples
 * used to flag beside the rules; over the 2,329 real questions, out of fold, it found no danger the rules
 * missed and added false alarms, each of which pages the duty mediator, so it is gone.
 */
export function createClassifier(model: ClassifierModel = loadClassifierModel()): Classifier {
  const score = createModelScorer(model);
  return { classify: (text) => toClassification(score(text), model) };
}
