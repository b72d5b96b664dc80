import { describe, expect, it } from 'vitest';
import { median } from '../../src/statistics/median.js';
import { createLocalDayOf, daysOf, lastTwelveMonths, monthsOf, monthSpan } from '../../src/statistics/period.js';
import { periodLabel } from '../../src/statistics/labels.js';

describe('periods in township time', () => {
  it('lists the months of a range across a year end, and the days of February in a leap year', () => {
    expect(monthsOf({ from: '2026-11', to: '2027-02' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthSpan('2026-11', '2027-02')).toBe(4);
    expect(daysOf('2028-02')).toHaveLength(29);
    expect(daysOf('2027-02').at(-1)).toBe('2027-02-28');
  });

  it('puts an instant on its Beijing calendar day', () => {
    const dayOf = createLocalDayOf();
    expect(dayOf('2026-10-31T15:59:59.999Z')).toBe('2026-10-31');
    expect(dayOf('2026-10-31T16:00:00.000Z')).toBe('2026-11-01');
    expect(dayOf('2026-10-31T16:30:00Z')).toBe('2026-11-01');
  });

  it('names a period as a report does', () => {
    expect(periodLabel('2026-10', '2026-10')).toBe('2026年10月');
    expect(periodLabel('2026-08', '2026-10')).toBe('2026年8月至10月');
    expect(periodLabel('2025-11', '2026-02')).toBe('2025年11月至2026年2月');
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 1, 8, 2])).toBe(5);
  });
});

describe('lastTwelveMonths', () => {
  it.each([
    ['2026-11', '2025-12'],
    ['2026-12', '2026-01'],
    ['2027-01', '2026-02'],
  ])('the year ending %s starts %s', (month, from) => {
    const period = lastTwelveMonths(month);
    expect(period).toEqual({ from, to: month });
    expect(monthsOf(period)).toHaveLength(12);
  });
});
