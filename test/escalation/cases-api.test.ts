import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/start-app.js';
import { createFakeClock } from './support/fake-clock.js';
import { startReceiver, type FakeReceiver } from './support/fake-receiver.js';
import { callCases, fileCase, startMediationApp } from './support/mediation-app.js';
import { TOKENS, writeTestRoster } from './support/test-roster.js';

let base: string;
let app: RunningApp;
let robot: FakeReceiver;
let wagesCase: string;
let neighbourCase: string;

beforeAll(async () => {
  const clock = createFakeClock('2026-05-06T03:00:00.000Z');
  robot = await startReceiver();
  base = await mkdtemp(join(tmpdir(), 'mingbai-cases-api-'));
  app = await startMediationApp(join(base, 'data'), await writeTestRoster(base, robot.url), clock);
  wagesCase = await fileCase(app, 'worker', { village: '石门村', relation: '老板', facts: '老板欠了我三个月工资一直不给', phone: '0797-8123456' });
  neighbourCase = await fileCase(app, 'farmer', { village: '上坪村', relation: '隔壁邻居', facts: '邻居家的猪跑到我家地里把菜吃了' });
});
afterAll(async () => {
  await app.tick(new Date('2026-05-06T03:00:00.000Z'));
  await app.close();
  await robot.close();
  await rm(base, { recursive: true, force: true });
});

