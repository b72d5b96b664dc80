/**
 * Trains the embedded classifier and writes src/understanding/classifier-model.json.
 *
 *   npx tsx scripts/train-classifier.ts [--dev F] [--train F] [--kb data/kb] [--dispute-labels data/dispute-labels] [--out src/understanding/classifier-model.json]
 *
 * Training data: every real labelled question (../shared/eval dev.tsv and train.tsv) and the curated
 * examples (knowledge-base phrasings with their dispute labels; see training-sources.ts). Temperature and
 * dispute threshold are chosen by 5-fold cross-validation on the real questions; the out-of-fold figures
 * are printed so a change can be judged before it is committed (npm run eval prints them all).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { summarizeClassification } from '../src/understanding/classification-metrics.js';
import { fitClassifierModel } from '../src/understanding/fit-classifier-model.js';
import { readTrainingSources, REPO, TRAINING_SOURCE_OPTIONS } from './training-sources.js';

const { values } = parseArgs({
  options: {
    ...TRAINING_SOURCE_OPTIONS,
    out: { type: 'string', default: `${REPO}src/understanding/classifier-model.json` },
  },
});

const { real, curated, disputeLabelled } = await readTrainingSources(values);
console.log(`dispute labels: ${disputeLabelled.labelled} of ${disputeLabelled.phrasings} knowledge-base phrasings labelled`);

const started = Date.now();
const { model, outOfFold } = fitClassifierModel(real, curated, {
  trainedOn: `${real.length} real labelled questions, ${curated.length} curated examples (phrasings, answers, lexicon words)`,
});
const figures = summarizeClassification(real, outOfFold);
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s on ${model.trainedOn}`);
console.log(
  `5-fold out of fold: category ${figures.accuracy.toFixed(3)} lenient, ${figures.strictAccuracy.toFixed(3)} strict, ` +
    `dispute P ${figures.dispute.precision.toFixed(3)} R ${figures.dispute.recall.toFixed(3)}, ` +
    `urgent P ${figures.urgent.precision.toFixed(3)} R ${figures.urgent.recall.toFixed(3)}`,
);
console.log(`temperature ${model.category.temperature}, dispute threshold ${model.dispute.threshold}`);
const json = JSON.stringify(model);
await writeFile(values.out, json);
console.log(`wrote ${values.out} (${(json.length / 1024).toFixed(0)} KiB)`);
