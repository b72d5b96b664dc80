import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/escalation/case-record.js';
import { openCaseStore } from '../../src/escalation/case-store.js';
import { toOpenedCase } from '../../src/escalation/to-opened-case.js';
import { DataFileError } from '../../src/storage/data-file-error.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();

function caseAt(id: string, openedAt: Date): CaseRecord {
  const opened = toOpenedCase(id, openedAt, {
    resident: 'b'.repeat(24),
    channel: 'api',
    consultationId: null,
    category: 'neighbor',
    village: null,
    relation: null,
    summary: '邻里纠纷',
    hope: null,
    contact: null,
    consentAt: openedAt,
    priority: 'normal',
  });
  return { ...opened, timeline: [{ at: opened.openedAt, by: 'resident', action: 'opened', status: 'new' }] };
}

describe('case store', () => {
  it('numbers cases per township year, starting again on 1 January in Beijing time, across a restart', async () => {
    const path = join(await tempDir(), 'cases.json');
    const store = await openCaseStore(path);
    const add = (at: string) => store.create(new Date(at), (id) => caseAt(id, new Date(at)));
    expect((await add('2026-06-01T00:00:00.000Z')).id).toBe('TJ-2026-0001');
    expect((await add('2026-12-31T15:59:00.000Z')).id).toBe('TJ-2026-0002');
    const reopened = await openCaseStore(path);
    const next = (at: string) => reopened.create(new Date(at), (id) => caseAt(id, new Date(at)));
    expect((await next('2026-12-31T16:00:00.000Z')).id).toBe('TJ-2027-0001');
    expect((await next('2027-01-02T00:00:00.000Z')).id).toBe('TJ-2027-0002');
    expect(reopened.all().map((c) => c.id)).toEqual(['TJ-2026-0001', 'TJ-2026-0002', 'TJ-2027-0001', 'TJ-2027-0002']);
  });

  it('gives concurrent cases distinct ids', async () => {
    const store = await openCaseStore(join(await tempDir(), 'cases.json'));
    const at = new Date('2026-03-01T00:00:00.000Z');
    const made = await Promise.all(Array.from({ length: 12 }, () => store.create(at, (id) => caseAt(id, at))));
    expect(new Set(made.map((c) => c.id)).size).toBe(12);
  });

  it('leaves a case as it was when a change is refused', async () => {
    const path = join(await tempDir(), 'cases.json');
    const store = await openCaseStore(path);
    const at = new Date('2026-03-01T00:00:00.000Z');
    const made = await store.create(at, (id) => caseAt(id, at));
    await expect(store.update(made.id, () => { throw new Error('refused'); })).rejects.toThrow('refused');
    await expect(store.update('TJ-2026-0404', (c) => c)).rejects.toThrow(/not found/);
    expect((await openCaseStore(path)).get(made.id)).toEqual(made);
  });

  it('stops on a damaged case file and names it', async () => {
    const path = join(await tempDir(), 'cases.json');
    await writeFile(path, '{"cases":[{"id":"nope"}]}');
    const error = await openCaseStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(path);
  });
});
