/**
 * Answers measured on real questions against the answer map (data/eval/answer-map.tsv), out of fold:
 * questions are split into folds by id; a question is ranked by a retriever whose real examples come only
 * from the other folds, and picked by an answer picker trained, with its threshold, on the other folds
 * only (see fit-answer-picker.ts). The knowledge base alone, as the app answered before (no real examples,
 * no picker, the retriever's own threshold), is measured beside it.
 */
import { existsSync } from 'node:fs';
import type { KnowledgeEntry } from '../src/knowledge/knowledge-entry.js';
import { readAnswerMap, toAnswerFit, type AnswerFit, type AnswerMapRow } from '../src/understanding/answer-map.js';
import type { Category } from '../src/understanding/category.js';
import type { Classification } from '../src/understanding/classification.js';
import { createRetriever } from '../src/understanding/create-retriever.js';
import { ANSWER_FOLDS, MAX_UNRELATED, toCandidates, toPick, trainPicker, type MappedQuestion } from '../src/understanding/fit-answer-picker.js';
import { toFold, type LabelledQuestion } from '../src/understanding/labelled-question.js';
import { pct, printList } from './eval-print.js';

/** The six kinds of matter a rural township hears most (TAXONOMY.md), reported on their own. */
export const RURAL_CATEGORIES: readonly Category[] = ['land_homestead', 'marriage_family', 'elder_support', 'inheritance', 'labor_wages', 'neighbor'];

interface Outcome {
  question: LabelledQuestion;
  row: AnswerMapRow;
  entryId: string | undefined;
  answered: boolean;
  fit: AnswerFit;
}

export interface AnswerFigures {
  mapped: number;
  withFull: number;
  /** Of the questions some entry answers fully: the best pick (before the threshold) is a full or partial answer. */
  topFitsWhenAnswerable: number;
  /** Of all mapped questions: answered with an entry the map calls unrelated. */
  unrelated: number;
  /** Of all mapped questions: answered with a full or partial entry. */
  useful: number;
  full: number;
  declined: number;
  rural: { questions: number; useful: number; unrelated: number };
  perCategory: Record<string, { questions: number; useful: number; unrelated: number }>;
}

export async function evaluateAnswers(input: {
  real: readonly LabelledQuestion[];
  /** Each real question as the classifier read it out of fold. */
  classifications: readonly Classification[];
  entries: readonly KnowledgeEntry[];
  mapFile: string;
  secondFile: string;
}) {
  const map = await readAnswerMap(input.mapFile);
  const known = new Set(input.entries.map(({ id }) => id));
  const mapped = input.real.flatMap((question, i) => {
    const row = map.get(question.id);
    const classification = input.classifications[i];
    return row && classification ? [{ question, row, classification }] : [];
  });
  const unknown = [...new Set([...map.values()].flatMap((row) => [...row.full, ...row.partial]).filter((id) => !known.has(id)))];

  // The knowledge base alone, as the app answered before real examples and the picker.
  const plain = createRetriever(input.entries);
  const plainOutcomes = mapped.map(({ question, row, classification }): Outcome => {
    const hit = plain.search(question.question, { category: classification.category, limit: 1 })[0];
    return { question, row, entryId: hit?.entryId, answered: (hit?.score ?? 0) >= plain.threshold, fit: hit ? toAnswerFit(row, hit.entryId) : 'unrelated' };
  });

  // With real examples and the picker, each fold answered by what the other folds taught.
  const questions: MappedQuestion[] = mapped.map(({ question, row, classification }) => ({ id: question.id, question: question.question, row, classification }));
  const candidates = toCandidates(questions, input.entries);
  const thresholds: number[] = [];
  const outcomes = new Array<Outcome>(mapped.length);
  for (let fold = 0; fold < ANSWER_FOLDS; fold++) {
    const inFold = (i: number) => toFold(questions[i]!.id, ANSWER_FOLDS) === fold;
    const picker = trainPicker(candidates.filter((_, i) => !inFold(i)));
    thresholds.push(picker.threshold);
    mapped.forEach(({ question, row }, i) => {
      if (!inFold(i)) return;
      const pick = toPick(picker, candidates[i] ?? []);
      outcomes[i] = { question, row, entryId: pick.entryId, answered: pick.entryId !== undefined && pick.confidence >= picker.threshold, fit: pick.fit };
    });
  }
  const figures = summarize(outcomes);
  const plainFigures = summarize(plainOutcomes);

  const agreement = existsSync(input.secondFile) ? measureAgreement(map, await readAnswerMap(input.secondFile)) : undefined;
  const needs = countNeeds([...map.values()]);
  print(figures, plainFigures, thresholds, agreement, needs, unknown, mapped.length, input.real.length);
  return { figures, plain: plainFigures, thresholds, agreement, needs: needs.slice(0, 100), unknownEntryIds: unknown };
}

