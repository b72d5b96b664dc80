import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { CATEGORIES, type Category } from './category.js';
import { listLexiconTerms } from './category-lexicon.js';
import type { ClassifierModel } from './classifier-model.js';
import { createLexiconScorer } from './create-lexicon-scorer.js';
import {
  CATEGORY_PREFIX,
  createFeatureExtractor,
  CUE_PREFIX,
  TERM_PREFIX,
  toDisputeFeatureValues,
  toFeatureValues,
} from './create-feature-extractor.js';
import type { FeatureValue, LinearModel } from './linear-model.js';
import { normalizeText } from './normalize-text.js';
import { trainLinearModel } from './train-linear-model.js';

/** A question with whatever is known of it: its category, and the dispute flag where someone labelled it. */
export interface TrainingQuestion {
  text: string;
  category?: Category;
  dispute?: boolean;
  weight?: number;
  /** How much the question counts in the dispute model (1). */
  disputeWeight?: number;
}

export interface ClassifierTrainingOptions {
  ngramScale: number;
  /** N-grams seen in fewer training questions than this are not features. */
  minNgramCount: number;
  /**
   * Logit per lexicon weight unit that the weights start from and are pulled back to. The lexicon's own
   * score is already added at `lexiconWeight`, so a full prior counts each word twice: with the
   * 12-phrasing knowledge base, 5-fold accuracy on dev.tsv was 85.1% at 0 and 0.25, 85.3% at 0.5,
   * 84.9% at 0.75 and 1, 84.1% at 2.
   */
  priorScale: number;
  priorStrength: number;
  /**
   * Pull to zero of the category model. Out of fold over the 2,329 real questions: 0.003 gave 78.3%
   * lenient, 0.001 79.6%, 0.0003 81.2%; with 530 questions 0.001 had been best.
   */
  l2: number;
  /**
   * Pull to zero of the dispute model. With dev.tsv alone (530 questions) 0.01 did best; with the 1,928
   * hand-labelled knowledge-base phrasings as well, 0.003 (5-fold AUC 0.857, precision at 90% recall
   * 58%) beat 0.01 (0.849, 56%) and 0.03 (0.837, 55%).
   */
  disputeL2: number;
  epochs: number;
  learningRate: number;
  temperature: number;
  /** The lexicon's own score is added, times this, in training and in use; the model learns the rest. */
  lexiconWeight: number;
  disputeThreshold: number;
  trainedOn: string;
}

/** Compared by 5-fold cross-validation over the real questions (see scripts/train-classifier.ts). */
export const DEFAULT_TRAINING_OPTIONS: ClassifierTrainingOptions = {
  ngramScale: 3,
  minNgramCount: 2,
  priorScale: 0.5,
  priorStrength: 0.01,
  l2: 0.0003,
  disputeL2: 0.003,
  epochs: 150,
  learningRate: 0.1,
  temperature: 1,
  lexiconWeight: 1,
  disputeThreshold: 0.5,
  trainedOn: 'unspecified',
};

/** Weights smaller than this are dropped from the stored model: they never change a decision. */
const KEEP_WEIGHT = 0.02;

