import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readParaphrases, toParaphraseHalf } from '../../src/understanding/read-paraphrases.js';

const PARAPHRASES_DIR = fileURLToPath(new URL('../fixtures/paraphrases', import.meta.url));

describe('toParaphraseHalf', () => {
  it('puts the same row in the same half every time', () => {
    const row = { entryId: 'homestead-inherit', question: '爸妈的老宅基地我能继承吗' };
    expect(toParaphraseHalf(row)).toBe(toParaphraseHalf({ ...row }));
  });

  it('splits the paraphrase sets into two halves of similar size', async () => {
    if (!existsSync(PARAPHRASES_DIR)) return;
    const paraphrases = await readParaphrases(PARAPHRASES_DIR);
    const dev = paraphrases.filter((row) => toParaphraseHalf(row) === 'dev').length;
    expect(dev / paraphrases.length).toBeGreaterThan(0.4);
    expect(dev / paraphrases.length).toBeLessThan(0.6);
  });
});
