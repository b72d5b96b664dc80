import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { toAnswerFit, type AnswerFit, type AnswerMapRow } from './answer-map.js';
import { PICKER_CANDIDATES, scoreCandidate, toCandidateFeatures, toPickerEntries } from './answer-picker.js';
import type { Classification } from './classification.js';
import { createRetriever } from './create-retriever.js';
import { toFold } from './labelled-question.js';
import type { FeatureValue } from './linear-model.js';
import { toExampleGrams, toRetrievalExamples, type PickerModel, type RetrievalExamples } from './retrieval-model.js';
import { trainLinearModel } from './train-linear-model.js';

/** A real question with its map row and how the classifier read it (out of fold, as a new message would be). */
export interface MappedQuestion {
  id: string;
  question: string;
  row: AnswerMapRow;
  classification: Classification;
}

export interface Candidate {
  entryId: string;
  features: FeatureValue[];
  fit: AnswerFit;
}

export const ANSWER_FOLDS = 5;
/** The most answers with an entry the map calls unrelated that a threshold may allow, as a share of questions. */
export const MAX_UNRELATED = 0.08;

/** The real questions each entry answers fully, by the map; questions in `leaveOut` are left out. */
export function toExamples(questions: readonly MappedQuestion[], entries: readonly KnowledgeEntry[], leaveOut = (_: MappedQuestion) => false): RetrievalExamples {
  const known = new Set(entries.map(({ id }) => id));
  const byEntry = new Map<string, string[]>();
  for (const q of questions) {
    if (leaveOut(q)) continue;
    for (const id of q.row.full) if (known.has(id)) byEntry.set(id, [...(byEntry.get(id) ?? []), q.question]);
  }
  return toRetrievalExamples(byEntry);
}

/**
 * Every question's candidates as a new message would meet them: the retriever that ranks a question is
 * built with real examples from the other folds only, so the question never finds itself.
 */
export function toCandidates(questions: readonly MappedQuestion[], entries: readonly KnowledgeEntry[]): Candidate[][] {
  const candidates = new Array<Candidate[]>(questions.length);
  for (let fold = 0; fold < ANSWER_FOLDS; fold++) {
    const examples = toExamples(questions, entries, (q) => toFold(q.id, ANSWER_FOLDS) === fold);
    const retriever = createRetriever(entries, {}, toExampleGrams(examples));
    const pickerEntries = toPickerEntries(entries, examples);
    questions.forEach((q, i) => {
      if (toFold(q.id, ANSWER_FOLDS) !== fold) return;
      const hits = retriever.search(q.question, { category: q.classification.category, limit: PICKER_CANDIDATES });
      const features = toCandidateFeatures(hits, q.classification, q.question.length, pickerEntries);
      candidates[i] = hits.map((hit, k) => ({ entryId: hit.entryId, features: features[k] ?? [], fit: toAnswerFit(q.row, hit.entryId) }));
    });
  }
  return candidates;
}

/** A logistic model of "this candidate answers the question fully or partly", and its threshold. */
export function trainPicker(candidates: readonly (readonly Candidate[])[]): PickerModel {
  const model = trainLinearModel(
    candidates.flat().map(({ features, fit }) => ({ features, label: fit === 'unrelated' ? 0 : 1 })),
    { classes: 2, priorStrength: 0.001, l2: 0.001, epochs: 300, learningRate: 0.3 },
  );
  const weights: Record<string, number> = {};
  for (const [name, [no = 0, yes = 0]] of model.weights) weights[name] = Math.round((yes - no) * 1e4) / 1e4;
  const scored = { bias: Math.round(((model.bias[1] ?? 0) - (model.bias[0] ?? 0)) * 1e4) / 1e4, weights };
  return { ...scored, threshold: chooseThreshold(candidates.map((list) => toPick(scored, list))) };
}

/** The candidate the picker prefers, with its confidence. */
export function toPick(model: Pick<PickerModel, 'bias' | 'weights'>, candidates: readonly Candidate[]): { fit: AnswerFit; entryId: string | undefined; confidence: number } {
  let best = { fit: 'unrelated' as AnswerFit, entryId: undefined as string | undefined, confidence: 0 };
  for (const candidate of candidates) {
    const confidence = scoreCandidate(model, candidate.features);
    if (confidence > best.confidence) best = { fit: candidate.fit, entryId: candidate.entryId, confidence };
  }
  return best;
}

/** The lowest threshold (most answers) whose unrelated answers stay within MAX_UNRELATED of all questions. */
export function chooseThreshold(picks: readonly { fit: AnswerFit; confidence: number }[]): number {
  const sorted = [...picks].sort((a, b) => b.confidence - a.confidence);
  let unrelated = 0;
  let threshold = 1;
  for (const pick of sorted) {
    if (pick.fit === 'unrelated') unrelated += 1;
    if (unrelated > MAX_UNRELATED * picks.length) break;
    threshold = pick.confidence;
  }
  return Math.round(threshold * 1e4) / 1e4;
}
