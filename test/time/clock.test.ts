import { describe, expect, it } from 'vitest';
import { TOWNSHIP_TIME_ZONE, toLocalDay, toLocalMonth } from '../../src/time/clock.js';

describe('township days and months', () => {
  it('agree with Intl’s Asia/Shanghai calendar from 1992 to 2060', () => {
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: TOWNSHIP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    const start = Date.UTC(1992, 0, 1);
    const end = Date.UTC(2060, 0, 1);
    for (let t = start; t < end; t += 7 * 3_600_000 + 1_234_567) {
      const date = new Date(t);
      expect(toLocalDay(date)).toBe(reference.format(date));
    }
  });

  it('turns the month at Beijing midnight, not UTC midnight', () => {
    expect(toLocalMonth(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
    expect(toLocalMonth(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
    expect(toLocalDay(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });
});
