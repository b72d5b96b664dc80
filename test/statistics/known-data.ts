import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConsultationRecordSchema, type ConsultationRecord } from '../../src/consultation/consultation-record.js';
import { CaseRecordSchema, type CaseRecord } from '../../src/escalation/case-record.js';
import { toOpenedCase } from '../../src/escalation/to-opened-case.js';
import { createCaseFileSource } from '../../src/statistics/case-file-source.js';
import { createStatistics, type Statistics } from '../../src/statistics/create-statistics.js';
import { casesFileOf, consultationsDirOf, demoMarkerOf, statisticsCacheDirOf } from '../../src/statistics/data-paths.js';
import { fixedVillages } from '../../src/statistics/village-source.js';
import { toLocalMonth } from '../../src/time/clock.js';

/**
 * A small township with every figure worked out by hand (see the expectations in the tests). Times are UTC;
 * the township counts in Beijing time (UTC+8), which the fixtures use to cross day and month boundaries.
 */
export const TEST_VILLAGES = [
  { name: '清溪村', aliases: ['清溪'] },
  { name: '上坪村', aliases: [] },
  { name: '石门村', aliases: [] },
];

export const RESIDENT = {
  A: 'a'.repeat(24),
  B: 'b'.repeat(24),
  C: 'c'.repeat(24),
  D: 'd'.repeat(24),
  E: 'e'.repeat(24),
  F: 'f'.repeat(24),
};

let seq = 0;
export function consultation(overrides: Partial<ConsultationRecord>): ConsultationRecord {
  seq++;
  const time = overrides.time ?? '2026-10-01T01:00:00.000Z';
  return ConsultationRecordSchema.parse({
    id: `c-${seq}`,
    time,
    month: toLocalMonth(new Date(time)),
    channel: 'wechat',
    resident: RESIDENT.A,
    messageId: `m-${seq}`,
    intent: 'question',
    category: 'other',
    confidence: 0.9,
    dispute: false,
    urgent: false,
    answerId: 'kb-entry',
    village: null,
    text: `问题${seq}`,
    ...overrides,
  });
}

export const SEPTEMBER: ConsultationRecord[] = [
  consultation({ resident: RESIDENT.A, category: 'inheritance', village: '清溪村', time: '2026-09-10T02:00:00.000Z' }),
];

export const OCTOBER: ConsultationRecord[] = [
  consultation({ resident: RESIDENT.A, category: 'marriage_family', village: '清溪村', time: '2026-10-01T01:00:00.000Z' }),
  consultation({ resident: RESIDENT.A, category: 'marriage_family', village: '清溪村', answerId: null, text: '彩礼退不退？', time: '2026-10-01T02:00:00.000Z' }),
  consultation({ resident: RESIDENT.B, category: 'land_homestead', village: '清溪', voice: true, time: '2026-10-02T03:00:00.000Z' }),
  consultation({ resident: RESIDENT.B, intent: 'greeting', answerId: null, village: '清溪', time: '2026-10-02T03:01:00.000Z' }),
  // 00:30 on 16 October in Beijing, still the 15th in UTC.
  consultation({ resident: RESIDENT.C, category: 'marriage_family', village: '上坪村', channel: 'web', answerId: null, text: '彩禮退不退嗎', time: '2026-10-15T16:30:00.000Z' }),
  consultation({ resident: RESIDENT.C, intent: 'article_lookup', category: 'legal_procedure', village: '上坪村', channel: 'api', answerId: null, articles: [{ law: '民法典', article: '1079' }], time: '2026-10-16T01:00:00.000Z' }),
  consultation({ resident: RESIDENT.D, category: 'labor_wages', channel: 'api', dispute: true, answerId: null, text: '老板跑路了工资找谁要，我电话138****5678', mediationOffered: true, time: '2026-10-20T05:00:00.000Z' }),
  consultation({ resident: RESIDENT.D, intent: 'thanks', answerId: null, time: '2026-10-20T05:05:00.000Z' }),
  // 23:00 on 31 October in Beijing: the last hour of the month.
  consultation({ resident: RESIDENT.E, category: 'neighbor', village: '上坪村', dispute: true, urgent: true, mediationOffered: true, time: '2026-10-31T15:00:00.000Z' }),
  consultation({ resident: RESIDENT.A, intent: 'cited_articles', category: 'marriage_family', village: '清溪村', time: '2026-10-01T01:10:00.000Z' }),
  consultation({ resident: RESIDENT.E, intent: 'delete_data', answerId: null, text: null, time: '2026-10-31T15:05:00.000Z' }),
  // Unanswered, text erased at the resident's request: counted, but nothing to list.
  consultation({ resident: RESIDENT.D, category: 'labor_wages', channel: 'wecom', answerId: null, text: null, time: '2026-10-20T06:00:00.000Z' }),
];

export const NOVEMBER: ConsultationRecord[] = [
  consultation({ resident: RESIDENT.B, category: 'debt_contract', village: '石门村', time: '2026-11-03T02:00:00.000Z' }),
  consultation({ resident: RESIDENT.F, category: 'debt_contract', village: '石门村', answerId: null, text: '借钱不还怎么办', time: '2026-11-04T02:00:00.000Z' }),
];

