/**
 * Trains the embedded classifier and writes src/understanding/classifier-model.json.
 *
 *   npx tsx scripts/train-classifier.ts [dev.tsv] [--kb data/kb] [--dispute-labels data/dispute-labels] [--urgent-examples data/urgent-examples] [--out src/understanding/classifier-model.json]
 *
 * Training data: the labelled real questions of dev.tsv (default ../shared/eval/dev.tsv) and every
 * curated example (knowledge-base phrasings with their dispute labels, written danger examples; see
 * training-sources.ts). Temperature and dispute threshold are chosen by 5-fold
 * cross-validation on dev.tsv; the out-of-fold figures are printed so a change can be judged before
 * it is committed.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { summarizeClassification } from '../src/understanding/classification-metrics.js';
import { fitClassifierModel } from '../src/understanding/fit-classifier-model.js';
import { readTrainingSources, REPO, TRAINING_SOURCE_OPTIONS } from './training-sources.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...TRAINING_SOURCE_OPTIONS,
    out: { type: 'string', default: `${REPO}src/understanding/classifier-model.json` },
  },
});

const { labelled, curated, disputeLabelled } = await readTrainingSources(positionals[0], values);
console.log(`dispute labels: ${disputeLabelled.labelled} of ${disputeLabelled.phrasings} knowledge-base phrasings labelled`);

const started = Date.now();
const { model, outOfFold } = fitClassifierModel(labelled, curated, {
  trainedOn: `${labelled.length} labelled questions, ${curated.length} curated examples (phrasings, answers, lexicon words, written danger examples)`,
});
const figures = summarizeClassification(labelled, outOfFold);
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s on ${model.trainedOn}`);
console.log(
  `5-fold out of fold: accuracy ${figures.accuracy.toFixed(3)}, macro-F1 ${figures.macroF1.toFixed(3)}, ` +
    `dispute P ${figures.dispute.precision.toFixed(3)} R ${figures.dispute.recall.toFixed(3)}, ` +
    `urgent P ${figures.urgent.precision.toFixed(3)} R ${figures.urgent.recall.toFixed(3)}`,
);
console.log(`temperature ${model.category.temperature}, dispute threshold ${model.dispute.threshold}`);
const json = JSON.stringify(model);
await writeFile(values.out, json);
console.log(`wrote ${values.out} (${(json.length / 1024).toFixed(0)} KiB)`);
