import { createHash, timingSafeEqual } from 'node:crypto';
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { ForbiddenError, UnauthorizedError, UnsupportedMediaTypeError } from '../errors.js';
import { parseWith, readRawBody } from '../http/read-json-body.js';
import type { Statistics } from '../statistics/create-statistics.js';
import { CHANNEL_LABELS, daysLabel, OUTCOME_LABELS, STATUS_LABELS, UNKNOWN_VILLAGE_LABEL } from '../statistics/labels.js';
import { renderReportParagraph } from '../statistics/render-report-paragraph.js';
import { readMonthly, sendCsv } from '../statistics/stats-routes.js';
import { toLocalDay, type Clock } from '../time/clock.js';
import { loadAdminAssets, loadAdminPage } from './admin-assets.js';
import { setAdminHeaders } from './admin-page-headers.js';
import type { AdminSessions } from './admin-sessions.js';
import type { SignInThrottle } from './sign-in-throttle.js';

export const SESSION_COOKIE = 'mingbai_admin';

/** What the app needs to serve statistics to staff; built in assemble.ts. */
export interface StaffStatistics {
  statistics: Statistics;
  sessions: AdminSessions;
  throttle: SignInThrottle;
  township: string;
  clock: Clock;
}

export interface AdminDeps extends StaffStatistics {
  adminToken: string | undefined;
}

const SignInSchema = z.object({ token: z.string().min(1, 'is required').max(512) });

const CLOSED = '统计看板还没有开启。请负责系统的同事在配置里设好管理口令，再重新启动。';

/**
 * The staff dashboard: `GET /admin` (sign-in form, or the dashboard once signed in), `POST /admin/sign-in`
 * with the admin token (→ an HttpOnly, SameSite=Strict session cookie), `POST /admin/sign-out`, and what the
 * page loads: `GET /admin/api/report?month=`, `GET /admin/export.csv?month=`, `GET /admin/assets/*`.
 */
export function mountAdminRoutes(router: Router, deps: AdminDeps): void {
  const assets = loadAdminAssets();
  const signInPage = loadAdminPage('sign-in.html');
  const dashboardPage = loadAdminPage('dashboard.html');
  const expected = deps.adminToken ? digest(deps.adminToken) : undefined;
  const sessionOf = (ctx: Context) => ctx.cookies.get(SESSION_COOKIE);

  const showSignIn = (ctx: Context, status: number, message: string) => {
    setAdminHeaders(ctx, 'no-store');
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = signInPage.replace('<!--message-->', message ? `<p class="message" role="alert">${escapeHtml(message)}</p>` : '');
  };

  const signedIn: Middleware = async (ctx, next) => {
    setAdminHeaders(ctx, 'no-store');
    if (!deps.sessions.isValid(sessionOf(ctx))) throw new UnauthorizedError('sign in at /admin first');
    await next();
  };

  router.get('/admin', (ctx) => {
    if (!expected) return showSignIn(ctx, 403, CLOSED);
    if (!deps.sessions.isValid(sessionOf(ctx))) return showSignIn(ctx, 200, '');
    setAdminHeaders(ctx, 'no-store');
    ctx.type = 'text/html; charset=utf-8';
    const today = toLocalDay(deps.clock.now());
    ctx.body = dashboardPage
      .replace('__DEFAULT_MONTH__', lastCompleteMonth(today))
      .replace('__CURRENT_MONTH__', today.slice(0, 7))
      .replace('__TODAY__', today);
  });

  router.post('/admin/sign-in', async (ctx) => {
    assertSameOrigin(ctx);
    if (!expected) return showSignIn(ctx, 403, CLOSED);
    // A page, not a JSON error: whoever sees this is at the sign-in form in a browser.
    if (deps.throttle.isBlocked(ctx.ip)) return showSignIn(ctx, 429, '口令输错的次数太多了，请过15分钟再试。');
    if (!ctx.is('application/x-www-form-urlencoded')) throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams((await readRawBody(ctx, 4096)).toString('utf8')));
    const { token } = parseWith(SignInSchema, form, 'body');
    if (!timingSafeEqual(digest(token), expected)) {
      deps.throttle.fail(ctx.ip);
      return showSignIn(ctx, 401, '口令不正确，请重新输入。');
    }
    deps.throttle.succeed(ctx.ip);
    deps.sessions.revoke(sessionOf(ctx));
    const session = deps.sessions.create();
    ctx.cookies.set(SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/admin',
      maxAge: session.maxAgeMs,
      secure: ctx.secure,
      overwrite: true,
    });
    setAdminHeaders(ctx, 'no-store');
    ctx.status = 303;
    ctx.redirect('/admin');
  });

  router.post('/admin/sign-out', (ctx) => {
    assertSameOrigin(ctx);
    deps.sessions.revoke(sessionOf(ctx));
    ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/admin', maxAge: 0, secure: ctx.secure, overwrite: true });
    setAdminHeaders(ctx, 'no-store');
    ctx.status = 303;
    ctx.redirect('/admin');
  });

  router.get('/admin/api/report', signedIn, async (ctx) => {
    const report = await deps.statistics.report(readMonthly(ctx));
    ctx.body = {
      report,
      paragraph: renderReportParagraph(report, deps.township),
      durations: { toAcceptance: daysLabel(report.cases.medianHoursToAcceptance), toClosure: daysLabel(report.cases.medianHoursToClosure) },
      labels: { channels: CHANNEL_LABELS, outcomes: OUTCOME_LABELS, statuses: STATUS_LABELS, unknownVillage: UNKNOWN_VILLAGE_LABEL },
    };
  });

  router.get('/admin/export.csv', signedIn, async (ctx) => {
    sendCsv(ctx, await deps.statistics.report(readMonthly(ctx)));
  });

  router.get('/admin/assets/:name', (ctx) => {
    const asset = assets.get(ctx.params.name ?? '');
    if (!asset) return;
    setAdminHeaders(ctx, 'asset');
    ctx.type = asset.type;
    ctx.body = asset.body;
  });
}

/** A form post from another site is refused even before SameSite=Strict would leave its cookie behind. */
function assertSameOrigin(ctx: Context): void {
  const origin = ctx.get('origin');
  // Koa 3's ctx.origin is the Origin header itself, so this site's origin is built from protocol and host.
  if (origin && origin !== `${ctx.protocol}://${ctx.host}`) throw new ForbiddenError('cross-site form posts are refused');
}

/**
 * The month before `today`'s (2026-11-10 → 2026-10; 2027-01-01 → 2026-12): the dashboard opens on a whole
 * month, since the current one's figures are only part of a month and would read as a drop.
 */
function lastCompleteMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const digest = (token: string) => createHash('sha256').update(token).digest();

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
