import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { parseWith } from '../http/read-json-body.js';
import type { Statistics } from './create-statistics.js';
import type { Period } from './period.js';
import { MonthlyQuerySchema, RangeQuerySchema } from './stats-query.js';
import type { StatsReport } from './stats-report.js';
import { toStatsTables } from './stats-tables.js';
import { toStatsCsv } from './to-stats-csv.js';

export const DEMO_NOTICE = '演示数据，非真实咨询（npm run seed-demo）';

/**
 * Staff statistics (admin token):
 * `GET /api/stats/monthly?month=YYYY-MM` and `GET /api/stats/range?from=YYYY-MM&to=YYYY-MM` as JSON,
 * `…/monthly.csv` and `…/range.csv` as the CSV tables. A bad parameter is a 400 naming it.
 */
export function mountStatsRoutes(router: Router, statistics: Statistics, admin: Middleware): void {
  router.get('/api/stats/monthly', admin, async (ctx) => {
    sendJson(ctx, await statistics.report(readMonthly(ctx)));
  });
  router.get('/api/stats/monthly.csv', admin, async (ctx) => {
    sendCsv(ctx, await statistics.report(readMonthly(ctx)));
  });
  router.get('/api/stats/range', admin, async (ctx) => {
    sendJson(ctx, await statistics.report(readRange(ctx)));
  });
  router.get('/api/stats/range.csv', admin, async (ctx) => {
    sendCsv(ctx, await statistics.report(readRange(ctx)));
  });
}

export function readMonthly(ctx: Context): Period {
  return parseWith(MonthlyQuerySchema, ctx.query, 'query');
}

export function readRange(ctx: Context): Period {
  return parseWith(RangeQuerySchema, ctx.query, 'query');
}

/* Figures about residents are not for shared caches or the browser's back button. */
function sendJson(ctx: Context, report: StatsReport): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.body = report;
}

/** Sends the report's tables as a CSV download named after the period. */
export function sendCsv(ctx: Context, report: StatsReport): void {
  const { from, to } = report.period;
  const name = from === to ? `mingbai-stats-${from}.csv` : `mingbai-stats-${from}-to-${to}.csv`;
  ctx.type = 'text/csv; charset=utf-8';
  ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = toStatsCsv(toStatsTables(report), report.demo ? DEMO_NOTICE : undefined);
}
