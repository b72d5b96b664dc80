import { describe, expect, it } from 'vitest';
import { toExampleGrams, toRetrievalExamples } from '../../src/understanding/retrieval-model.js';

describe('retrieval examples from real questions', () => {
  it('keep only gram counts, never the questions themselves', () => {
    const examples = toRetrievalExamples(new Map([['wages-unpaid', ['干了一年活结账时老板说没钱']]]));
    const stored = JSON.stringify(examples);
    expect(stored).not.toContain('干了一年活结账时老板说没钱');
    expect(examples['wages-unpaid']).toMatchObject({ questions: 1, grams: { 结账: 1 } });
    expect(toExampleGrams(examples)['wages-unpaid']?.['结账']).toBe(1);
  });
});
