import { appendFile, open, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConsultationLog } from '../../src/consultation/consultation-log.js';
import { createMonthTallies } from '../../src/statistics/create-month-tallies.js';
import { consultationsDirOf, statisticsCacheDirOf } from '../../src/statistics/data-paths.js';
import { DataFileError } from '../../src/storage/data-file-error.js';
import { useTempDirs } from '../support/temp-dir.js';
import { consultation, RESIDENT, statisticsOver, TEST_NOW } from './known-data.js';

const tempDir = useTempDirs();
const NOV = (minute: number) => `2026-11-05T02:${String(minute).padStart(2, '0')}:00.000Z`;
const OCT = (minute: number) => `2026-10-05T02:${String(minute).padStart(2, '0')}:00.000Z`;
const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r) + '\n').join('');

describe('month tallies', () => {
  it('reads only the appended lines when the log grows', async () => {
    const dir = await tempDir();
    const path = join(dir, '2026-11.jsonl');
    await writeFile(path, jsonl(consultation({ time: NOV(1) }), consultation({ time: NOV(2) })));
    const tallies = createMonthTallies({ dir });
    expect((await tallies.get('2026-11')).consultations).toBe(2);

    // Spoil the first line in place (same size, same file): only a full re-read would trip over it.
    const file = await open(path, 'r+');
    await file.write('X', 0);
    await file.close();
    await appendFile(path, jsonl(consultation({ time: NOV(3) })));
    expect((await tallies.get('2026-11')).consultations).toBe(3);
  });

  it('leaves a line still being written for the next read instead of calling it damage', async () => {
    const dir = await tempDir();
    const path = join(dir, '2026-11.jsonl');
    const whole = jsonl(consultation({ time: NOV(1) }));
    const next = JSON.stringify(consultation({ time: NOV(2) }));
    await writeFile(path, whole + next.slice(0, 40));
    const tallies = createMonthTallies({ dir });
    expect((await tallies.get('2026-11')).consultations).toBe(1);
    await appendFile(path, next.slice(40) + '\n');
    expect((await tallies.get('2026-11')).consultations).toBe(2);
  });

  it('names the file and the line of a damaged record', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '2026-11.jsonl'), jsonl(consultation({ time: NOV(1) }), { ...consultation({ time: NOV(2) }), channel: 'fax' }));
    const error = await createMonthTallies({ dir })
      .get('2026-11')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(/2026-11\.jsonl: line 2: channel/);
  });

  it('treats a month with no file as empty', async () => {
    const tally = await createMonthTallies({ dir: await tempDir() }).get('2030-01');
    expect(tally.consultations).toBe(0);
  });
});

describe('statistics over the live log', () => {
  it('drops a resident’s erased question texts from the report at once, in memory and after a restart', async () => {
    const dataDir = await tempDir();
    const log = await openConsultationLog(consultationsDirOf(dataDir), '2026-10');
    await log.append(consultation({ resident: RESIDENT.A, answerId: null, text: '我家宅基地被占了', time: OCT(1) }));
    await log.append(consultation({ resident: RESIDENT.B, answerId: null, text: '工资不给', time: OCT(2) }));
    const statistics = statisticsOver(dataDir);
    const october = { from: '2026-10', to: '2026-10' };
    expect((await statistics.report(october)).unansweredQuestions.map((q) => q.text)).toEqual(['我家宅基地被占了', '工资不给']);

    expect(await log.eraseTexts(RESIDENT.A)).toBe(1);
    const after = await statistics.report(october);
    expect(after.unansweredQuestions.map((q) => q.text)).toEqual(['工资不给']);
    expect(after.consultations.unanswered).toBe(2);
    expect((await statisticsOver(dataDir).report(october)).unansweredQuestions.map((q) => q.text)).toEqual(['工资不给']);
  });

  it('counts consultations appended while the app runs', async () => {
    const dataDir = await tempDir();
    const log = await openConsultationLog(consultationsDirOf(dataDir), '2026-11');
    const statistics = statisticsOver(dataDir);
    const november = { from: '2026-11', to: '2026-11' };
    await log.append(consultation({ time: NOV(1) }));
    expect((await statistics.report(november)).consultations.total).toBe(1);
    await Promise.all([2, 3, 4].map((m) => log.append(consultation({ resident: RESIDENT.C, time: NOV(m) }))));
    const report = await statistics.report(november);
    expect(report.consultations.total).toBe(4);
    expect(report.consultations.residents).toBe(2);
  });
});

describe('tally cache on disk', () => {
  it('keeps finished months only, with counts and pseudonyms but no question text, and a restart uses it', async () => {
    const dataDir = await tempDir();
    const dir = consultationsDirOf(dataDir);
    const log = await openConsultationLog(dir, '2026-10');
    await log.append(consultation({ resident: RESIDENT.A, answerId: null, text: '我家宅基地被占了', time: OCT(1) }));
    await log.append(consultation({ resident: RESIDENT.B, answerId: null, text: '工资不给', time: NOV(1) }));
    const range = { from: '2026-10', to: '2026-11' };
    const first = await statisticsOver(dataDir).report(range);

    // Today is in November (TEST_NOW): October is finished and cached, November is not.
    expect(TEST_NOW.toISOString().slice(0, 7)).toBe('2026-11');
    expect(await readdir(statisticsCacheDirOf(dataDir))).toEqual(['2026-10.json']);
    const cached = await readFile(join(statisticsCacheDirOf(dataDir), '2026-10.json'), 'utf8');
    expect(cached).toContain(RESIDENT.A);
    expect(cached).not.toContain('宅基地');

    expect(await statisticsOver(dataDir).report(range)).toEqual(first);
  });

  it('reads the log again when a cache file is damaged or from another version', async () => {
    const dataDir = await tempDir();
    const log = await openConsultationLog(consultationsDirOf(dataDir), '2026-10');
    await log.append(consultation({ time: OCT(1) }));
    const october = { from: '2026-10', to: '2026-10' };
    await statisticsOver(dataDir).report(october);
    const cacheFile = join(statisticsCacheDirOf(dataDir), '2026-10.json');
    const content = JSON.parse(await readFile(cacheFile, 'utf8'));

    await writeFile(cacheFile, JSON.stringify({ ...content, version: 0, tally: { ...content.tally, consultations: 99 } }));
    expect((await statisticsOver(dataDir).report(october)).consultations.total).toBe(1);
    await writeFile(cacheFile, '{ not json');
    expect((await statisticsOver(dataDir).report(october)).consultations.total).toBe(1);
  });
});
