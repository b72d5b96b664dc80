import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJson } from '../support/read-json.js';
import { startApp, type RunningApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';
import { seedKnownData, writeTestRoster } from './known-data.js';

const tempDir = useTempDirs();
const TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let app: RunningApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function started(env: Record<string, string> = { ADMIN_TOKEN: TOKEN }): Promise<RunningApp> {
  const dataDir = await tempDir();
  await seedKnownData(dataDir);
  app = await startApp(dataDir, { env: { ROSTER_FILE: await writeTestRoster(await tempDir()), TOWNSHIP_NAME: '清溪乡', ...env } });
  return app;
}

const get = (path: string, headers: Record<string, string> = auth) => fetch(app!.url + path, { headers });

describe('GET /api/stats/monthly and /range', () => {
  it('answers the month’s figures as JSON to the admin token, from the data directory and the roster', async () => {
    await started();
    const res = await get('/api/stats/monthly?month=2026-10');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const report = await readJson(res);
    expect(report.consultations.total).toBe(8);
    expect(report.consultations.residents).toBe(5);
    expect(report.villagesWithoutConsultations).toEqual(['石门村']);
    expect(report.cases.successRate).toEqual({ numerator: 2, denominator: 3, percent: 66.67 });
    expect(report.series).toHaveLength(1);
  });

  it('answers a range with its per-month series', async () => {
    await started();
    const report = await readJson(await get('/api/stats/range?from=2026-09&to=2026-11'));
    expect(report.consultations.total).toBe(11);
    expect(report.consultations.residents).toBe(6);
    expect(report.series.map((s: { month: string; consultations: number }) => [s.month, s.consultations])).toEqual([
      ['2026-09', 1],
      ['2026-10', 8],
      ['2026-11', 2],
    ]);
  });

  it.each([
    ['/api/stats/monthly', 'month: is required: a month like 2026-10'],
    ['/api/stats/monthly?month=2026-13', 'month: must be a month like 2026-10'],
    ['/api/stats/monthly?month=202610', 'month: must be a month like 2026-10'],
    ['/api/stats/monthly?month=2026-10&month=2026-11', 'month: must be given once'],
    ['/api/stats/range?to=2026-10', 'from: is required: a month like 2026-10'],
    ['/api/stats/range?from=2026-10&to=2026-1', 'to: must be a month like 2026-10'],
    ['/api/stats/range?from=2026-10&to=2026-09', 'to: must not be before from (2026-10)'],
    ['/api/stats/range?from=2020-01&to=2023-01', 'to: a range covers at most 36 months'],
    ['/api/stats/range.csv?from=2026-10', 'to: is required: a month like 2026-10'],
  ])('refuses %s with a 400 naming the problem', async (path, message) => {
    await started();
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual({ error: { code: 'invalid_request', message } });
  });

  it('refuses a missing or wrong token, and stays closed when no ADMIN_TOKEN is set', async () => {
    await started();
    expect((await get('/api/stats/monthly?month=2026-10', {})).status).toBe(401);
    expect((await get('/api/stats/monthly.csv?month=2026-10', { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    await app!.close();
    await started({});
    expect((await get('/api/stats/monthly?month=2026-10')).status).toBe(403);
  });
});

describe('statistics over what the app itself logs', () => {
  it('counts residents’ questions sent through the message API, and not their greetings or thanks', async () => {
    const dataDir = await tempDir();
    app = await startApp(dataDir, {
      env: { ADMIN_TOKEN: TOKEN, ROSTER_FILE: await writeTestRoster(await tempDir()) },
      clock: { now: () => new Date('2027-03-10T02:00:00.000Z') },
    });
    const send = (userId: string, text: string, village?: string) => app!.post('/api/messages', { userId, text, ...(village ? { village } : {}) });
    for (const [user, text, village] of [
      ['u1', '你好'],
      ['u1', '老板拖欠我三个月工资不给怎么办', '清溪村'],
      ['u1', '谢谢'],
      ['u2', '邻居把墙砌到我家地里了', '上坪'],
      ['u3', '宅基地上的房子能继承吗'],
    ] as const) {
      expect((await send(user, text, village)).status).toBe(200);
    }
    const report = await readJson(await get('/api/stats/monthly?month=2027-03'));
    expect(report.consultations.total).toBe(3);
    expect(report.consultations.residents).toBe(3);
    expect(report.consultations.answered + report.consultations.unanswered).toBe(3);
    expect(report.consultations.byChannel).toContainEqual({ channel: 'api', count: 3 });
    expect(report.consultations.byVillage).toContainEqual({ village: 'unknown', count: 1 });
    expect(report.consultations.byDay.find((d: { day: string }) => d.day === '2027-03-10').count).toBe(3);
    const logged = (await readFile(join(dataDir, 'consultations', '2027-03.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(report.consultations.escalationsOffered).toBe(logged.filter((r: { mediationOffered?: boolean }) => r.mediationOffered === true).length);
  });
});

describe('GET /api/stats/monthly.csv and /range.csv', () => {
  it('downloads the tables as a UTF-8 CSV with a BOM, named after the period', async () => {
    await started();
    const res = await get('/api/stats/monthly.csv?month=2026-10');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mingbai-stats-2026-10.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('\r\n咨询人次,8\r\n');
    expect(text).toContain('\r\n调解成功率（%）,66.67\r\n');

    const range = await get('/api/stats/range.csv?from=2026-09&to=2026-11');
    expect(range.headers.get('content-disposition')).toBe('attachment; filename="mingbai-stats-2026-09-to-2026-11.csv"');
    expect(await range.text()).toContain('\r\n2026-11,2,2,1,1,0,0,1,1,1,0,0,100\r\n');
  });
});
