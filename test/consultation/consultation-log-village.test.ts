import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConsultationLog } from '../../src/consultation/consultation-log.js';
import type { ConsultationRecord } from '../../src/consultation/consultation-record.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const RESIDENT = 'a'.repeat(24);

function record(n: number, overrides: Partial<ConsultationRecord> = {}): ConsultationRecord {
  return {
    id: `c-${n}`,
    time: '2026-11-05T02:00:00.000Z',
    month: '2026-11',
    channel: 'api',
    resident: RESIDENT,
    messageId: `m-${n}`,
    intent: 'question',
    category: 'neighbor',
    confidence: 0.8,
    dispute: true,
    urgent: false,
    answerId: null,
    village: null,
    text: `问题${n}`,
    ...overrides,
  };
}

const fileLines = async (dir: string) =>
  (await readFile(join(dir, '2026-11.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as ConsultationRecord);

describe('recording the village a consultation learned later', () => {
  it('fills in the village of that one record, on disk and for later look-ups, and keeps appending after it', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    for (const n of [1, 2, 3]) await log.append(record(n));

    expect(await log.recordVillage('c-2', '2026-11', '清溪村')).toBe(true);
    await log.append(record(4));

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
    await log.append(record(1));
    await log.recordVillage('c-1', '2026-11', '上坪村');
    expect(await log.lastRecord(RESIDENT, '2026-11')).toMatchObject({ id: 'c-1', village: '上坪村' });
  });

  it('leaves a village the channel already gave, and an unknown id, as they are', async () => {
    const dir = await tempDir();
    const log = await openConsultationLog(dir, '2026-11');
    await log.append(record(1, { village: '上坪' }));
    const before = await readFile(join(dir, '2026-11.jsonl'), 'utf8');
    expect(await log.recordVillage('c-1', '2026-11', '清溪村')).toBe(false);
    expect(await log.recordVillage('c-9', '2026-11', '清溪村')).toBe(false);
    expect(await readFile(join(dir, '2026-11.jsonl'), 'utf8')).toBe(before);
  });
});
