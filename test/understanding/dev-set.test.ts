import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/understanding/create-classifier.js';
import { readLabelledQuestions } from '../../src/understanding/labelled-question.js';

const DEV = fileURLToPath(new URL('../../../shared/eval/dev.tsv', import.meta.url));

// Only where the shared evaluation set is checked out beside the repository.
describe.skipIf(!existsSync(DEV))('the classifier on shared/eval/dev.tsv', () => {
  it('misses no urgent question and raises few false alarms', async () => {
    const classifier = createClassifier();
    const rows = await readLabelledQuestions(DEV);
    const flagged = rows.filter((row) => classifier.classify(row.question).urgent);
    const urgent = rows.filter((row) => row.urgent);
    expect(urgent.filter((row) => !flagged.includes(row)).map((row) => row.id)).toEqual([]);
    expect(flagged.filter((row) => row.urgent).length / flagged.length).toBeGreaterThanOrEqual(0.7);
  });
});
