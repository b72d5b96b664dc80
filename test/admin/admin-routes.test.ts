import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJson } from '../support/read-json.js';
import { startApp, type RunningApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';
import { seedKnownData, writeTestRoster } from '../statistics/known-data.js';

const tempDir = useTempDirs();
const TOKEN = 'test-admin-token-0123456789';
let app: RunningApp | undefined;
let now = new Date('2026-11-10T02:00:00.000Z');
const clock = { now: () => now };

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function started(env: Record<string, string> = { ADMIN_TOKEN: TOKEN }): Promise<RunningApp> {
  now = new Date('2026-11-10T02:00:00.000Z');
  const dataDir = await tempDir();
  await seedKnownData(dataDir);
  const roster = await writeTestRoster(await tempDir());
  app = await startApp(dataDir, { env: { ROSTER_FILE: roster, TOWNSHIP_NAME: '清溪乡', ADMIN_SESSION_HOURS: '8', ...env }, clock });
  return app;
}

function signIn(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app!.url}/admin/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token }).toString(),
    redirect: 'manual',
  });
}

async function sessionCookie(): Promise<string> {
  const res = await signIn(TOKEN);
  expect(res.status).toBe(303);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** fetch() will not set Origin, as a browser would; a raw request can. */
function postFromOrigin(path: string, origin: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(app!.url + path, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const get = (path: string, cookie?: string) => fetch(app!.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

describe('dashboard sign-in', () => {
  it('shows the sign-in form under a strict Content-Security-Policy until the admin token is given', async () => {
    await started();
    const res = await get('/admin');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toContain('name="token"');
    expect(html).not.toContain('n-total');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie for the right token and refuses a wrong one', async () => {
    await started();
    const wrong = await signIn('not-the-token-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(await wrong.text()).toContain('口令不正确');

    const right = await signIn(TOKEN);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/admin');
    const cookie = right.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^mingbai_admin=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toMatch(/; path=\/admin/);
    expect(cookie).toMatch(/; expires=/);
    expect(cookie).toMatch(/; samesite=strict/);
    expect(cookie).toMatch(/; httponly/);
    expect(cookie).not.toContain(TOKEN);

    const page = await get('/admin', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="n-total"');
  });

  it('serves the month’s report and CSV only to a signed-in session', async () => {
    await started();
    expect((await get('/admin/api/report?month=2026-10')).status).toBe(401);
    expect((await get('/admin/export.csv?month=2026-10', 'mingbai_admin=forged')).status).toBe(401);
    const cookie = await sessionCookie();
    const res = await get('/admin/api/report?month=2026-10', cookie);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.report.consultations.total).toBe(8);
    expect(body.paragraph).toMatch(/^清溪乡2026年10月/);
    expect(body.labels.outcomes.resolved).toBe('调解成功');
    expect((await get('/admin/api/report?month=2026-1', cookie)).status).toBe(400);
    const csv = await get('/admin/export.csv?month=2026-10', cookie);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('咨询人次,8');
  });

  it('ends a session after ADMIN_SESSION_HOURS, and at sign-out', async () => {
    await started();
    const cookie = await sessionCookie();
    now = new Date(now.getTime() + 8 * 3_600_000 - 1000);
    expect((await get('/admin/api/report?month=2026-10', cookie)).status).toBe(200);
    now = new Date(now.getTime() + 1000);
    expect((await get('/admin/api/report?month=2026-10', cookie)).status).toBe(401);

    const second = await sessionCookie();
    const out = await fetch(`${app!.url}/admin/sign-out`, { method: 'POST', headers: { cookie: second }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^mingbai_admin=; path=\/admin; expires=Thu, 01 Jan 1970/);
    expect((await get('/admin/api/report?month=2026-10', second)).status).toBe(401);
  });

  it('refuses a sign-in posted from another site, and slows down guessing', async () => {
    await started();
    expect(await postFromOrigin('/admin/sign-in', 'https://evil.example', `token=${TOKEN}`)).toBe(403);
    for (let i = 0; i < 10; i++) expect((await signIn(`wrong-token-${i}-xxxxxxxx`)).status).toBe(401);
    const blocked = await signIn(TOKEN);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('口令输错的次数太多了，请过15分钟再试。');
    now = new Date(now.getTime() + 15 * 60_000);
    expect((await signIn(TOKEN)).status).toBe(303);
  });

  it('says in Chinese that the dashboard is closed when no ADMIN_TOKEN is set', async () => {
    await started({});
    const res = await get('/admin');
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('统计看板还没有开启');
    expect(html).not.toContain('ADMIN_TOKEN');
    expect((await signIn('anything-at-all-here')).status).toBe(403);
  });
});

describe('dashboard month', () => {
  it('opens on the last whole township month, and tells the page the current month and day', async () => {
    await started();
    const attributes = async () => (await (await get('/admin', await sessionCookie())).text()).match(/<html [^>]*>/)![0];
    expect(await attributes()).toContain('data-default-month="2026-10" data-current-month="2026-11" data-today="2026-11-10"');
    // 00:30 on 1 January 2027 in Beijing, still 31 December in UTC: December is the last whole month.
    now = new Date('2026-12-31T16:30:00.000Z');
    expect(await attributes()).toContain('data-default-month="2026-12" data-current-month="2027-01" data-today="2027-01-01"');
  });
});

describe('dashboard assets', () => {
  it('serves Chart.js from the installed package, not from a CDN', async () => {
    await started();
    const res = await get('/admin/assets/chart.umd.min.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const dist = dirname(createRequire(import.meta.url).resolve('chart.js'));
    const installed = await readFile(join(dist, 'chart.umd.min.js'), 'utf8');
    const served = await res.text();
    expect(served.slice(0, 2000)).toBe(installed.slice(0, 2000));
    expect(served).not.toContain('sourceMappingURL');
    const page = await (await get('/admin', await sessionCookie())).text();
    expect(page).not.toMatch(/https?:\/\//);
    expect((await get('/admin/assets/../../package.json')).status).toBe(404);
    expect((await get('/admin/assets/nothing.js')).status).toBe(404);
  });
});
