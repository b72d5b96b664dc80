/**
 * What the classifier trains on, read the same way by `npm run train:classifier` and `npm run eval`:
 * dev.tsv, the knowledge base, the hand dispute labels of its phrasings and the written danger examples.
 */
import { fileURLToPath } from 'node:url';
import { readKnowledgeFiles } from '../src/knowledge/load-knowledge-base.js';
import type { KnowledgeEntry } from '../src/knowledge/knowledge-entry.js';
import { readLabelledQuestions, type LabelledQuestion } from '../src/understanding/labelled-question.js';
import { readDisputeLabels } from '../src/understanding/read-dispute-labels.js';
import { readUrgentSet } from '../src/understanding/read-urgent-set.js';
import { toCuratedQuestions, toUrgentQuestions, type TrainingQuestion } from '../src/understanding/train-classifier-model.js';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The parseArgs options both scripts take for the training sources. */
export const TRAINING_SOURCE_OPTIONS = {
  kb: { type: 'string', default: `${REPO}data/kb` },
  'dispute-labels': { type: 'string', default: `${REPO}data/dispute-labels` },
  'urgent-examples': { type: 'string', default: `${REPO}data/urgent-examples` },
} as const;

export interface TrainingSources {
  labelled: LabelledQuestion[];
  entries: KnowledgeEntry[];
  /** Every curated example the models learn from besides dev.tsv. */
  curated: TrainingQuestion[];
  /** How many knowledge-base phrasings have a dispute label, of how many. */
  disputeLabelled: { labelled: number; phrasings: number };
}

export async function readTrainingSources(
  devFile: string | undefined,
  values: { kb: string; 'dispute-labels': string; 'urgent-examples': string },
): Promise<TrainingSources> {
  const labelled = await readLabelledQuestions(devFile ?? `${REPO}../shared/eval/dev.tsv`);
  const { entries: sourced, problems } = await readKnowledgeFiles(values.kb);
  if (problems.length > 0) console.warn(`knowledge base: ${problems.length} problems, those entries left out`);
  const entries = sourced.map(({ entry }) => entry);
  const disputeLabels = await readDisputeLabels(values['dispute-labels']);
  const phrasings = entries.flatMap((entry) => entry.questions);
  return {
    labelled,
    entries,
    curated: [...toCuratedQuestions(entries, { disputeLabels }), ...toUrgentQuestions(await readUrgentSet(values['urgent-examples']))],
    disputeLabelled: { labelled: phrasings.filter((text) => disputeLabels.has(text)).length, phrasings: phrasings.length },
  };
}
