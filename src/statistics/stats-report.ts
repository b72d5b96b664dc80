import { ChannelSchema, type Channel } from '../consultation/consultation-record.js';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../understanding/category.js';
import type { CaseFigures, CaseRow } from './case-figures.js';
import { createTally, UNKNOWN_VILLAGE, type ConsultationTally } from './consultation-tally.js';
import { daysOf, type Period } from './period.js';
import type { KnownVillage } from './village-source.js';

/** How many unanswered questions the report lists for the legal adviser. */
export const TOP_UNANSWERED = 20;

export interface ConsultationFigures {
  /** Legal questions and article look-ups; see isConsultation. */
  total: number;
  /** Distinct resident pseudonyms among them. */
  residents: number;
  answered: number;
  unanswered: number;
  urgent: number;
  dispute: number;
  voice: number;
  /** Times Mingbai offered to bring a dispute to a people's mediator. */
  escalationsOffered: number;
  /** Every category, most asked first (ties in taxonomy order). */
  byCategory: { category: Category; label: string; count: number }[];
  /** Every village seen or on the roster, most asked first; `unknown` (no village given) last. */
  byVillage: { village: string; count: number }[];
  byChannel: { channel: Channel; count: number }[];
  /** Every day of the period, zeros included. */
  byDay: { day: string; count: number }[];
}

export interface MonthSeriesRow {
  month: string;
  consultations: number;
  residents: number;
  answered: number;
  unanswered: number;
  urgent: number;
  escalationsOffered: number;
  casesOpened: number;
  casesClosed: number;
  resolved: number;
  notResolved: number;
  withdrawn: number;
  successPercent: number | null;
}

export interface UnansweredQuestion {
  /** The first masked wording seen. */
  text: string;
  category: Category;
  count: number;
}

/** The one report behind the JSON API, the CSV, the CLI tables and paragraph, and the dashboard. */
export interface StatsReport {
  period: Period & { months: string[] };
  /** The data directory holds demo data written by `npm run seed-demo`. */
  demo: boolean;
  consultations: ConsultationFigures;
  cases: CaseFigures;
  /** Roster villages with no consultation in the period, in roster order; empty when there is no roster. */
  villagesWithoutConsultations: string[];
  /** The most frequent unanswered questions (masked text), grouped by normalised wording. */
  unansweredQuestions: UnansweredQuestion[];
  series: MonthSeriesRow[];
  caseList: CaseRow[];
}

export interface ReportInput {
  period: Period;
  months: string[];
  demo: boolean;
  /** The months' tallies merged. */
  total: ConsultationTally;
  tallies: readonly ConsultationTally[];
  unansweredQuestions: UnansweredQuestion[];
  cases: CaseFigures;
  casesByMonth: readonly CaseFigures[];
  caseList: CaseRow[];
  villages: readonly KnownVillage[];
}

/** Puts the month tallies and case figures together; pure, so every figure can be checked by hand. */
export function buildStatsReport(input: ReportInput): StatsReport {
  const { total } = input;
  const byVillage = canonicalVillages(total.byVillage, input.villages);
  const villagesWithoutConsultations = input.villages.map((v) => v.name).filter((name) => !byVillage.has(name));

  return {
    period: { from: input.period.from, to: input.period.to, months: input.months },
    demo: input.demo,
    consultations: {
      total: total.consultations,
      residents: total.residents.size,
      answered: total.answered,
      unanswered: total.unanswered,
      urgent: total.urgent,
      dispute: total.dispute,
      voice: total.voice,
      escalationsOffered: total.escalationsOffered,
      byCategory: sortByCount(CATEGORIES.map((category) => ({ category, label: CATEGORY_LABELS[category], count: total.byCategory.get(category) ?? 0 }))),
      byVillage: villageRows(byVillage, villagesWithoutConsultations),
      byChannel: sortByCount(ChannelSchema.options.map((channel) => ({ channel, count: total.byChannel.get(channel) ?? 0 }))),
      byDay: dayRows(input.months, total.byDay),
    },
    cases: input.cases,
    villagesWithoutConsultations,
    unansweredQuestions: input.unansweredQuestions,
    series: input.months.map((month, i) => seriesRow(month, input.tallies[i] ?? createTally(), input.casesByMonth[i]!)),
    caseList: input.caseList,
  };
}

/** Counts under the roster's name when a resident gave another name for the village (上坪 → 上坪村). */
function canonicalVillages(byVillage: ReadonlyMap<string, number>, villages: readonly KnownVillage[]): Map<string, number> {
  const nameOf = new Map<string, string>();
  for (const v of villages) for (const alias of v.aliases) nameOf.set(alias, v.name);
  const out = new Map<string, number>();
  for (const [village, count] of byVillage) {
    const name = nameOf.get(village) ?? village;
    out.set(name, (out.get(name) ?? 0) + count);
  }
  return out;
}

function villageRows(byVillage: ReadonlyMap<string, number>, unreached: readonly string[]): { village: string; count: number }[] {
  const named = [...byVillage].filter(([village]) => village !== UNKNOWN_VILLAGE).map(([village, count]) => ({ village, count }));
  named.sort((a, b) => b.count - a.count || a.village.localeCompare(b.village, 'zh-CN'));
  const zeros = unreached.map((village) => ({ village, count: 0 }));
  return [...named, ...zeros, { village: UNKNOWN_VILLAGE, count: byVillage.get(UNKNOWN_VILLAGE) ?? 0 }];
}

function dayRows(months: readonly string[], byDay: ReadonlyMap<string, number>): { day: string; count: number }[] {
  const days = new Set(months.flatMap(daysOf));
  // A record stamped outside its file's month (a clock fix, say) is still shown, so the days add up to the total.
  for (const day of byDay.keys()) days.add(day);
  return [...days].sort().map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

function seriesRow(month: string, tally: ConsultationTally, cases: CaseFigures): MonthSeriesRow {
  return {
    month,
    consultations: tally.consultations,
    residents: tally.residents.size,
    answered: tally.answered,
    unanswered: tally.unanswered,
    urgent: tally.urgent,
    escalationsOffered: tally.escalationsOffered,
    casesOpened: cases.opened,
    casesClosed: cases.closed,
    resolved: cases.byOutcome.resolved,
    notResolved: cases.byOutcome.not_resolved,
    withdrawn: cases.byOutcome.withdrawn,
    successPercent: cases.successRate.percent,
  };
}

/** Stable: equal counts keep their given (taxonomy) order. */
function sortByCount<R extends { count: number }>(rows: R[]): R[] {
  return rows.sort((a, b) => b.count - a.count);
}
