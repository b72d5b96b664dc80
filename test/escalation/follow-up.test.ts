import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';
import { createFakeClock, HOUR, MINUTE, type FakeClock } from './support/fake-clock.js';
import { startReceiver, type FakeReceiver } from './support/fake-receiver.js';
import { callCases, fileCase, say, startMediationApp } from './support/mediation-app.js';
import { TOKENS, writeTestRoster } from './support/test-roster.js';

const tempDir = useTempDirs();
let app: RunningApp;
let robot: FakeReceiver;
let clock: FakeClock;
let dataDir: string;
let roster: string;

beforeEach(async () => {
  clock = createFakeClock('2026-08-03T00:30:00.000Z');
  robot = await startReceiver();
  dataDir = await tempDir();
  roster = await writeTestRoster(await tempDir(), robot.url);
  app = await startMediationApp(dataDir, roster, clock, { CASE_ACCEPT_HOURS: '4', CASE_FOLLOW_UP_DAYS: '14' });
});
afterEach(async () => {
  // Lets notifications still on their way finish before the data directory is removed.
  await app.tick(clock.now());
  await app.close();
  await robot.close();
});

const keys = () => robot.received.map((r) => `${r.path.split('key=')[1]}: ${String(r.json.markdown.content).split('\n')[0]}`);

describe('the follow-up clock', () => {
  it('reminds the mediator of an unaccepted case once, then hands it to the duty mediator, across a restart', async () => {
    const id = await fileCase(app, 'farmer', { village: '清溪村', relation: '邻居', facts: '邻居的牛把我家稻子踩了' });
    await robot.waitFor(1);
    clock.advance(4 * HOUR - MINUTE);
    await app.tick(clock.now());
    expect(robot.received).toHaveLength(1);

    clock.advance(MINUTE);
    await app.tick(clock.now());
    clock.advance(30 * MINUTE);
    await app.tick(clock.now());
    await robot.waitFor(2);
    expect(keys()[1]).toBe(`lin: **提醒：案件 ${id} 还没有接单**`);

    await app.close();
    app = await startMediationApp(dataDir, roster, clock, { CASE_ACCEPT_HOURS: '4' });
    clock.set('2026-08-03T08:30:00.000Z');
    await app.tick(clock.now());
    await app.tick(clock.now());
    await robot.waitFor(4);
    expect(keys().slice(2).sort()).toEqual([`duty: **新调解案件 ${id}**`, `lin: **案件 ${id} 已改由值班室负责**`]);
    expect(robot.received).toHaveLength(4);

    const viewed = await callCases(app, 'GET', `/api/cases/${id}`, TOKENS.admin);
    expect(viewed.body.case).toMatchObject({ mediatorId: 'duty', status: 'assigned', assignedAt: '2026-08-03T08:30:00.000Z' });
    expect(viewed.body.case.timeline.slice(-2)).toMatchObject([
      { action: 'accept_reminder_sent', by: 'system' },
      { action: 'reassigned', by: 'system', note: 'duty: not accepted within 8 h' },
    ]);
    expect((await callCases(app, 'POST', `/api/cases/${id}/accept`, TOKENS.lin)).status).toBe(403);
    expect((await callCases(app, 'POST', `/api/cases/${id}/accept`, TOKENS.duty)).status).toBe(200);
  });

  it('leaves an accepted case alone and reminds its mediator on the 回访 day set at closing', async () => {
    const id = await fileCase(app, 'farmer2', { village: '上坪村', relation: '邻居', facts: '邻居的狗咬了我家的鸡' });
    await callCases(app, 'POST', `/api/cases/${id}/accept`, TOKENS.lin);
    clock.advance(10 * HOUR);
    await app.tick(clock.now());
    await robot.waitFor(1);
    expect(robot.received).toHaveLength(1);

    const closed = await callCases(app, 'POST', `/api/cases/${id}/close`, TOKENS.lin, { outcome: 'resolved', agreementSummary: '赔两只鸡的钱', followUpDate: '2026-08-10' });
    expect(closed.body.case.followUpDate).toBe('2026-08-10');
    clock.set('2026-08-09T15:59:00.000Z'); // 23:59 on the 9th in Beijing
    await app.tick(clock.now());
    expect(robot.received).toHaveLength(1);
    clock.set('2026-08-09T16:00:00.000Z'); // midnight: the 10th in Beijing
    await app.tick(clock.now());
    await robot.waitFor(2);
    expect(keys()[1]).toBe(`lin: **回访：案件 ${id}**`);
    await app.tick(clock.now());
    expect(robot.received).toHaveLength(2);
  });

  it('sets the 回访 day CASE_FOLLOW_UP_DAYS after closing when none is given, and tells the resident the outcome', async () => {
    const id = await fileCase(app, 'farmer3', { village: '上坪村', relation: '邻居', facts: '邻居占了我家的晒谷场' });
    await callCases(app, 'POST', `/api/cases/${id}/accept`, TOKENS.lin);
    const closed = await callCases(app, 'POST', `/api/cases/${id}/close`, TOKENS.lin, { outcome: 'resolved', agreementSummary: '晒谷场两家轮流用', judicialConfirmationAdvised: false });
    expect(closed.body.case).toMatchObject({ followUpDate: '2026-08-17', judicialConfirmationAdvised: false });
    await app.tick(clock.now());
    const reply = (await say(app, 'farmer3', '谢谢')).reply;
    expect(reply).toContain('【调解进展】');
    expect(reply).toContain('【调解结果】您的案件');
    expect(reply).not.toContain('司法确认');
  });
});
