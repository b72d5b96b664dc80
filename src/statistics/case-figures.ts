import type { CaseOutcome, CaseRecord, CaseStatus } from '../escalation/case-record.js';
import type { Category } from '../understanding/category.js';
import { median } from './median.js';
import { localMonthOf } from './period.js';

export interface SuccessRate {
  /** Cases closed in the period as resolved (调解成功). */
  numerator: number;
  /** Cases closed in the period as resolved or not resolved; withdrawn cases are left out. */
  denominator: number;
  /** numerator / denominator as a percentage with two decimals (96.83), or null when nothing was closed. */
  percent: number | null;
}

export interface CaseFigures {
  /** Cases opened in the period (the resident consented and a case was created). */
  opened: number;
  openedUrgent: number;
  /** Cases a mediator accepted in the period, whenever they were opened. */
  accepted: number;
  /** Cases closed in the period, whenever they were opened. */
  closed: number;
  byOutcome: Record<CaseOutcome, number>;
  successRate: SuccessRate;
  /** Median of (acceptedAt − openedAt) over the cases accepted in the period, in hours (one decimal). */
  medianHoursToAcceptance: number | null;
  /** Median of (closedAt − openedAt) over the cases closed in the period, in hours (one decimal). */
  medianHoursToClosure: number | null;
  /** Opened by the end of the period and not closed by then. */
  openAtEnd: number;
}

/** One line of the dashboard's case list: no resident, contact, summary, hope or notes. */
export interface CaseRow {
  id: string;
  openedAt: string;
  category: Category;
  village: string | null;
  priority: 'urgent' | 'normal';
  status: CaseStatus;
  acceptedAt: string | null;
  closedAt: string | null;
  outcome: CaseOutcome | null;
}

const HOUR_MS = 3_600_000;

/**
 * Case figures for a set of months, each event counted in the month it happened: a case opened in October
 * and closed in November counts as opened in October and closed (with its outcome) in November.
 */
export function computeCaseFigures(cases: readonly CaseRecord[], months: readonly string[]): CaseFigures {
  const inPeriod = new Set(months);
  const last = months[months.length - 1] ?? '';
  const opened = cases.filter((c) => inPeriod.has(c.month));
  const accepted = cases.filter((c) => c.acceptedAt !== null && inPeriod.has(localMonthOf(c.acceptedAt)));
  const closed = cases.filter(isClosed).filter((c) => inPeriod.has(localMonthOf(c.closedAt)));
  const byOutcome: Record<CaseOutcome, number> = { resolved: 0, not_resolved: 0, withdrawn: 0 };
  for (const c of closed) byOutcome[c.outcome]++;
  const denominator = byOutcome.resolved + byOutcome.not_resolved;
  return {
    opened: opened.length,
    openedUrgent: opened.filter((c) => c.priority === 'urgent').length,
    accepted: accepted.length,
    closed: closed.length,
    byOutcome,
    successRate: {
      numerator: byOutcome.resolved,
      denominator,
      percent: denominator === 0 ? null : Math.round((byOutcome.resolved / denominator) * 10_000) / 100,
    },
    medianHoursToAcceptance: hours(median(accepted.map((c) => Date.parse(c.acceptedAt!) - Date.parse(c.openedAt)))),
    medianHoursToClosure: hours(median(closed.map((c) => Date.parse(c.closedAt) - Date.parse(c.openedAt)))),
    openAtEnd: cases.filter((c) => c.month <= last && !(isClosed(c) && localMonthOf(c.closedAt) <= last)).length,
  };
}

/** The cases that concern the period: opened or closed in it, or still open at its end; newest first. */
export function listPeriodCases(cases: readonly CaseRecord[], months: readonly string[]): CaseRow[] {
  const inPeriod = new Set(months);
  const last = months[months.length - 1] ?? '';
  return cases
    .filter((c) => {
      const closedMonth = isClosed(c) ? localMonthOf(c.closedAt) : undefined;
      if (inPeriod.has(c.month) || (closedMonth !== undefined && inPeriod.has(closedMonth))) return true;
      return c.month <= last && (closedMonth === undefined || closedMonth > last);
    })
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.id.localeCompare(a.id))
    .map((c) => ({
      id: c.id,
      openedAt: c.openedAt,
      category: c.category,
      village: c.village,
      priority: c.priority,
      status: c.status,
      acceptedAt: c.acceptedAt,
      closedAt: c.closedAt,
      outcome: c.outcome,
    }));
}

type ClosedCase = CaseRecord & { closedAt: string; outcome: CaseOutcome };

/** Closed with an outcome; the case schema allows a half-filled record, which is not counted as closed. */
function isClosed(c: CaseRecord): c is ClosedCase {
  return c.status === 'closed' && c.closedAt !== null && c.outcome !== null;
}

function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10;
}