describe('who may see cases', () => {
  it('refuses a request without a token or with an unknown one (401)', async () => {
    expect((await callCases(app, 'GET', '/api/cases', undefined)).status).toBe(401);
    const wrong = await callCases(app, 'GET', '/api/cases', 'not-a-token-of-anyone');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('shows a mediator only their own cases and the admin all of them', async () => {
    const he = await callCases(app, 'GET', '/api/cases', TOKENS.he);
    expect(he.body.cases.map((c: { id: string }) => c.id)).toEqual([wagesCase]);
    const admin = await callCases(app, 'GET', '/api/cases', TOKENS.admin);
    expect(admin.body.count).toBe(2);
  });

  it('filters by status, village, month and (admin) mediator', async () => {
    const q = (query: string) => callCases(app, 'GET', `/api/cases?${query}`, TOKENS.admin).then((r) => r.body.cases.map((c: { id: string }) => c.id));
    expect(await q('village=上坪村')).toEqual([neighbourCase]);
    expect(await q('mediatorId=he-jianguo')).toEqual([wagesCase]);
    expect(await q('month=2026-05&status=assigned')).toHaveLength(2);
    expect(await q('month=2026-04')).toEqual([]);
    expect(await q('status=closed')).toEqual([]);
  });

  it('refuses a bad filter naming it (400)', async () => {
    const bad = await callCases(app, 'GET', '/api/cases?status=done', TOKENS.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('status');
    expect((await callCases(app, 'GET', '/api/cases?month=2026-13', TOKENS.admin)).body.error.message).toContain('month');
  });

  it('answers 404 for an unknown case and 400 for something that is not a case id', async () => {
    const unknown = await callCases(app, 'GET', '/api/cases/TJ-2026-0999', TOKENS.admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('TJ-2026-0999');
    const malformed = await callCases(app, 'POST', '/api/cases/abc/accept', TOKENS.admin);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('id');
  });

  it('refuses another mediator’s case (403) for viewing, accepting, notes and closing', async () => {
    for (const [method, path, body] of [
      ['GET', `/api/cases/${wagesCase}`, undefined],
      ['POST', `/api/cases/${wagesCase}/accept`, undefined],
      ['POST', `/api/cases/${wagesCase}/notes`, { text: '看一下' }],
      ['POST', `/api/cases/${wagesCase}/close`, { outcome: 'withdrawn' }],
    ] as const) {
      const res = await callCases(app, method, path, TOKENS.lin, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.message).toContain('not assigned to you');
    }
  });

  it('shows the contact number to the assigned mediator', async () => {
    expect((await callCases(app, 'GET', `/api/cases/${wagesCase}`, TOKENS.he)).body.case.contact).toBe('0797-8123456');
  });
});

describe('case actions', () => {
  it('refuses to close with an outcome before the case is accepted (409) and accepts only once', async () => {
    const early = await callCases(app, 'POST', `/api/cases/${wagesCase}/close`, TOKENS.he, { outcome: 'not_resolved' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('wrong_state');
    expect((await callCases(app, 'POST', `/api/cases/${wagesCase}/accept`, TOKENS.he)).status).toBe(200);
    const again = await callCases(app, 'POST', `/api/cases/${wagesCase}/accept`, TOKENS.he);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('is accepted');
  });

  it.each([
    [{ outcome: 'resolved' }, 'agreementSummary'],
    [{ outcome: 'settled' }, 'outcome'],
    [{ outcome: 'resolved', agreementSummary: '还清工资', followUpDate: '12/06/2026' }, 'followUpDate'],
    [{ outcome: 'resolved', agreementSummary: '还清工资', followUpDate: '2026-01-01' }, 'followUpDate'],
    [{ outcome: 'not_resolved', agreementSummary: '还清工资' }, 'agreementSummary'],
    [{ outcome: 'not_resolved', judicialConfirmationAdvised: true }, 'judicialConfirmationAdvised'],
    [{ outcome: 'resolved', agreementSummary: '还清工资', judicial: true }, 'judicial'],
  ])('refuses closing with %j, naming %s (400)', async (body, field) => {
    const res = await callCases(app, 'POST', `/api/cases/${wagesCase}/close`, TOKENS.he, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toContain(field);
  });

  it('keeps notes with who wrote them, and refuses an empty one', async () => {
    const empty = await callCases(app, 'POST', `/api/cases/${wagesCase}/notes`, TOKENS.he, { text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('text');
    const noted = await callCases(app, 'POST', `/api/cases/${wagesCase}/notes`, TOKENS.he, { text: '约了双方周五到村委会' });
    expect(noted.body.case.notes).toEqual([{ at: '2026-05-06T03:00:00.000Z', by: 'mediator:he-jianguo', text: '约了双方周五到村委会' }]);
  });

  it('closes an accepted case as not resolved, without a 回访 date or 司法确认', async () => {
    const closed = await callCases(app, 'POST', `/api/cases/${wagesCase}/close`, TOKENS.he, { outcome: 'not_resolved' });
    expect(closed.body.case).toMatchObject({ status: 'closed', outcome: 'not_resolved', followUpDate: null, judicialConfirmationAdvised: false, agreementSummary: null });
    const again = await callCases(app, 'POST', `/api/cases/${wagesCase}/close`, TOKENS.he, { outcome: 'withdrawn' });
    expect(again.status).toBe(409);
  });
});

describe('reassignment', () => {
  it('is for the admin only (403 for a mediator)', async () => {
    const res = await callCases(app, 'POST', `/api/cases/${neighbourCase}/reassign`, TOKENS.lin, { mediatorId: 'he-jianguo' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('admin');
  });

  it('refuses an unknown or inactive mediator, naming mediatorId (400)', async () => {
    for (const mediatorId of ['nobody', 'gao-old', 'Not An Id']) {
      const res = await callCases(app, 'POST', `/api/cases/${neighbourCase}/reassign`, TOKENS.admin, { mediatorId });
      expect(res.status, mediatorId).toBe(400);
      expect(res.body.error.message).toContain('mediatorId');
    }
  });

  it('moves the case: both mediators are told, the new one may act, the old one may not', async () => {
    const before = robot.received.length;
    const moved = await callCases(app, 'POST', `/api/cases/${neighbourCase}/reassign`, TOKENS.admin, { mediatorId: 'he-jianguo', reason: '林淑芬请假' });
    expect(moved.status).toBe(200);
    expect(moved.body.case).toMatchObject({ status: 'assigned', mediatorId: 'he-jianguo' });
    expect(moved.body.case.timeline.at(-1)).toMatchObject({ action: 'reassigned', by: 'admin' });
    const told = (await robot.waitFor(before + 2)).slice(before);
    expect(told.map((r) => r.path.split('key=')[1]).sort()).toEqual(['he', 'lin']);
    expect((await callCases(app, 'POST', `/api/cases/${neighbourCase}/accept`, TOKENS.lin)).status).toBe(403);
    expect((await callCases(app, 'POST', `/api/cases/${neighbourCase}/close`, TOKENS.he, { outcome: 'withdrawn' })).body.case.outcome).toBe('withdrawn');
  });
});
