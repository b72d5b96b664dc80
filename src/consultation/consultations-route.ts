import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import { parseWith } from '../http/read-json-body.js';
import { MONTH_PATTERN } from '../time/clock.js';
import type { ConsultationLog } from './consultation-log.js';

const QuerySchema = z.object({
  month: z.string().regex(MONTH_PATTERN, 'must be a month like 2026-11'),
  unanswered: z.enum(['0', '1']).optional(),
});

/**
 * `GET /api/consultations?month=YYYY-MM[&unanswered=1]` (admin): the month's records as stored, masked and
 * pseudonymised, so the legal adviser can read what residents asked and what went unanswered.
 */
export function mountConsultationsRoute(router: Router, log: ConsultationLog, admin: Middleware): void {
  router.get('/api/consultations', admin, async (ctx) => {
    const query = parseWith(QuerySchema, ctx.query, 'query');
    const known = new Set(await log.months());
    const records = known.has(query.month) ? await log.readMonth(query.month) : [];
    const selected = query.unanswered === '1' ? records.filter((r) => r.intent === 'question' && r.answerId === null && !r.urgent) : records;
    ctx.body = { month: query.month, count: selected.length, consultations: selected };
  });
}