export function trainClassifierModel(
  questions: readonly TrainingQuestion[],
  overrides: Partial<ClassifierTrainingOptions> = {},
): ClassifierModel {
  const options = { ...DEFAULT_TRAINING_OPTIONS, ...overrides };
  const extract = createFeatureExtractor();
  const extracted = questions.map((question) => ({ question, features: extract(normalizeText(question.text)) }));
  // An n-gram seen in one question only is that question's fingerprint, not a pattern: leave it out.
  // Values are still computed over all n-grams, as they are when the model is used.
  const ngramCounts = new Map<string, number>();
  for (const { features } of extracted) {
    for (const ngram of features.ngrams) ngramCounts.set(ngram, (ngramCounts.get(ngram) ?? 0) + 1);
  }
  const isKept = ([feature]: FeatureValue) =>
    feature.startsWith(TERM_PREFIX) ||
    feature.startsWith(CUE_PREFIX) ||
    feature.startsWith(CATEGORY_PREFIX) ||
    (ngramCounts.get(feature) ?? 0) >= options.minNgramCount;
  // The lexicon's own score is a fixed part of every prediction, so the weights learn what it misses.
  const scoreLexicon = createLexiconScorer();
  const toOffsets = (text: string) => scoreLexicon(normalizeText(text)).map((score) => score * options.lexiconWeight);
  const featured = extracted.map(({ question, features }) => ({
    question,
    offsets: toOffsets(question.text),
    categoryFeatures: toFeatureValues(features, options.ngramScale).filter(isKept),
    disputeFeatures: question.category === undefined ? [] : toDisputeFeatureValues(features, options.ngramScale, question.category).filter(isKept),
  }));

  const category = trainLinearModel(
    featured.flatMap(({ question, categoryFeatures, offsets }) =>
      question.category === undefined
        ? []
        : [{ features: categoryFeatures, offsets, label: CATEGORIES.indexOf(question.category), weight: question.weight ?? 1 }],
    ),
    { classes: CATEGORIES.length, prior: toLexiconPrior(options.priorScale), ...options },
  );
  const dispute = trainLinearModel(
    featured.flatMap(({ question, disputeFeatures }) =>
      question.dispute === undefined
        ? []
        : [{ features: disputeFeatures, label: question.dispute ? 1 : 0, weight: question.disputeWeight ?? 1 }],
    ),
    {
      classes: 2,
      priorStrength: options.disputeL2,
      l2: options.disputeL2,
      epochs: options.epochs,
      learningRate: options.learningRate,
    },
  );

  return {
    version: 1,
    trainedOn: options.trainedOn,
    categories: [...CATEGORIES],
    ngramScale: options.ngramScale,
    category: {
      temperature: options.temperature,
      lexiconWeight: options.lexiconWeight,
      bias: round(category.bias),
      weights: toStoredWeights(category),
    },
    dispute: {
      threshold: options.disputeThreshold,
      bias: roundOne((dispute.bias[1] ?? 0) - (dispute.bias[0] ?? 0)),
      weights: toBinaryWeights(dispute),
    },
  };
}

function toLexiconPrior(scale: number): Map<string, number[]> {
  const prior = new Map<string, number[]>();
  for (const { term, category, weight } of listLexiconTerms()) {
    const key = TERM_PREFIX + term;
    const weights = prior.get(key) ?? new Array<number>(CATEGORIES.length).fill(0);
    const at = CATEGORIES.indexOf(category);
    weights[at] = (weights[at] ?? 0) + scale * weight;
    prior.set(key, weights);
  }
  return prior;
}

function toStoredWeights(model: LinearModel): Record<string, number[]> {
  const stored: Record<string, number[]> = {};
  for (const [feature, weights] of model.weights) {
    if (weights.some((weight) => Math.abs(weight) >= KEEP_WEIGHT)) stored[feature] = round(weights);
  }
  return stored;
}

function toBinaryWeights(model: LinearModel): Record<string, number> {
  const stored: Record<string, number> = {};
  for (const [feature, [no = 0, yes = 0]] of model.weights) {
    if (Math.abs(yes - no) >= KEEP_WEIGHT) stored[feature] = roundOne(yes - no);
  }
  return stored;
}

function round(values: readonly number[]): number[] {
  return values.map(roundOne);
}

function roundOne(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * What the legal adviser curated, as training questions: every phrasing of the knowledge base is a
 * question of its entry's category; its answer and details, worded for residents too, count as weaker
 * examples (`answerWeight`); and every lexicon word of weight 2 or more is a one-word question of its
 * category, because residents do type just 宅基地 or 工伤, which the long questions of dev.tsv never
 * show. With the words as examples, 5-fold accuracy on dev.tsv rose from 85.3% to 85.8% and every
 * strong lexicon word typed alone lands in its category (320 of 320, against 313).
 */
export function toCuratedQuestions(
  entries: readonly KnowledgeEntry[],
  {
    answerWeight = 0.3,
    disputeLabels = new Map<string, boolean>(),
    disputeWeight = 1,
  }: {
    answerWeight?: number;
    /** Hand labels of phrasings (data/dispute-labels): a labelled phrasing also trains the dispute model. */
    disputeLabels?: ReadonlyMap<string, boolean>;
    disputeWeight?: number;
  } = {},
): TrainingQuestion[] {
  return [
    ...entries.flatMap(({ category, questions, answer, details }) => [
      ...questions.map((text) => {
        const dispute = disputeLabels.get(text);
        return dispute === undefined ? { text, category } : { text, category, dispute, disputeWeight };
      }),
      ...[answer, details ?? '']
        .filter((text) => answerWeight > 0 && text)
        .map((text) => ({ text, category, weight: answerWeight })),
    ]),
    ...listLexiconTerms()
      .filter(({ weight }) => weight >= 2)
      .map(({ term, category }) => ({ text: term, category })),
  ];
}