function summarize(outcomes: readonly Outcome[]): AnswerFigures {
  const answered = (o: Outcome) => o.answered;
  const tally = (subset: readonly Outcome[]) => ({
    questions: subset.length,
    useful: share(subset.filter((o) => answered(o) && o.fit !== 'unrelated').length, subset.length),
    unrelated: share(subset.filter((o) => answered(o) && o.fit === 'unrelated').length, subset.length),
  });
  const withFull = outcomes.filter(({ row }) => row.full.length > 0);
  const perCategory: AnswerFigures['perCategory'] = {};
  for (const category of new Set(outcomes.map(({ question }) => question.category))) {
    perCategory[category] = tally(outcomes.filter(({ question }) => question.category === category));
  }
  const all = tally(outcomes);
  return {
    mapped: outcomes.length,
    withFull: withFull.length,
    topFitsWhenAnswerable: share(withFull.filter(({ fit }) => fit !== 'unrelated').length, withFull.length),
    unrelated: all.unrelated,
    useful: all.useful,
    full: share(outcomes.filter((o) => answered(o) && o.fit === 'full').length, outcomes.length),
    declined: share(outcomes.filter((o) => !answered(o)).length, outcomes.length),
    rural: tally(outcomes.filter(({ question }) => RURAL_CATEGORIES.includes(question.category))),
    perCategory,
  };
}

/** Agreement of two independent labellings on the questions both labelled. */
function measureAgreement(first: ReadonlyMap<string, AnswerMapRow>, second: ReadonlyMap<string, AnswerMapRow>) {
  const both = [...second.keys()].filter((id) => first.has(id)).map((id) => [first.get(id)!, second.get(id)!] as const);
  const hasFull = both.map(([a, b]) => [a.full.length > 0, b.full.length > 0] as const);
  const agree = hasFull.filter(([a, b]) => a === b).length / Math.max(1, both.length);
  const pa = hasFull.filter(([a]) => a).length / Math.max(1, both.length);
  const pb = hasFull.filter(([, b]) => b).length / Math.max(1, both.length);
  const chance = pa * pb + (1 - pa) * (1 - pb);
  const bothFull = both.filter(([a, b]) => a.full.length > 0 && b.full.length > 0);
  const sameEntry = bothFull.filter(([a, b]) => a.full.some((id) => b.full.includes(id))).length;
  // The first labeller's best entry, as the second labeller judged it.
  const firstBest = both.filter(([a]) => a.full.length > 0);
  const usefulToSecond = firstBest.filter(([a, b]) => [...b.full, ...b.partial].includes(a.full[0]!)).length;
  return {
    questions: both.length,
    hasFullAgreement: agree,
    hasFullKappa: chance >= 1 ? 1 : (agree - chance) / (1 - chance),
    bothFull: bothFull.length,
    shareAnEntryWhenBothFull: share(sameEntry, bothFull.length),
    firstBestFullOrPartialToSecond: share(usefulToSecond, firstBest.length),
  };
}

function countNeeds(rows: readonly AnswerMapRow[]): { topic: string; questions: number }[] {
  const counts = new Map<string, number>();
  for (const { full, needs } of rows) if (full.length === 0 && needs && needs !== '-') counts.set(needs, (counts.get(needs) ?? 0) + 1);
  return [...counts].map(([topic, questions]) => ({ topic, questions })).sort((a, b) => b.questions - a.questions);
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function print(
  figures: AnswerFigures,
  plain: AnswerFigures,
  thresholds: readonly number[],
  agreement: ReturnType<typeof measureAgreement> | undefined,
  needs: readonly { topic: string; questions: number }[],
  unknown: readonly string[],
  mapped: number,
  total: number,
): void {
  console.log(`\n== answers on real questions, by the answer map (${mapped} of ${total} questions mapped), out of fold`);
  console.log(`picker thresholds chosen per fold on the other folds (unrelated ≤ ${MAX_UNRELATED * 100}% there): ${thresholds.map((t) => t.toFixed(2)).join(', ')}`);
  const line = (name: string, f: AnswerFigures) =>
    console.log(
      `${name.padEnd(34)} best hit fits (of ${f.withFull} answerable) ${pct(f.topFitsWhenAnswerable)}  ` +
        `useful ${pct(f.useful)} (full ${pct(f.full)})  unrelated ${pct(f.unrelated)}  declined ${pct(f.declined)}  ` +
        `rural six useful ${pct(f.rural.useful)} unrelated ${pct(f.rural.unrelated)}`,
    );
  line('real examples + answer picker', figures);
  line('knowledge base alone (as before)', plain);
  console.log('targets: best hit fits ≥ 85%, unrelated ≤ 8%, useful ≥ 65% overall and ≥ 70% in the rural six');
  console.log(`${'category'.padEnd(16)} ${'n'.padStart(4)} ${'useful'.padStart(7)} ${'unrelated'.padStart(10)}`);
  for (const [category, c] of Object.entries(figures.perCategory).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${category.padEnd(16)} ${String(c.questions).padStart(4)} ${pct(c.useful).padStart(7)} ${pct(c.unrelated).padStart(10)}`);
  }
  if (agreement) {
    console.log(
      `double labelling: ${agreement.questions} questions labelled twice; "some entry answers it fully" agreed ${pct(agreement.hasFullAgreement)} ` +
        `(kappa ${agreement.hasFullKappa.toFixed(2)}); both found a full answer for ${agreement.bothFull}, sharing an entry in ${pct(agreement.shareAnEntryWhenBothFull)}; ` +
        `the first labeller's best entry is full or partial to the second in ${pct(agreement.firstBestFullOrPartialToSecond)}`,
    );
  }
  if (unknown.length > 0) console.warn(`answer map names entries not in the knowledge base: ${unknown.join(', ')}`);
  printList('content most needed (questions no entry answers fully, by the topic the labellers named)', needs.slice(0, 25).map(({ topic, questions }) => `${String(questions).padStart(3)}  ${topic}`));
}
