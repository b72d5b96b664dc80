import { createHash, timingSafeEqual } from 'node:crypto';
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { AppError, ForbiddenError, UnauthorizedError, UnsupportedMediaTypeError } from '../errors.js';
import { parseWith, readRawBody } from '../http/read-json-body.js';
import type { Statistics } from '../statistics/create-statistics.js';
import { CHANNEL_LABELS, OUTCOME_LABELS, STATUS_LABELS, UNKNOWN_VILLAGE_LABEL } from '../statistics/labels.js';
import { renderReportParagraph } from '../statistics/render-report-paragraph.js';
import { readMonthly, sendCsv } from '../statistics/stats-routes.js';
import { toLocalMonth, type Clock } from '../time/clock.js';
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

class TooManyAttemptsError extends AppError {
  override readonly name = 'TooManyAttemptsError';
  constructor() {
    super(429, 'too_many_attempts', 'too many wrong tokens from this address; wait 15 minutes');
  }
}

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
    if (!expected) return showSignIn(ctx, 403, '管理后台未开启：请在配置中设置 ADMIN_TOKEN 后重启。');
    if (!deps.sessions.isValid(sessionOf(ctx))) return showSignIn(ctx, 200, '');
    setAdminHeaders(ctx, 'no-store');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = dashboardPage.replace('__DEFAULT_MONTH__', toLocalMonth(deps.clock.now()));
  });

  router.post('/admin/sign-in', async (ctx) => {
    assertSameOrigin(ctx);
    if (!expected) return showSignIn(ctx, 403, '管理后台未开启：请在配置中设置 ADMIN_TOKEN 后重启。');
    if (deps.throttle.isBlocked(ctx.ip)) throw new TooManyAttemptsError();
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

const digest = (token: string) => createHash('sha256').update(token).digest();

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