export function caseRecord(n: number, overrides: Partial<CaseRecord>): CaseRecord {
  const openedAt = overrides.openedAt ?? '2026-10-01T00:00:00.000Z';
  const opened = toOpenedCase(`TJ-2026-${String(n).padStart(4, '0')}`, new Date(openedAt), {
    resident: RESIDENT.D,
    channel: 'wechat',
    consultationId: null,
    category: 'neighbor',
    village: '上坪村',
    relation: 'neighbor',
    summary: '邻居排水纠纷（测试）',
    hope: null,
    contact: '13800000000',
    consentAt: new Date(openedAt),
    priority: 'normal',
  });
  return CaseRecordSchema.parse({
    ...opened,
    timeline: [{ at: opened.openedAt, by: 'system', action: 'opened', status: 'new' }],
    ...overrides,
  });
}

const closed = (acceptedAt: string, closedAt: string, outcome: CaseRecord['outcome']) => ({
  status: 'closed' as const,
  mediatorId: 'lin',
  assignedAt: acceptedAt,
  acceptedAt,
  closedAt,
  outcome,
});

export const CASES: CaseRecord[] = [
  // Opened in September, accepted after 4 h, closed (resolved) in October after 192 h.
  caseRecord(1, { openedAt: '2026-09-25T02:00:00.000Z', ...closed('2026-09-25T06:00:00.000Z', '2026-10-03T02:00:00.000Z', 'resolved') }),
  caseRecord(2, { openedAt: '2026-10-05T00:00:00.000Z', ...closed('2026-10-05T02:00:00.000Z', '2026-10-10T00:00:00.000Z', 'resolved'), village: '清溪村' }),
  caseRecord(3, { openedAt: '2026-10-12T00:00:00.000Z', ...closed('2026-10-12T08:00:00.000Z', '2026-10-20T00:00:00.000Z', 'not_resolved'), category: 'land_homestead' }),
  caseRecord(4, { openedAt: '2026-10-20T06:00:00.000Z', ...closed('2026-10-20T07:00:00.000Z', '2026-10-21T06:00:00.000Z', 'withdrawn'), priority: 'urgent', village: null }),
  // Opened in October, closed (resolved) in November.
  caseRecord(5, { openedAt: '2026-10-28T00:00:00.000Z', ...closed('2026-10-28T10:00:00.000Z', '2026-11-02T00:00:00.000Z', 'resolved'), category: 'labor_wages' }),
  // 01:00 on 1 November in Beijing: a November case although it is still October in UTC.
  caseRecord(6, { openedAt: '2026-10-31T17:00:00.000Z' }),
  caseRecord(7, { openedAt: '2026-10-30T00:00:00.000Z', status: 'assigned', mediatorId: 'lin', assignedAt: '2026-10-30T00:00:00.000Z' }),
];

export async function writeMonth(dataDir: string, month: string, records: readonly object[]): Promise<string> {
  const path = join(consultationsDirOf(dataDir), `${month}.jsonl`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, records.map((r) => JSON.stringify(r) + '\n').join(''));
  return path;
}

export async function writeCases(dataDir: string, cases: readonly CaseRecord[]): Promise<void> {
  const path = casesFileOf(dataDir);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify({ cases }, null, 2));
}

/** Writes the three months and the cases into `dataDir`. */
export async function seedKnownData(dataDir: string): Promise<void> {
  await writeMonth(dataDir, '2026-09', SEPTEMBER);
  await writeMonth(dataDir, '2026-10', OCTOBER);
  await writeMonth(dataDir, '2026-11', NOVEMBER);
  await writeCases(dataDir, CASES);
}

/** A roster with the three test villages, for tests that start the whole app (ROSTER_FILE). */
export async function writeTestRoster(dir: string): Promise<string> {
  const path = join(dir, 'roster.yaml');
  await writeFile(
    path,
    [
      'villages:',
      ...TEST_VILLAGES.map((v) => `  - { name: ${v.name}, aliases: [${v.aliases.join(', ')}] }`),
      'dutyMediator: duty',
      'mediators:',
      '  - { id: duty, name: 值班, villages: [], categories: [], wecomUserId: Duty, active: true }',
      '  - { id: lin, name: 林调解员, villages: [清溪村], categories: [], wecomUserId: Lin, active: true }',
      '',
    ].join('\n'),
  );
  return path;
}

/** The tests' today: 10 November 2026, so September and October are finished months. */
export const TEST_NOW = new Date('2026-11-10T02:00:00.000Z');

/** Statistics over a data directory holding the known data, with the three test villages. */
export async function knownStatistics(dataDir: string): Promise<Statistics> {
  await seedKnownData(dataDir);
  return statisticsOver(dataDir);
}

/** Statistics as the app builds them over `dataDir` (a new call is like a restart). */
export function statisticsOver(dataDir: string): Statistics {
  return createStatistics({
    consultationsDir: consultationsDirOf(dataDir),
    cacheDir: statisticsCacheDirOf(dataDir),
    clock: { now: () => TEST_NOW },
    cases: createCaseFileSource(casesFileOf(dataDir)),
    villages: fixedVillages(TEST_VILLAGES),
    demoMarker: demoMarkerOf(dataDir),
  });
}
