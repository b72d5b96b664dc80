/**
 * Trains the embedded classifier and writes src/understanding/classifier-model.json.
 *
 *   npx tsx scripts/train-classifier.ts [dev.tsv] [--kb data/kb] [--dispute-labels data/dispute-labels] [--out src/understanding/classifier-model.json]
 *
 * Training data: the labelled real questions of dev.tsv (default ../shared/eval/dev.tsv) and every
 * curated phrasing in the knowledge base. Temperature and dispute threshold are chosen by 5-fold
 * cross-validation on dev.tsv; the out-of-fold figures are printed so a change can be judged before
 * it is committed.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readKnowledgeFiles } from '../src/knowledge/load-knowledge-base.js';
import { summarizeClassification } from '../src/understanding/classification-metrics.js';
import { fitClassifierModel } from '../src/understanding/fit-classifier-model.js';
import { readLabelledQuestions } from '../src/understanding/labelled-question.js';
import { readDisputeLabels } from '../src/understanding/read-dispute-labels.js';
import { readUrgentSet } from '../src/understanding/read-urgent-set.js';
import { toCuratedQuestions, toUrgentQuestions } from '../src/understanding/train-classifier-model.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kb: { type: 'string', default: `${repo}data/kb` },
    'dispute-labels': { type: 'string', default: `${repo}data/dispute-labels` },
    'urgent-examples': { type: 'string', default: `${repo}data/urgent-examples` },
    out: { type: 'string', default: `${repo}src/understanding/classifier-model.json` },
  },
});
const devFile = positionals[0] ?? `${repo}../shared/eval/dev.tsv`;

const labelled = await readLabelledQuestions(devFile);
const { entries, problems } = await readKnowledgeFiles(values.kb);
if (problems.length > 0) console.warn(`knowledge base: ${problems.length} problems, those entries left out`);
const disputeLabels = await readDisputeLabels(values['dispute-labels']);
const phrasings = entries.flatMap(({ entry }) => entry.questions);
const labelledPhrasings = phrasings.filter((text) => disputeLabels.has(text)).length;
console.log(`dispute labels: ${labelledPhrasings} of ${phrasings.length} knowledge-base phrasings labelled`);
const curated = [
  ...toCuratedQuestions(entries.map(({ entry }) => entry), { disputeLabels }),
  ...toUrgentQuestions(await readUrgentSet(values['urgent-examples'])),
];

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
