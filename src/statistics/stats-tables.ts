import { CHANNEL_LABELS, OUTCOME_LABELS, villageLabel } from './labels.js';
import type { StatsReport } from './stats-report.js';

/** A cell: a count, a figure that may be missing (null: nothing to measure), or a label. */
export type Cell = string | number | null;

export interface StatsTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

/**
 * The report as the tables staff read in the CSV and in the CLI. Counts and labels only: no pseudonyms,
 * contacts, case summaries or question texts, so the tables can travel by e-mail or on a USB stick.
 */
export function toStatsTables(report: StatsReport): StatsTable[] {
  const { consultations: c, cases } = report;
  return [
    {
      title: '汇总',
      header: ['指标', '数值'],
      rows: [
        ['统计期间', report.period.from === report.period.to ? report.period.from : `${report.period.from}至${report.period.to}`],
        ['咨询人次', c.total],
        ['咨询群众人数', c.residents],
        ['当即解答', c.answered],
        ['暂未能解答', c.unanswered],
        ['涉及矛盾纠纷', c.dispute],
        ['紧急求助', c.urgent],
        ['语音提问', c.voice],
        ['提议人民调解', c.escalationsOffered],
        ['新受理调解案件', cases.opened],
        ['其中紧急', cases.openedUrgent],
        ['调解员接手', cases.accepted],
        ['办结调解案件', cases.closed],
        ...(['resolved', 'not_resolved', 'withdrawn'] as const).map((o) => [`其中${OUTCOME_LABELS[o]}`, cases.byOutcome[o]]),
        ['调解成功率（%）', cases.successRate.percent],
        ['成功率分子：调解成功', cases.successRate.numerator],
        ['成功率分母：调解成功+调解未成功（不含撤回）', cases.successRate.denominator],
        ['接手用时中位数（小时）', cases.medianHoursToAcceptance],
        ['办结用时中位数（小时）', cases.medianHoursToClosure],
        ['期末在办调解案件', cases.openAtEnd],
      ],
    },
    { title: '按类别', header: ['类别', '代码', '人次'], rows: c.byCategory.map((r) => [r.label, r.category, r.count]) },
    { title: '按村（社区）', header: ['村（社区）', '人次'], rows: c.byVillage.map((r) => [villageLabel(r.village), r.count]) },
    { title: '按渠道', header: ['渠道', '代码', '人次'], rows: c.byChannel.map((r) => [CHANNEL_LABELS[r.channel], r.channel, r.count]) },
    { title: '按日', header: ['日期', '人次'], rows: c.byDay.map((r) => [r.day, r.count]) },
    {
      title: '按月',
      header: ['月份', '咨询人次', '咨询群众人数', '当即解答', '暂未能解答', '紧急求助', '提议人民调解', '新受理案件', '办结案件', '调解成功', '调解未成功', '当事人撤回', '调解成功率（%）'],
      rows: report.series.map((s) => [
        s.month,
        s.consultations,
        s.residents,
        s.answered,
        s.unanswered,
        s.urgent,
        s.escalationsOffered,
        s.casesOpened,
        s.casesClosed,
        s.resolved,
        s.notResolved,
        s.withdrawn,
        s.successPercent,
      ]),
    },
  ];
}
