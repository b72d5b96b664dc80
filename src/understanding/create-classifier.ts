import type { Category } from './category.js';
import type { Classification, Classifier } from './classification.js';
import { loadClassifierModel, type ClassifierModel } from './classifier-model.js';
import { createFeatureExtractor, toDisputeFeatureValues, toFeatureValues } from './create-feature-extractor.js';
import { createLexiconScorer } from './create-lexicon-scorer.js';
import { detectUrgent } from './detect-urgent.js';
import { scoreLinear, toProbabilities } from './linear-model.js';
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
  const categoryModel = { bias: model.category.bias, weights: new Map(Object.entries(model.category.weights)) };
  const disputeWeights = new Map(Object.entries(model.dispute.weights));
  return (text) => {
    const normalized = normalizeText(text);
    const features = extract(normalized);
    const categoryScores = scoreLinear(categoryModel, toFeatureValues(features, model.ngramScale));
    const lexiconScores = scoreLexicon(normalized);
    const best = toBestCategory(toCombinedScores(categoryScores, lexiconScores, model.category.lexiconWeight), model);
    let dispute = model.dispute.bias;
    for (const [feature, value] of toDisputeFeatureValues(features, model.ngramScale, best)) {
      dispute += (disputeWeights.get(feature) ?? 0) * value;
    }
    return {
      normalized,
      categoryScores,
      lexiconScores,
      disputeProbability: 1 / (1 + Math.exp(-dispute)),
      hasLegalWords: features.terms.length > 0,
    };
  };
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
 * a rule list for the urgent flag, which must not depend on what the data happened to contain.
 */
export function createClassifier(model: ClassifierModel = loadClassifierModel()): Classifier {
  const score = createModelScorer(model);
  return { classify: (text) => toClassification(score(text), model) };
}
