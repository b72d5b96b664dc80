import { describe, expect, it } from 'vitest';
import type { Statistics } from '../../src/statistics/create-statistics.js';
import { useTempDirs } from '../support/temp-dir.js';
import { knownStatistics } from './known-data.js';

const tempDir = useTempDirs();

const seeded = async (): Promise<Statistics> => knownStatistics(await tempDir());

const ZERO_CATEGORIES = ['inheritance', 'elder_support', 'expropriation', 'debt_contract', 'traffic', 'injury', 'consumer_fraud', 'housing', 'criminal', 'administrative', 'other'];

describe('monthly statistics', () => {
  it('counts October exactly: consultations, residents, tables, unanswered questions', async () => {
    const report = await (await seeded()).report({ from: '2026-10', to: '2026-10' });
    const c = report.consultations;
    expect(report.period).toEqual({ from: '2026-10', to: '2026-10', months: ['2026-10'] });
    expect(report.demo).toBe(false);
    // Greetings, thanks, 法条 follow-ups and deletion commands are not consultations.
    expect({ total: c.total, residents: c.residents, answered: c.answered, unanswered: c.unanswered }).toEqual({
      total: 8,
      residents: 5,
      answered: 4,
      unanswered: 4,
    });
    expect({ urgent: c.urgent, dispute: c.dispute, voice: c.voice, escalationsOffered: c.escalationsOffered }).toEqual({
      urgent: 1,
      dispute: 2,
      voice: 1,
      escalationsOffered: 2,
    });
    expect(c.byCategory.map((r) => [r.category, r.count])).toEqual([
      ['marriage_family', 3],
      ['labor_wages', 2],
      ['land_homestead', 1],
      ['neighbor', 1],
      ['legal_procedure', 1],
      ...ZERO_CATEGORIES.map((k) => [k, 0]),
    ]);
    expect(c.byCategory[0]!.label).toBe('婚姻家庭');
    // 清溪 is the roster's other name for 清溪村; 石门村 is on the roster with nobody asking.
    expect(c.byVillage).toEqual([
      { village: '清溪村', count: 3 },
      { village: '上坪村', count: 3 },
      { village: '石门村', count: 0 },
      { village: 'unknown', count: 2 },
    ]);
    expect(report.villagesWithoutConsultations).toEqual(['石门村']);
    expect(c.byChannel).toEqual([
      { channel: 'wechat', count: 4 },
      { channel: 'api', count: 2 },
      { channel: 'web', count: 1 },
      { channel: 'wecom', count: 1 },
    ]);
    expect(c.byDay).toHaveLength(31);
    expect(c.byDay.filter((d) => d.count > 0)).toEqual([
      { day: '2026-10-01', count: 2 },
      { day: '2026-10-02', count: 1 },
      { day: '2026-10-16', count: 2 },
      { day: '2026-10-20', count: 2 },
      { day: '2026-10-31', count: 1 },
    ]);
    expect(c.byDay.reduce((n, d) => n + d.count, 0)).toBe(c.total);
    expect(report.unansweredQuestions).toEqual([
      { text: '彩礼退不退？', category: 'marriage_family', count: 2 },
      { text: '老板跑路了工资找谁要，我电话138****5678', category: 'labor_wages', count: 1 },
    ]);
  });

  it('counts October’s cases by the month each event happened in', async () => {
    const report = await (await seeded()).report({ from: '2026-10', to: '2026-10' });
    expect(report.cases).toEqual({
      opened: 5,
      openedUrgent: 1,
      accepted: 4,
      closed: 4,
      byOutcome: { resolved: 2, not_resolved: 1, withdrawn: 1 },
      successRate: { numerator: 2, denominator: 3, percent: 66.67 },
      medianHoursToAcceptance: 5,
      medianHoursToClosure: 156,
      openAtEnd: 2,
    });
    expect(report.caseList.map((k) => k.id)).toEqual(['TJ-2026-0007', 'TJ-2026-0005', 'TJ-2026-0004', 'TJ-2026-0003', 'TJ-2026-0002', 'TJ-2026-0001']);
    expect(report.caseList[0]).toEqual({
      id: 'TJ-2026-0007',
      openedAt: '2026-10-30T00:00:00.000Z',
      category: 'neighbor',
      village: '上坪村',
      priority: 'normal',
      status: 'assigned',
      acceptedAt: null,
      closedAt: null,
      outcome: null,
    });
    expect(JSON.stringify(report)).not.toMatch(/13800000000|邻居排水纠纷|aaaaaaaaaaaa/);
  });

  it('counts a case opened in October and closed in November as November’s closure', async () => {
    const report = await (await seeded()).report({ from: '2026-11', to: '2026-11' });
    expect(report.consultations.total).toBe(2);
    expect(report.consultations.residents).toBe(2);
    expect(report.villagesWithoutConsultations).toEqual(['清溪村', '上坪村']);
    expect(report.cases).toEqual({
      opened: 1,
      openedUrgent: 0,
      accepted: 0,
      closed: 1,
      byOutcome: { resolved: 1, not_resolved: 0, withdrawn: 0 },
      successRate: { numerator: 1, denominator: 1, percent: 100 },
      medianHoursToAcceptance: null,
      medianHoursToClosure: 120,
      openAtEnd: 2,
    });
    expect(report.caseList.map((k) => k.id)).toEqual(['TJ-2026-0006', 'TJ-2026-0007', 'TJ-2026-0005']);
  });

  it('gives no success rate for a month with nothing closed, rather than 0% or 100%', async () => {
    const report = await (await seeded()).report({ from: '2026-09', to: '2026-09' });
    expect(report.cases.successRate).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(report.cases.medianHoursToAcceptance).toBe(4);
    expect(report.cases.openAtEnd).toBe(1);
  });

  it('reports an empty month as zeros with every day listed', async () => {
    const report = await (await seeded()).report({ from: '2027-02', to: '2027-02' });
    expect(report.consultations.total).toBe(0);
    expect(report.consultations.byDay).toHaveLength(28);
    expect(report.villagesWithoutConsultations).toEqual(['清溪村', '上坪村', '石门村']);
    expect(report.cases.opened).toBe(0);
    expect(report.cases.openAtEnd).toBe(2);
  });
});

