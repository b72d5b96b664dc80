import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConsultationLog } from '../../src/consultation/consultation-log.js';
import type { ConsultationRecord } from '../../src/consultation/consultation-record.js';
import { DataFileError } from '../../src/storage/data-file-error.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();

function record(n: number, overrides: Partial<ConsultationRecord> = {}): ConsultationRecord {
  return {
    id: `c-${n}`,
    time: '2026-11-05T02:00:00.000Z',
    month: '2026-11',
    channel: 'api',
    resident: (n % 3).toString(16).padStart(24, '0'),
    messageId: `m-${n}`,
    intent: 'question',
    category: 'debt_contract',
    confidence: 0.8,
    dispute: true,
    urgent: false,
    answerId: null,
    village: null,
    text: `问题${n}`,
    ...overrides,
  };
}

describe('consultation log', () => {
  it('shares disk writes between concurrent appends (group commit) and keeps every record', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    await Promise.all(Array.from({ length: 300 }, (_, i) => log.append(record(i))));
    const { appended, commits } = log.stats();
    expect(appended).toBe(300);
    expect(commits).toBeLessThan(30);
    const lines = (await readFile(join(dir, '2026-11.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(300);
  });

  it('keeps one file per month', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    await log.append(record(1));
    await log.append(record(2, { month: '2026-12', time: '2026-12-01T01:00:00.000Z' }));
    expect(await log.months()).toEqual(['2026-11', '2026-12']);
    expect((await readFile(join(dir, '2026-12.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('finds a record again by resident and message id after a restart', async () => {
    const dir = await tempDir();
    const first = await openConsultationLog(dir, '2026-11');
    await first.append(record(7));
    const reopened = await openConsultationLog(dir, '2026-11');
    expect((await reopened.findByMessageId(record(7).resident, 'm-7', '2026-11'))?.id).toBe('c-7');
    expect(await reopened.findByMessageId(record(8).resident, 'm-7', '2026-11')).toBeUndefined();
  });

  it('knows each resident’s latest record of a month, after a restart too', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    await log.append(record(3));
    await log.append(record(6, { intent: 'thanks' }));
    await log.append(record(4));
    const reopened = await openConsultationLog(dir, '2026-11');
    expect((await reopened.lastRecord(record(3).resident, '2026-11'))?.id).toBe('c-6');
    expect((await reopened.lastRecord(record(4).resident, '2026-11'))?.id).toBe('c-4');
    expect(await reopened.lastRecord('f'.repeat(24), '2026-11')).toBeUndefined();
  });

  it('erases one resident’s question texts in every month and keeps the records for the counts', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    const resident = 'a'.repeat(24);
    await log.append(record(1, { resident }));
    await log.append(record(2));
    await log.append(record(3, { resident, month: '2026-12', time: '2026-12-02T00:00:00.000Z' }));
    expect(await log.eraseTexts(resident)).toBe(2);
    const reopened = await openConsultationLog(dir, '2026-11');
    const nov = await reopened.readMonth('2026-11');
    expect(nov.map((r) => r.text)).toEqual([null, '问题2']);
    expect((await reopened.readMonth('2026-12'))[0]?.text).toBeNull();
    expect(await readFile(join(dir, '2026-11.jsonl'), 'utf8')).not.toContain('问题1');
  });

  it('stops opening on a damaged month file and names it', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '2026-11.jsonl'), 'not json\n');
    const error = await openConsultationLog(dir, '2026-11').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(join(dir, '2026-11.jsonl'));
    expect(await readFile(join(dir, '2026-11.jsonl'), 'utf8')).toBe('not json\n');
  });
});

const RESIDENT = 'a'.repeat(24);
const fileLines = async (dir: string) =>
  (await readFile(join(dir, '2026-11.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ConsultationRecord);

describe('recording the village a consultation learned later', () => {
  it('fills in the village of that one record, on disk and for later look-ups, and keeps appending after it', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    for (const n of [1, 2, 3]) await log.append(record(n, { resident: RESIDENT }));

    expect(await log.recordVillage('c-2', '2026-11', '清溪村')).toBe(true);
    await log.append(record(4, { resident: RESIDENT }));

    expect((await fileLines(dir)).map((r) => [r.id, r.village])).toEqual([
      ['c-1', null],
      ['c-2', '清溪村'],
      ['c-3', null],
      ['c-4', null],
    ]);
    expect((await log.findByMessageId(RESIDENT, 'm-2', '2026-11'))?.village).toBe('清溪村');
    const reopened = await openConsultationLog(dir, '2026-11');
    expect((await reopened.readMonth('2026-11')).map((r) => r.village)).toEqual([null, '清溪村', null, null]);
  });

  it('keeps the latest record of the resident pointing at the changed copy', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    await log.append(record(1, { resident: RESIDENT }));
    await log.recordVillage('c-1', '2026-11', '上坪村');
    expect(await log.lastRecord(RESIDENT, '2026-11')).toMatchObject({ id: 'c-1', village: '上坪村' });
  });

  it('leaves a village the channel already gave, and an unknown id, as they are', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    await log.append(record(1, { resident: RESIDENT, village: '上坪' }));
    const before = await readFile(join(dir, '2026-11.jsonl'), 'utf8');
    expect(await log.recordVillage('c-1', '2026-11', '清溪村')).toBe(false);
    expect(await log.recordVillage('c-9', '2026-11', '清溪村')).toBe(false);
    expect(await readFile(join(dir, '2026-11.jsonl'), 'utf8')).toBe(before);
  });
});
