import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsultationRecordSchema } from '../../src/consultation/consultation-record.js';
import { openCaseStore } from '../../src/escalation/case-store.js';
import { casesFileOf, consultationsDirOf, demoMarkerOf } from '../../src/statistics/data-paths.js';
import { DEMO_RESIDENT_PREFIX } from '../../src/statistics/demo-data.js';
import { toLocalMonth } from '../../src/time/clock.js';
import { readJson } from '../support/read-json.js';
import { startApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';
import { consultation, writeTestRoster } from './known-data.js';

const tempDir = useTempDirs();
const TOKEN = 'test-admin-token-0123456789';

function seedDemo(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('npm run seed-demo', () => {
  it('fills an empty data directory with marked demo data that a fresh start shows on the dashboard', async () => {
    const dataDir = await tempDir();
    const roster = await writeTestRoster(await tempDir());
    const run = await seedDemo({ DATA_DIR: dataDir, ROSTER_FILE: roster });
    expect(run.output).toMatch(/^Demo data written to .*: \d+ consultations over 6 months, \d+ mediation cases\./);
    expect(run.code).toBe(0);

    expect(await readFile(demoMarkerOf(dataDir), 'utf8')).toMatch(/^演示数据 DEMO DATA/);
    const files = (await readdir(consultationsDirOf(dataDir))).sort();
    expect(files).toHaveLength(6);
    for (const file of files) {
      const lines = (await readFile(join(consultationsDirOf(dataDir), file), 'utf8')).trim().split('\n');
      for (const line of lines) {
        const record = ConsultationRecordSchema.parse(JSON.parse(line));
        expect(record.resident.startsWith(DEMO_RESIDENT_PREFIX)).toBe(true);
        expect(record.text).toMatch(/^【演示】/);
      }
    }
    const cases = (await openCaseStore(casesFileOf(dataDir))).all();
    expect(cases.length).toBeGreaterThan(5);
    expect(cases.every((c) => c.summary.startsWith('【演示】') && c.contact === null)).toBe(true);
    expect(new Set(cases.map((c) => c.status))).toContain('closed');

    const app = await startApp(dataDir, { env: { ADMIN_TOKEN: TOKEN, ROSTER_FILE: roster } });
    try {
      const month = toLocalMonth(new Date());
      const from = files[0]!.slice(0, 7);
      const range = await readJson(await fetch(`${app.url}/api/stats/range?from=${from}&to=${month}`, { headers: { authorization: `Bearer ${TOKEN}` } }));
      expect(range.demo).toBe(true);
      expect(range.consultations.total).toBeGreaterThan(500);
      expect(range.consultations.byVillage.filter((v: { count: number }) => v.count > 0).length).toBeGreaterThanOrEqual(3);
      expect(range.cases.closed).toBeGreaterThan(0);
      expect(range.cases.successRate.denominator).toBeGreaterThan(0);
      expect(range.unansweredQuestions.length).toBeGreaterThan(0);
      expect(range.series.every((s: { consultations: number }, i: number) => i === range.series.length - 1 || s.consultations > 0)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses a data directory that already holds consultations, unless --force', async () => {
    const dataDir = await tempDir();
    await mkdir(consultationsDirOf(dataDir), { recursive: true });
    const real = JSON.stringify(consultation({ time: '2026-10-05T02:00:00.000Z' })) + '\n';
    await writeFile(join(consultationsDirOf(dataDir), '2026-10.jsonl'), real);

    const refused = await seedDemo({ DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('already holds data: consultations/2026-10.jsonl');
    expect(refused.output).toContain('--force');
    expect(await readdir(dataDir)).toEqual(['consultations']);
    expect(await readFile(join(consultationsDirOf(dataDir), '2026-10.jsonl'), 'utf8')).toBe(real);

    const forced = await seedDemo({ DATA_DIR: dataDir }, ['--force']);
    expect(forced.code).toBe(0);
    expect((await readFile(join(consultationsDirOf(dataDir), '2026-10.jsonl'), 'utf8')).startsWith(real)).toBe(true);
    expect(await readFile(demoMarkerOf(dataDir), 'utf8')).toMatch(/^演示数据/);

    const again = await seedDemo({ DATA_DIR: dataDir });
    expect(again.code).toBe(1);
  });
});