describe('range statistics', () => {
  it('sums September to November, counts each resident once, and gives the per-month series', async () => {
    const report = await (await seeded()).report({ from: '2026-09', to: '2026-11' });
    const c = report.consultations;
    expect(report.period.months).toEqual(['2026-09', '2026-10', '2026-11']);
    // A asked in September and October, B in October and November: six people, not eight.
    expect([c.total, c.residents, c.answered, c.unanswered, c.urgent, c.dispute, c.voice, c.escalationsOffered]).toEqual([11, 6, 6, 5, 1, 2, 1, 2]);
    expect(c.byVillage).toEqual([
      { village: '清溪村', count: 4 },
      { village: '上坪村', count: 3 },
      { village: '石门村', count: 2 },
      { village: 'unknown', count: 2 },
    ]);
    expect(report.villagesWithoutConsultations).toEqual([]);
    expect(c.byDay).toHaveLength(30 + 31 + 30);
    expect(report.cases).toEqual({
      opened: 7,
      openedUrgent: 1,
      accepted: 5,
      closed: 5,
      byOutcome: { resolved: 3, not_resolved: 1, withdrawn: 1 },
      successRate: { numerator: 3, denominator: 4, percent: 75 },
      medianHoursToAcceptance: 4,
      medianHoursToClosure: 120,
      openAtEnd: 2,
    });
    expect(report.unansweredQuestions.map((q) => [q.text, q.count])).toEqual([
      ['彩礼退不退？', 2],
      ['老板跑路了工资找谁要，我电话138****5678', 1],
      ['借钱不还怎么办', 1],
    ]);
    const row = (month: string, consultations: number, residents: number, answered: number, unanswered: number, urgent: number, escalationsOffered: number, casesOpened: number, casesClosed: number, resolved: number, notResolved: number, withdrawn: number, successPercent: number | null) =>
      ({ month, consultations, residents, answered, unanswered, urgent, escalationsOffered, casesOpened, casesClosed, resolved, notResolved, withdrawn, successPercent });
    expect(report.series).toEqual([
      row('2026-09', 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, null),
      row('2026-10', 8, 5, 4, 4, 1, 2, 5, 4, 2, 1, 1, 66.67),
      row('2026-11', 2, 2, 1, 1, 0, 0, 1, 1, 1, 0, 0, 100),
    ]);
  });
});
