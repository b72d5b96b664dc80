import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectUrgent } from '../../src/understanding/detect-urgent.js';
import { normalizeText } from '../../src/understanding/normalize-text.js';
import { measureUrgentSet, readUrgentSet } from '../../src/understanding/read-urgent-set.js';

const EXAMPLES = fileURLToPath(new URL('../../data/urgent-examples', import.meta.url));
const FINAL = fileURLToPath(new URL('../fixtures/urgent-final', import.meta.url));
const isUrgent = (text: string) => detectUrgent(normalizeText(text));

/*
 * Messages the project had written independently of the rules, in villagers' own styles (dialect, typos,
 * danger in passing). data/urgent-examples widened the rules; urgent-final was written afterwards. The
 * headline figure is on real questions (npm run eval); these guard against a rule change that loses
 * wordings the real questions happen not to show.
 */
describe('the urgent flag on written messages', () => {
  it('rules alone find at least 95% of the examples they were widened on, and spare 95% of the near-misses', async () => {
    const figures = measureUrgentSet(await readUrgentSet(EXAMPLES), isUrgent);
    expect(figures.urgent).toBeGreaterThanOrEqual(250);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.specificity).toBeGreaterThanOrEqual(0.95);
  });

  it('finds at least 65% of the dangers in a set written after them, and leaves 85% of its near-misses alone', async () => {
    const figures = measureUrgentSet(await readUrgentSet(FINAL), isUrgent);
    expect(figures.urgent).toBe(100);
    expect(figures.recall).toBeGreaterThanOrEqual(0.65);
    expect(figures.specificity).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    '要账的天天堵到我屋门口，说再不还钱就把我娃儿绑走',
    '我嫂子拿铁链子把他拴在猪圈边上好几个月了',
  ])('flags a child threatened with abduction and a person chained up: %s', (text) => {
    expect(isUrgent(text)).toBe(true);
  });
});
