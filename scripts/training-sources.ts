/**
 * What the classifier trains on, read the same way by `npm run train:classifier` and `npm run eval`: the
 * real labelled questions (shared/eval dev.tsv and train.tsv), the knowledge base and the hand dispute
 * labels of its phrasings.
 */
import { fileURLToPath } from 'node:url';
import { readKnowledgeFiles } from '../src/knowledge/load-knowledge-base.js';
import type { KnowledgeEntry } from '../src/knowledge/knowledge-entry.js';
import { readLabelledQuestions, type LabelledQuestion } from '../src/understanding/labelled-question.js';
import { readDisputeLabels } from '../src/understanding/read-dispute-labels.js';
import { toCuratedQuestions, type TrainingQuestion } from '../src/understanding/train-classifier-model.js';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The parseArgs options both scripts take for the training sources. */
export const TRAINING_SOURCE_OPTIONS = {
  dev: { type: 'string', default: `${REPO}../shared/eval/dev.tsv` },
  train: { type: 'string', default: `${REPO}../shared/eval/train.tsv` },
  kb: { type: 'string', default: `${REPO}data/kb` },
  'dispute-labels': { type: 'string', default: `${REPO}data/dispute-labels` },
} as const;

export interface TrainingSources {
  dev: LabelledQuestion[];
  train: LabelledQuestion[];
  /** Every real labelled question: dev then train. */
  real: LabelledQuestion[];
  entries: KnowledgeEntry[];
  /** Every curated example the models learn from besides the real questions. */
  curated: TrainingQuestion[];
  /** How many knowledge-base phrasings have a dispute label, of how many. */
  disputeLabelled: { labelled: number; phrasings: number };
}

export async function readTrainingSources(values: { dev: string; train: string; kb: string; 'dispute-labels': string }): Promise<TrainingSources> {
  const dev = await readLabelledQuestions(values.dev);
  const train = await readLabelledQuestions(values.train);
  const { entries: sourced, problems } = await readKnowledgeFiles(values.kb);
  if (problems.length > 0) console.warn(`knowledge base: ${problems.length} problems, those entries left out`);
  const entries = sourced.map(({ entry }) => entry);
  const disputeLabels = await readDisputeLabels(values['dispute-labels']);
  const phrasings = entries.flatMap((entry) => entry.questions);
  return {
    dev,
    train,
    real: [...dev, ...train],
    entries,
    curated: toCuratedQuestions(entries, { disputeLabels }),
    disputeLabelled: { labelled: phrasings.filter((text) => disputeLabels.has(text)).length, phrasings: phrasings.length },
  };
}
