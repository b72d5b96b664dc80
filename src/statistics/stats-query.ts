import { z } from 'zod';
import { MONTH_PATTERN } from '../time/clock.js';
import { monthSpan, type Period } from './period.js';

/** A range longer than this is refused: three years of months is already more than any report needs. */
export const MAX_RANGE_MONTHS = 36;

const month = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required: a month like 2026-10' : 'must be given once') })
  .regex(MONTH_PATTERN, 'must be a month like 2026-10');

export const MonthlyQuerySchema = z.object({ month }).transform(({ month }): Period => ({ from: month, to: month }));

export const RangeQuerySchema = z
  .object({ from: month, to: month })
  .superRefine(({ from, to }, ctx) => {
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${from})` });
    else if (monthSpan(from, to) > MAX_RANGE_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a range covers at most ${MAX_RANGE_MONTHS} months` });
    }
  })
  .transform(({ from, to }): Period => ({ from, to }));
