import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from './support/fake-clock.js';
import { callCases, fileCase, say, useMediationApp } from './support/mediation-app.js';
import { TOKENS } from './support/test-roster.js';

const t = useMediationApp('2026-08-03T00:30:00.000Z', { CASE_ACCEPT_HOURS: '4', CASE_FOLLOW_UP_DAYS: '14' });

const keys = () => t.robot.received.map((r) => `${r.path.split('key=')[1]}: ${String(r.json.markdown.content).split('\n')[0]}`);

describe('the follow-up clock', () => {
  it('reminds the mediator of an unaccepted case once, then hands it to the duty mediator, across a restart', async () => {
    const id = await fileCase(t.app, 'farmer', { village: '清溪村', relation: '邻居', facts: '邻居的牛把我家稻子踩了' });
    await t.robot.waitFor(1);
    t.clock.advance(4 * HOUR - MINUTE);
    await t.app.tick(t.clock.now());
    expect(t.robot.received).toHaveLength(1);

    t.clock.advance(MINUTE);
    await t.app.tick(t.clock.now());
    t.clock.advance(30 * MINUTE);
    await t.app.tick(t.clock.now());
    await t.robot.waitFor(2);
    expect(keys()[1]).toBe(`lin: **提醒：案件 ${id} 还没有接单**`);

    await t.restart({ CASE_ACCEPT_HOURS: '4' });
    t.clock.set('2026-08-03T08:30:00.000Z');
    await t.app.tick(t.clock.now());
    await t.app.tick(t.clock.now());
    await t.robot.waitFor(4);
    expect(keys().slice(2).sort()).toEqual([`duty: **新调解案件 ${id}**`, `lin: **案件 ${id} 已改由值班室负责**`]);
    expect(t.robot.received).toHaveLength(4);

    const viewed = await callCases(t.app, 'GET', `/api/cases/${id}`, TOKENS.admin);
    expect(viewed.body.case).toMatchObject({ mediatorId: 'duty', status: 'assigned', assignedAt: '2026-08-03T08:30:00.000Z' });
    expect(viewed.body.case.timeline.slice(-2)).toMatchObject([
      { action: 'accept_reminder_sent', by: 'system' },
      { action: 'reassigned', by: 'system', note: 'duty: not accepted within 8 h' },
    ]);
    expect((await callCases(t.app, 'POST', `/api/cases/${id}/accept`, TOKENS.lin)).status).toBe(403);
    expect((await callCases(t.app, 'POST', `/api/cases/${id}/accept`, TOKENS.duty)).status).toBe(200);
  });

  it('leaves an accepted case alone and reminds its mediator on the 回访 day set at closing', async () => {
    const id = await fileCase(t.app, 'farmer2', { village: '上坪村', relation: '邻居', facts: '邻居的狗咬了我家的鸡' });
    await callCases(t.app, 'POST', `/api/cases/${id}/accept`, TOKENS.lin);
    t.clock.advance(10 * HOUR);
    await t.app.tick(t.clock.now());
    await t.robot.waitFor(1);
    expect(t.robot.received).toHaveLength(1);

    const closed = await callCases(t.app, 'POST', `/api/cases/${id}/close`, TOKENS.lin, { outcome: 'resolved', agreementSummary: '赔两只鸡的钱', followUpDate: '2026-08-10' });
    expect(closed.body.case.followUpDate).toBe('2026-08-10');
    t.clock.set('2026-08-09T15:59:00.000Z'); // 23:59 on the 9th in Beijing
    await t.app.tick(t.clock.now());
    expect(t.robot.received).toHaveLength(1);
    t.clock.set('2026-08-09T16:00:00.000Z'); // midnight: the 10th in Beijing
    await t.app.tick(t.clock.now());
    await t.robot.waitFor(2);
    expect(keys()[1]).toBe(`lin: **回访：案件 ${id}**`);
    await t.app.tick(t.clock.now());
    expect(t.robot.received).toHaveLength(2);
  });

  it('sets the 回访 day CASE_FOLLOW_UP_DAYS after closing when none is given, and tells the resident the outcome', async () => {
    const id = await fileCase(t.app, 'farmer3', { village: '上坪村', relation: '邻居', facts: '邻居占了我家的晒谷场' });
    await callCases(t.app, 'POST', `/api/cases/${id}/accept`, TOKENS.lin);
    const closed = await callCases(t.app, 'POST', `/api/cases/${id}/close`, TOKENS.lin, { outcome: 'resolved', agreementSummary: '晒谷场两家轮流用', judicialConfirmationAdvised: false });
    expect(closed.body.case).toMatchObject({ followUpDate: '2026-08-17', judicialConfirmationAdvised: false });
    await t.app.tick(t.clock.now());
    const reply = (await say(t.app, 'farmer3', '谢谢')).reply;
    expect(reply).toContain('【调解进展】');
    expect(reply).toContain('【调解结果】您的案件');
    expect(reply).not.toContain('司法确认');
  });
});
