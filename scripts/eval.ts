/**
 * Evaluation of the embedded understanding (`npm run eval`):
 *
 *   npx tsx scripts/eval.ts [dev.tsv] [--kb data/kb] [--dispute-labels data/dispute-labels] [--paraphrases test/fixtures/paraphrases] [--out eval-results.json]
 *
 * Classification on dev.tsv (default ../shared/eval/dev.tsv): (a) the fixed held-out 30% classified by a
 * model trained without it, (b) 5-fold cross-validation over all of dev, (c) all of dev with the stored
 * model, which was trained on it (an upper bound, not an estimate). Retrieval on the paraphrase sets,
 * which are not in the knowledge base, and on messages the knowledge base does not cover. Prints tables
 * and writes the same figures as JSON. The paraphrases are split by a fixed hash of each row into a dev
 * half (for developing retrieval) and a test half (only reported). Exits non-zero only when something crashes.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CATEGORIES } from '../src/understanding/category.js';
import { summarizeClassification, type ClassificationFigures } from '../src/understanding/classification-metrics.js';
import { loadClassifierModel } from '../src/understanding/classifier-model.js';
import { createClassifier } from '../src/understanding/create-classifier.js';
import { createRetriever } from '../src/understanding/create-retriever.js';
import { fitClassifierModel } from '../src/understanding/fit-classifier-model.js';
import { isHeldOut } from '../src/understanding/labelled-question.js';
import { readParaphrases, toParaphraseHalf } from '../src/understanding/read-paraphrases.js';
import { measureRetrieval, measureUnanswerable } from '../src/understanding/retrieval-metrics.js';
import { detectUrgent } from '../src/understanding/detect-urgent.js';
import { normalizeText } from '../src/understanding/normalize-text.js';
import { measureUrgentSet, readUrgentSet } from '../src/understanding/read-urgent-set.js';
import { readTsvRows } from '../src/understanding/read-tsv-rows.js';
import { z } from 'zod';
import { readTrainingSources, REPO, TRAINING_SOURCE_OPTIONS } from './training-sources.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...TRAINING_SOURCE_OPTIONS,
    paraphrases: { type: 'string', default: `${REPO}test/fixtures/paraphrases` },
    unanswerable: { type: 'string', default: `${REPO}test/fixtures/eval-holdout-unanswerable.tsv` },
    fixtures: { type: 'string', default: `${REPO}test/fixtures` },
    out: { type: 'string', default: `${REPO}eval-results.json` },
  },
});
const devFile = positionals[0] ?? `${REPO}../shared/eval/dev.tsv`;
const { labelled, entries, curated } = await readTrainingSources(devFile, values);

const training = labelled.filter((row) => !isHeldOut(row.id));
const heldOut = labelled.filter((row) => isHeldOut(row.id));
const heldOutClassifier = createClassifier(fitClassifierModel(training, curated).model);
const crossValidated = fitClassifierModel(labelled, curated).outOfFold;
const stored = createClassifier(loadClassifierModel());

const classification = {
  heldOut: summarizeClassification(heldOut, heldOut.map((row) => heldOutClassifier.classify(row.question))),
  crossValidated: summarizeClassification(labelled, crossValidated),
  allDevStoredModel: summarizeClassification(labelled, labelled.map((row) => stored.classify(row.question))),
};

const retriever = createRetriever(entries);
const hint = (text: string) => stored.classify(text).category;
const paraphrases = existsSync(values.paraphrases) ? await readParaphrases(values.paraphrases) : [];
const knownIds = new Set(entries.map(({ id }) => id));
const unanswerable = existsSync(values.unanswerable)
  ? (await readTsvRows(values.unanswerable, z.object({ question: z.string().trim().min(1) }))).map(({ row }) => row.question)
  : [];
if (paraphrases.length === 0) console.warn(`no paraphrases in ${values.paraphrases}`);
const halves = {
  dev: paraphrases.filter((paraphrase) => toParaphraseHalf(paraphrase) === 'dev'),
  test: paraphrases.filter((paraphrase) => toParaphraseHalf(paraphrase) === 'test'),
};
const retrieval = {
  threshold: retriever.threshold,
  paraphrases: measureRetrieval(retriever, paraphrases, knownIds, hint),
  devHalf: measureRetrieval(retriever, halves.dev, knownIds, hint),
  testHalf: measureRetrieval(retriever, halves.test, knownIds, hint),
  paraphrasesWithoutHint: measureRetrieval(retriever, paraphrases, knownIds, () => undefined),
  byFile: Object.fromEntries(
    [...new Set(paraphrases.map(({ file }) => file))].map((file) => [
      file,
      measureRetrieval(retriever, paraphrases.filter((p) => p.file === file), knownIds, hint),
    ]),
  ),
  unanswerable: measureUnanswerable(retriever, unanswerable, hint),
  thresholdSweep: [0.2, 0.25, 0.3, 0.35, 0.4, 0.45].map((threshold) => {
    const at = { ...retriever, threshold };
    const figures = measureRetrieval(at, paraphrases, knownIds, hint);
    return {
      threshold,
      answered: figures.answered,
      answeredRight: figures.answeredRight,
      unanswerableDeclined: measureUnanswerable(at, unanswerable, hint).declined,
    };
  }),
};

// Written messages about danger: data/urgent-examples trained the urgent model and widened the rules;
// test/fixtures/urgent-final was written afterwards and is only measured. Rules alone, and the whole flag.
const urgentSets: Record<string, Omit<ReturnType<typeof measureUrgentSet>, 'missed'> & { missedKinds: Record<string, number> }> = {};
for (const [name, dir] of [['examples (trained on)', values['urgent-examples']], ['final (held out)', `${values.fixtures}/urgent-final`]] as const) {
  if (!existsSync(`${dir}/urgent.tsv`)) continue;
  const set = await readUrgentSet(dir);
  for (const [how, isUrgent] of [
    ['rules only', (text: string) => detectUrgent(normalizeText(text))],
    ['rules + model', (text: string) => stored.classify(text).urgent],
  ] as const) {
    const { missed, ...figures } = measureUrgentSet(set, isUrgent);
    urgentSets[`${name}, ${how}`] = { ...figures, missedKinds: countBy(missed.map(({ kind }) => kind)) };
  }
}

console.log(
  `dev: ${labelled.length} questions (${heldOut.length} held out); knowledge base: ${entries.length} entries, ` +
    `${entries.reduce((sum, entry) => sum + entry.questions.length, 0)} phrasings (answers also train, weighted lower)`,
);
printClassification('(a) held-out 30%, model trained on the other 70% + knowledge base', classification.heldOut);
printClassification('(b) all of dev, 5-fold cross-validation (each question classified by a model that did not see it)', classification.crossValidated);
printClassification('(c) all of dev, stored model (trained on all of dev: an upper bound)', classification.allDevStoredModel, false);
printRetrieval();
console.log('\n== urgent flag on written messages (data/urgent-examples: trained on; test/fixtures/urgent-final: held out)');
for (const [name, figures] of Object.entries(urgentSets)) {
  console.log(
    `${name.padEnd(36)} urgent found ${figures.found}/${figures.urgent} (${pct(figures.recall)})  ` +
      `near-misses left alone ${figures.spared}/${figures.notUrgent} (${pct(figures.specificity)})  ` +
      `missed: ${JSON.stringify(figures.missedKinds)}`,
  );
}

await writeFile(
  values.out,
  `${JSON.stringify({ dev: devFile, knowledgeBase: { entries: entries.length, curatedExamples: curated.length }, classification, retrieval, urgentSets }, null, 2)}\n`,
);
console.log(`\nwrote ${values.out}`);

function printClassification(title: string, figures: ClassificationFigures, detailed = true): void {
  console.log(`\n== ${title}`);
  console.log(
    `accuracy ${pct(figures.accuracy)}  macro-F1 ${pct(figures.macroF1)}  ` +
      `dispute P ${pct(figures.dispute.precision)} R ${pct(figures.dispute.recall)}  ` +
      `urgent P ${pct(figures.urgent.precision)} R ${pct(figures.urgent.recall)} ` +
      `(${figures.urgent.truePositives} found, ${figures.urgent.falseNegatives} missed, ${figures.urgent.falsePositives} false alarms)`,
  );
  if (!detailed) return;
  console.log(
    `confidence vs right: ${figures.calibration
      .map(({ from, to, questions, accuracy }) => `${from.toFixed(1)}-${to.toFixed(1)}: ${questions} q, ${pct(accuracy).trim()}`)
      .join('; ')}`,
  );
  console.log(`${'category'.padEnd(16)} ${'n'.padStart(4)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`);
  for (const category of CATEGORIES) {
    const { support, precision, recall, f1 } = figures.perCategory[category];
    console.log(`${category.padEnd(16)} ${String(support).padStart(4)} ${pct(precision)} ${pct(recall)} ${pct(f1)}`);
  }
  const short = CATEGORIES.map((category) => category.slice(0, 4));
  console.log(`confusion (rows true, columns predicted)\n${''.padEnd(5)}${short.map((s) => s.padStart(5)).join('')}`);
  CATEGORIES.forEach((category, i) => {
    const row = CATEGORIES.map((predicted) => figures.confusion[category][predicted]);
    console.log(`${(short[i] ?? '').padEnd(5)}${row.map((count) => (count ? String(count) : '.').padStart(5)).join('')}`);
  });
}

function printRetrieval(): void {
  const { paraphrases: all, paraphrasesWithoutHint: bare, unanswerable: none } = retrieval;
  console.log(`\n== retrieval (threshold ${retrieval.threshold})`);
  console.log(
    `paraphrases ${all.paraphrases} (${all.skipped} skipped: entry not in the knowledge base): ` +
      `top-1 ${pct(all.top1)}  top-3 ${pct(all.top3)}  answered ${pct(all.answered)}, of them right ${pct(all.answeredRight / (all.answered || 1))}`,
  );
  for (const [half, figures] of [['dev half ', retrieval.devHalf], ['test half', retrieval.testHalf]] as const) {
    console.log(
      `  ${half} ${String(figures.paraphrases).padStart(4)}  top-1 ${pct(figures.top1)}  top-3 ${pct(figures.top3)}  ` +
        `answered ${pct(figures.answered)}  answered right ${pct(figures.answeredRight)}`,
    );
  }
  console.log(`without the category hint: top-1 ${pct(bare.top1)}  top-3 ${pct(bare.top3)}`);
  for (const [file, figures] of Object.entries(retrieval.byFile)) {
    console.log(`  ${file.padEnd(22)} ${String(figures.paraphrases).padStart(4)}  top-1 ${pct(figures.top1)}  top-3 ${pct(figures.top3)}`);
  }
  console.log(`messages the knowledge base does not cover: ${none.messages}, declined ${pct(none.declined)}`);
  console.log('threshold  paraphrases answered  answered right  uncovered declined');
  for (const row of retrieval.thresholdSweep) {
    console.log(`${row.threshold.toFixed(2).padStart(9)}  ${pct(row.answered).padStart(20)}  ${pct(row.answeredRight).padStart(14)}  ${pct(row.unanswerableDeclined).padStart(18)}`);
  }
  const repeated = all.confusions.filter(({ count }) => count > 1);
  if (repeated.length > 0) {
    console.log('paraphrases retrieved another entry more than once (entries that may overlap):');
    for (const { expected, retrieved, count } of repeated) console.log(`  ${expected} → ${retrieved} (${count})`);
  }
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
