import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportParagraph } from '../../src/statistics/render-report-paragraph.js';
import { useTempDirs } from '../support/temp-dir.js';
import { knownStatistics, writeTestRoster } from './known-data.js';

const tempDir = useTempDirs();

/** Runs `npm run report -- …` as staff would, with only the given environment. */
function runReport(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run report', () => {
  it('prints the tables and the paragraph of the JSON report, and writes the CSV on request', async () => {
    const dataDir = await tempDir();
    const statistics = await knownStatistics(dataDir);
    const env = { DATA_DIR: dataDir, ROSTER_FILE: await writeTestRoster(await tempDir()), TOWNSHIP_NAME: '清溪乡' };
    const csvPath = join(await tempDir(), 'october.csv');
    const run = await runReport(['--month', '2026-10', '--csv', csvPath], env);
    expect(run.stderr).toBe(`CSV written to ${csvPath}\n`);
    expect(run.code).toBe(0);

    const report = await statistics.report({ from: '2026-10', to: '2026-10' });
    const paragraph = renderReportParagraph(report, '清溪乡');
    expect(run.stdout.startsWith('清溪乡2026年10月 法律咨询与人民调解统计（明白）\n\n【汇总】\n')).toBe(true);
    expect(run.stdout.endsWith(`\n【报告段落】\n${paragraph}\n`)).toBe(true);
    expect(run.stdout).toMatch(/\n咨询人次 +8\n/);
    expect(run.stdout).toMatch(/\n调解成功率（%） +66\.67\n/);
    expect(run.stdout).toMatch(/\n石门村 +0\n/);
    expect(run.stdout).toMatch(/\n未注明村 +2\n/);
    expect(run.stdout).not.toContain('彩礼');
    expect((await readFile(csvPath, 'utf8')).startsWith('\uFEFF汇总\r\n指标,数值\r\n统计期间,2026-10\r\n咨询人次,8\r\n')).toBe(true);
  });

  it('prints a range with its months, and the JSON on request', async () => {
    const dataDir = await tempDir();
    await knownStatistics(dataDir);
    const env = { DATA_DIR: dataDir, ROSTER_FILE: await writeTestRoster(await tempDir()), TOWNSHIP_NAME: '清溪乡' };
    const text = await runReport(['--from', '2026-09', '--to', '2026-11'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('【按月】');
    expect(text.stdout).toContain('本期共接待群众法律咨询11人次（涉及群众6人）');
    const json = await runReport(['--from', '2026-09', '--to', '2026-11', '--json'], env);
    expect(JSON.parse(json.stdout).consultations.total).toBe(11);
  });

  it.each([
    [['--month', '2026-13'], '--month: must be a month like 2026-10'],
    [[], '--month: is required: a month like 2026-10'],
    [['--from', '2026-10'], '--to: is required: a month like 2026-10'],
    [['--month', '2026-10', '--from', '2026-09'], 'give either --month, or --from and --to, not both'],
    [['--moth', '2026-10'], "Unknown option '--moth'"],
  ])('refuses %j with exit code 2 and says why', async (args, message) => {
    const run = await runReport(args, { DATA_DIR: await tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(message);
    expect(run.stderr).toContain('usage: npm run report');
  });
});
