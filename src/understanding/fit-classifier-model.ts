import { CATEGORIES } from './category.js';
import type { Classification } from './classification.js';
import type { ClassifierModel } from './classifier-model.js';
import { createModelScorer, toClassification, type ModelScores } from './create-classifier.js';
import { toFold, type LabelledQuestion } from './labelled-question.js';
import { toProbabilities } from './linear-model.js';
import {
  DEFAULT_TRAINING_OPTIONS,
  trainClassifierModel,
  type ClassifierTrainingOptions,
  type TrainingQuestion,
} from './train-classifier-model.js';

export interface FitOptions extends Partial<ClassifierTrainingOptions> {
  folds?: number;
  /** The dispute threshold is the highest one that still finds this share of disputes out of fold. */
  disputeRecall?: number;
  /** How much one curated knowledge-base phrasing counts against one real question. */
  curatedWeight?: number;
}

export interface FitResult {
  model: ClassifierModel;
  /** Each labelled question classified by a model that did not see it (k-fold), with the fitted settings. */
  outOfFold: Classification[];
}

/**
 * Trains on real labelled questions plus curated phrasings, choosing the probability temperature and
 * the dispute threshold by k-fold cross-validation on the labelled questions only, then training the
 * stored model on all of them.
 */
export function fitClassifierModel(
  labelled: readonly LabelledQuestion[],
  curated: readonly TrainingQuestion[],
  options: FitOptions = {},
): FitResult {
  const { folds = 5, disputeRecall = 0.92, curatedWeight = 1, ...training } = options;
  const extra = curated.map((question) => ({ ...question, weight: (question.weight ?? 1) * curatedWeight }));
  const toTraining = (rows: readonly LabelledQuestion[]): TrainingQuestion[] => [
    ...rows.map(({ question, category, dispute, urgent }) => ({ text: question, category, dispute, urgent })),
    ...extra,
  ];

  const scores = new Array<ModelScores>(labelled.length);
  for (let fold = 0; fold < folds; fold += 1) {
    const model = trainClassifierModel(toTraining(labelled.filter((row) => toFold(row.id, folds) !== fold)), training);
    const score = createModelScorer(model);
    labelled.forEach((row, i) => {
      if (toFold(row.id, folds) === fold) scores[i] = score(row.question);
    });
  }
  const lexiconWeight = training.lexiconWeight ?? DEFAULT_TRAINING_OPTIONS.lexiconWeight;
  const combined = scores.map((score) => toCombined(score, lexiconWeight));
  const temperature = chooseTemperature(labelled, combined);
  const disputeThreshold = chooseThreshold(labelled, scores, disputeRecall);
  const model = trainClassifierModel(toTraining(labelled), { ...training, lexiconWeight, temperature, disputeThreshold });
  return { model, outOfFold: scores.map((score) => toClassification(score, model)) };
}

function toCombined(score: ModelScores | undefined, lexiconWeight: number): number[] {
  return (score?.categoryScores ?? []).map((value, i) => value + lexiconWeight * (score?.lexiconScores[i] ?? 0));
}

/** The temperature that makes out-of-fold probabilities honest (least log loss; alt counts as right). */
function chooseTemperature(labelled: readonly LabelledQuestion[], combined: readonly number[][]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let temperature = 0.25; temperature <= 6; temperature += 0.25) {
    let loss = 0;
    labelled.forEach((row, i) => {
      const probabilities = toProbabilities(combined[i] ?? [], temperature);
      const right = probabilityOf(row.category, probabilities) + (row.alt ? probabilityOf(row.alt, probabilities) : 0);
      loss -= Math.log(Math.max(right, 1e-9));
    });
    if (loss < best.loss) best = { temperature, loss };
  }
  return best.temperature;
}

function chooseThreshold(labelled: readonly LabelledQuestion[], scores: readonly ModelScores[], recall: number): number {
  const disputes = labelled.flatMap((row, i) => (row.dispute ? [scores[i]?.disputeProbability ?? 0] : []));
  disputes.sort((a, b) => b - a);
  const needed = Math.ceil(recall * disputes.length);
  return Math.floor((disputes[needed - 1] ?? 0.5) * 1000) / 1000;
}

function probabilityOf(category: string, probabilities: readonly number[]): number {
  return probabilities[CATEGORY_INDEX.get(category) ?? -1] ?? 0;
}

const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((category, i) => [category, i]));
