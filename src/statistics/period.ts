import { toLocalDay, toLocalMonth } from '../time/clock.js';

/** A run of whole township months, `from` and `to` included (YYYY-MM). */
export interface Period {
  from: string;
  to: string;
}

/** Every month of the period in order: 2026-11..2027-01 → 2026-11, 2026-12, 2027-01. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = splitMonth(period.from);
  const [toYear, toMonth] = splitMonth(period.to);
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The twelve months that end with `month`: the range staff report on most. */
export function lastTwelveMonths(month: string): Period {
  const [year, m] = splitMonth(month);
  const from = m === 12 ? `${year}-01` : `${year - 1}-${String(m + 1).padStart(2, '0')}`;
  return { from, to: month };
}

/** How many months the period spans, both ends included. */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = splitMonth(from);
  const [ty, tm] = splitMonth(to);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Every calendar day of a month: 2026-02 → 2026-02-01 … 2026-02-28. */
export function daysOf(month: string): string[] {
  const [year, m] = splitMonth(month);
  const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The township day of an ISO instant in UTC (`…Z`, as the record schema requires). Memoised per UTC hour:
 * Beijing time is a whole-hour offset from UTC, so every instant in one UTC hour falls in the same local day,
 * and 100,000 records cost a map look-up each instead of an Intl call each.
 */
export function createLocalDayOf(): (isoTime: string) => string {
  const byHour = new Map<string, string>();
  return (isoTime) => {
    const hour = isoTime.slice(0, 13);
    let day = byHour.get(hour);
    if (day === undefined) {
      day = toLocalDay(new Date(isoTime));
      byHour.set(hour, day);
    }
    return day;
  };
}

export function localMonthOf(isoTime: string): string {
  return toLocalMonth(new Date(isoTime));
}

function splitMonth(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}
