/**
 * Builds src/understanding/retrieval-model.json from the answer map (data/eval/answer-map.tsv): the gram
 * counts of the real questions (../shared/eval dev.tsv + train.tsv) each entry answers fully, and the
 * answer picker trained on every question's candidates as a new message would meet them. Run after the map,
 * the knowledge base or the classifier changes; `npm run eval` measures the same thing out of fold.
 *
 *   npx tsx scripts/train-answers.ts [--dev F] [--train F] [--kb data/kb] [--map data/eval/answer-map.tsv] [--out F]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readAnswerMap } from '../src/understanding/answer-map.js';
import { fitClassifierModel } from '../src/understanding/fit-classifier-model.js';
import { toCandidates, toExamples, trainPicker, type MappedQuestion } from '../src/understanding/fit-answer-picker.js';
import type { RetrievalModel } from '../src/understanding/retrieval-model.js';
import { readTrainingSources, REPO, TRAINING_SOURCE_OPTIONS } from './training-sources.js';

const { values } = parseArgs({
  options: {
    ...TRAINING_SOURCE_OPTIONS,
    map: { type: 'string', default: `${REPO}data/eval/answer-map.tsv` },
    out: { type: 'string', default: `${REPO}src/understanding/retrieval-model.json` },
  },
});
const { real, entries, curated } = await readTrainingSources(values);
const map = await readAnswerMap(values.map);
// The picker learns from classifications made out of fold, as every new message is classified.
const { outOfFold } = fitClassifierModel(real, curated);
const questions: MappedQuestion[] = real.flatMap((q, i) => {
  const row = map.get(q.id);
  const classification = outOfFold[i];
  return row && classification ? [{ id: q.id, question: q.question, row, classification }] : [];
});
const examples = toExamples(questions, entries);
const picker = trainPicker(toCandidates(questions, entries));
const model: RetrievalModel = {
  version: 1,
  builtFrom: `${questions.length} mapped real questions; examples for ${Object.keys(examples).length} entries`,
  examples,
  picker,
};
const json = JSON.stringify(model);
await writeFile(values.out, `${json}\n`);
console.log(`${model.builtFrom}; picker threshold ${picker.threshold}; wrote ${values.out} (${(json.length / 1024).toFixed(0)} KiB)`);
