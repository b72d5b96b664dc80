import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { statuteCorpusDir } from '../support/statute-corpus.js';

const run = promisify(execFile);
const LAWS_DIR = statuteCorpusDir();

async function kbCheck(kbDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/kb-check.ts', '--kb', kbDir, '--laws', LAWS_DIR ?? '']);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!LAWS_DIR)('npm run kb:check', () => {
  it('passes on the curated knowledge base', async () => {
    const result = await kbCheck('data/kb');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kb:check passed');
  });

  it('fails with the file, entry and field of a missing article, a repealed law, an over-long answer a shared phrasing and a bare yes', async () => {
    const result = await kbCheck('test/fixtures/kb-bad');
    expect(result.code).toBe(1);
    const file = 'test/fixtures/kb-bad/debt_contract.yaml';
    expect(result.stderr).toContain(`${file} [bad-missing-article] citations.0: 民法典 has no article 9999`);
    expect(result.stderr).toContain(`${file} [bad-repealed-law] answer: names 担保法, repealed by the 民法典`);
    expect(result.stderr).toContain(`${file} [bad-repealed-law] citations.0: no law "担保法" in LAWS_DIR`);
    expect(result.stderr).toMatch(new RegExp(`${file} \\[bad-long-answer\\] answer: .*200`));
    expect(result.stderr).toContain(`${file} [bad-duplicate-question] questions.0: "借钱不还能告吗测试一" is already a question of bad-missing-article`);
    expect(result.stderr).toContain(`${file} [bad-bare-yes] answer: opens with a bare "可以"`);
  });
});
