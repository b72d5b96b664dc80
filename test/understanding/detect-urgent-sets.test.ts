import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/understanding/create-classifier.js';
import { detectUrgent } from '../../src/understanding/detect-urgent.js';
import { normalizeText } from '../../src/understanding/normalize-text.js';
import { measureUrgentSet, readUrgentSet } from '../../src/understanding/read-urgent-set.js';

const EXAMPLES = fileURLToPath(new URL('../../data/urgent-examples', import.meta.url));
const FINAL = fileURLToPath(new URL('../fixtures/urgent-final', import.meta.url));
const classifier = createClassifier();

/*
 * Messages written independently of the rules, in villagers' own styles (dialect, typos, danger in
 * passing). data/urgent-examples widened the rules and trained the urgent model; urgent-final was written
 * afterwards and is only measured here and by npm run eval.
 */
describe('the urgent flag on written messages', () => {
  it('rules alone find at least 95% of the examples they were widened on, and spare 95% of the near-misses', async () => {
    const figures = measureUrgentSet(await readUrgentSet(EXAMPLES), (text) => detectUrgent(normalizeText(text)));
    expect(figures.urgent).toBeGreaterThanOrEqual(250);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.specificity).toBeGreaterThanOrEqual(0.95);
  });

  it('finds at least 80% of the dangers in a set it never saw, and leaves 85% of its near-misses alone', async () => {
    const figures = measureUrgentSet(await readUrgentSet(FINAL), (text) => classifier.classify(text).urgent);
    expect(figures.urgent).toBe(100);
    expect(figures.recall).toBeGreaterThanOrEqual(0.8);
    expect(figures.specificity).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    '要账的天天堵到我屋门口，说再不还钱就把我娃儿绑走',
    '我嫂子拿铁链子把他拴在猪圈边上好几个月了',
  ])('flags danger told in words the rules do not list: %s', (text) => {
    expect(detectUrgent(normalizeText(text))).toBe(false);
    expect(classifier.classify(text).urgent).toBe(true);
  });
});
