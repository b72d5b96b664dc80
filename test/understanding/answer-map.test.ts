import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswerMap, toAnswerFit } from '../../src/understanding/answer-map.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const HEADER = 'id\tfull\tpartial\tneeds\n';

describe('readAnswerMap', () => {
  it('reads full and partial entry lists and what is needed', async () => {
    const file = join(await tempDir(), 'map.tsv');
    await writeFile(file, `${HEADER}t0001\twages-unpaid\twork-injury,labor-inspection-complaint\t\nt0002\t\t\t网贷暴力催收怎么投诉\n`);
    const map = await readAnswerMap(file);
    expect(map.get('t0001')).toEqual({ id: 't0001', full: ['wages-unpaid'], partial: ['work-injury', 'labor-inspection-complaint'], needs: '' });
    expect(toAnswerFit(map.get('t0001')!, 'work-injury')).toBe('partial');
    expect(toAnswerFit(map.get('t0002')!, 'wages-unpaid')).toBe('unrelated');
  });

  it('refuses a malformed entry id and a question mapped twice, naming the line', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.tsv'), `${HEADER}t0001\tWages Unpaid\t\t\n`);
    await expect(readAnswerMap(join(dir, 'bad.tsv'))).rejects.toThrow(/line 2/);
    await writeFile(join(dir, 'twice.tsv'), `${HEADER}t0001\t\t\t-\nt0001\t\t\t-\n`);
    await expect(readAnswerMap(join(dir, 'twice.tsv'))).rejects.toThrow(/line 3: t0001 is mapped twice/);
  });
});
