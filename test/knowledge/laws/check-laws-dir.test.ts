import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLawsDir } from '../../../src/knowledge/laws/check-laws-dir.js';
import { useTempDirs } from '../../support/temp-dir.js';

const tempDir = useTempDirs();

async function lawsFolder(): Promise<string> {
  const dir = join(await tempDir(), 'laws');
  await mkdir(dir);
  await writeFile(join(dir, 'manifest.json'), '{"laws": []}');
  return dir;
}

describe('checkLawsDir', () => {
  it('says nothing when LAWS_DIR holds statute texts', async () => {
    expect(checkLawsDir(await lawsFolder(), '/nowhere')).toEqual({ level: 'ok' });
  });

  it('warns that article look-up is off when LAWS_DIR is unset, naming LAWS_DIR, its format and what it enables', () => {
    const check = checkLawsDir(undefined, '/nowhere/shared/laws');
    expect(check.level).toBe('warn');
    if (check.level === 'ok') return;
    expect(check.message).toMatch(/^ARTICLE LOOK-UP IS OFF: LAWS_DIR is not set/);
    expect(check.message).toContain('民法典第1079条');
    expect(check.message).toContain('法条');
    expect(check.message).toContain('LawRefBook/Laws format');
    expect(check.message).not.toContain('/nowhere');
  });

  it('names ../shared/laws in the warning when it holds statute texts, without using it', async () => {
    const beside = await lawsFolder();
    const check = checkLawsDir(undefined, beside);
    expect(check).toMatchObject({ level: 'warn' });
    if (check.level === 'ok') return;
    expect(check.message).toContain(`put LAWS_DIR=${beside} in .env`);
  });

  it('stops start-up when LAWS_DIR is set but holds no manifest.json, naming the setting', async () => {
    const empty = await tempDir();
    const check = checkLawsDir(empty, await lawsFolder());
    expect(check).toMatchObject({ level: 'stop' });
    if (check.level === 'ok') return;
    expect(check.message).toContain(`LAWS_DIR=${empty}: cannot read ${join(empty, 'manifest.json')}`);
    expect(check.message).toContain('leave it empty to start without article look-up');
  });
});
