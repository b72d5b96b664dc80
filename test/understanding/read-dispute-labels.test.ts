import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDisputeLabels } from '../../src/understanding/read-dispute-labels.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();

describe('readDisputeLabels', () => {
  it('reads each phrasing with its flag from every file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'neighbor.tsv'), 'question\tdispute\n邻居在路口砌墙，我家进出不了\tY\n通行权是什么\tN\n');
    await writeFile(join(dir, 'labor_wages.tsv'), 'question\tdispute\n老板欠了半年工钱不给\tY\n');
    const labels = await readDisputeLabels(dir);
    expect([...labels]).toEqual([
      ['老板欠了半年工钱不给', true],
      ['邻居在路口砌墙，我家进出不了', true],
      ['通行权是什么', false],
    ]);
  });

  it('names the file and line of a flag that is not Y or N', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'neighbor.tsv'), 'question\tdispute\n通行权是什么\tN\n邻居占了我的地\tyes\n');
    await expect(readDisputeLabels(dir)).rejects.toThrow(/neighbor\.tsv: line 3: dispute/);
  });

  it('refuses a phrasing labelled both ways', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.tsv'), 'question\tdispute\n邻居占了我的地\tY\n');
    await writeFile(join(dir, 'b.tsv'), 'question\tdispute\n邻居占了我的地\tN\n');
    await expect(readDisputeLabels(dir)).rejects.toThrow(/b\.tsv: line 2: labelled both Y and N/);
  });

  it('has no labels when the folder does not exist', async () => {
    expect((await readDisputeLabels(join(await tempDir(), 'missing'))).size).toBe(0);
  });
});
