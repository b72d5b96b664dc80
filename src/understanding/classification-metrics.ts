import { CATEGORIES, type Category } from './category.js';
import type { Classification } from './classification.js';

/** What a labelled question says (shared/eval/README.md): `alt` is a second acceptable category. */
export interface ClassificationTruth {
  category: Category;
  alt?: Category | undefined;
  dispute: boolean;
  urgent: boolean;
}

export interface FlagFigures {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface ClassificationFigures {
  questions: number;
  /** Right when the prediction is the category or the acceptable `alt` (lenient). */
  accuracy: number;
  /** Right only when the prediction is the labelled category itself. */
  strictAccuracy: number;
  macroF1: number;
  /** Recall counts `alt` as right (lenient); strictRecall does not. */
  perCategory: Record<Category, { precision: number; recall: number; strictRecall: number; f1: number; support: number }>;
  /** confusion[true category][predicted category], counts; a prediction equal to `alt` counts as right. */
  confusion: Record<Category, Record<Category, number>>;
  dispute: FlagFigures;
  urgent: FlagFigures;
  /** Share right among predictions whose confidence fell in each band: calibrated when they agree. */
  calibration: { from: number; to: number; questions: number; accuracy: number }[];
}

const CONFIDENCE_BANDS = [0, 0.4, 0.6, 0.8, 0.9, 1.01];

export function summarizeClassification(
  truths: readonly ClassificationTruth[],
  predictions: readonly Classification[],
): ClassificationFigures {
  const confusion = Object.fromEntries(
    CATEGORIES.map((category) => [category, Object.fromEntries(CATEGORIES.map((other) => [other, 0]))]),
  ) as Record<Category, Record<Category, number>>;
  let right = 0;
  let strictRight = 0;
  const strictHits = new Map<Category, number>();
  truths.forEach((truth, i) => {
    const predicted = predictions[i]?.category ?? 'other';
    const isRight = predicted === truth.category || predicted === truth.alt;
    if (isRight) right += 1;
    if (predicted === truth.category) {
      strictRight += 1;
      strictHits.set(predicted, (strictHits.get(predicted) ?? 0) + 1);
    }
    // A prediction of the acceptable alternative is scored as that category being the true one.
    confusion[isRight ? predicted : truth.category][predicted] += 1;
  });
  const perCategory = Object.fromEntries(
    CATEGORIES.map((category) => {
      const truePositives = confusion[category][category];
      const support = CATEGORIES.reduce((sum, other) => sum + confusion[category][other], 0);
      const predicted = CATEGORIES.reduce((sum, other) => sum + confusion[other][category], 0);
      const precision = ratio(truePositives, predicted);
      const recall = ratio(truePositives, support);
      const labelled = truths.filter((truth) => truth.category === category).length;
      const strictRecall = ratio(strictHits.get(category) ?? 0, labelled);
      return [category, { precision, recall, strictRecall, f1: ratio(2 * precision * recall, precision + recall), support }];
    }),
  ) as ClassificationFigures['perCategory'];
  const present = CATEGORIES.filter((category) => perCategory[category].support > 0);
  return {
    questions: truths.length,
    accuracy: ratio(right, truths.length),
    strictAccuracy: ratio(strictRight, truths.length),
    macroF1: ratio(
      present.reduce((sum, category) => sum + perCategory[category].f1, 0),
      present.length,
    ),
    perCategory,
    confusion,
    calibration: CONFIDENCE_BANDS.slice(0, -1).map((from, band) => {
      const to = CONFIDENCE_BANDS[band + 1] ?? 1;
      const inBand = truths.flatMap((truth, i) => {
        const prediction = predictions[i];
        return prediction && prediction.confidence >= from && prediction.confidence < to ? [{ truth, prediction }] : [];
      });
      const right = inBand.filter(({ truth, prediction }) => [truth.category, truth.alt].includes(prediction.category));
      return { from, to: Math.min(1, to), questions: inBand.length, accuracy: ratio(right.length, inBand.length) };
    }),
    dispute: toFlagFigures(truths.map((truth, i) => [truth.dispute, predictions[i]?.dispute ?? false])),
    urgent: toFlagFigures(truths.map((truth, i) => [truth.urgent, predictions[i]?.urgent ?? false])),
  };
}

function toFlagFigures(pairs: readonly (readonly [truth: boolean, predicted: boolean])[]): FlagFigures {
  const count = (want: boolean, got: boolean) => pairs.filter(([truth, predicted]) => truth === want && predicted === got).length;
  const truePositives = count(true, true);
  const falsePositives = count(false, true);
  const falseNegatives = count(true, false);
  return {
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
