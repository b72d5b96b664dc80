import { describe, expect, it } from 'vitest';
import { HOUR } from './support/fake-clock.js';
import { callCases, say, useMediationApp } from './support/mediation-app.js';
import { TOKENS } from './support/test-roster.js';

const t = useMediationApp('2026-07-20T14:00:00.000Z');

const DANGER = '我老公喝了酒正在打我，我好怕';

describe('an urgent message', () => {
  it('opens a priority case for the duty mediator at once, without a consent dialogue, and says so after the emergency guidance', async () => {
    const res = await say(t.app, 'victim', DANGER, 'w-1');
    const paragraphs = res.reply.split('\n\n');
    expect(paragraphs[0]).toMatch(/^【紧急】.*110/);
    expect(paragraphs[1]).toContain('已通知清溪乡值班人民调解员（案件编号 TJ-2026-0001）');
    expect(res.reply).not.toContain('回复 1 请调解员帮忙');
    // After the guidance, only the entry about the danger itself: a husband's violence → the protection order.
    expect(res.answerId).toBe('marriage-protection-order');
    expect(paragraphs[2]).toContain('人身安全保护令');
    expect(paragraphs).toHaveLength(3);

    const [notified] = await t.robot.waitFor(1);
    expect(notified!.path).toContain('key=duty');
    expect(notified!.json.markdown.content).toContain('【紧急】清溪乡值班调解：案件 TJ-2026-0001');
    expect(notified!.json.markdown.content).toContain('我老公喝了酒正在打我');

    const viewed = await callCases(t.app, 'GET', '/api/cases/TJ-2026-0001', TOKENS.duty);
    expect(viewed.body.case).toMatchObject({ priority: 'urgent', status: 'assigned', mediatorId: 'duty', consentAt: null, summary: DANGER });
    expect(viewed.body.case.timeline[0]).toMatchObject({ action: 'opened', by: 'system' });
    const [record] = await t.app.log.readMonth('2026-07');
    expect(record).toMatchObject({ urgent: true, caseId: 'TJ-2026-0001' });
  });

  it('gives a retried message the same reply and opens one case', async () => {
    const first = await say(t.app, 'victim', DANGER, 'w-2');
    const again = await say(t.app, 'victim', DANGER, 'w-2');
    expect(again).toEqual(first);
    expect((await callCases(t.app, 'GET', '/api/cases', TOKENS.admin)).body.count).toBe(1);
  });

  it('takes a phone number the resident sends next for the duty mediator, who is told without the number', async () => {
    await say(t.app, 'victim', DANGER);
    const saved = await say(t.app, 'victim', '13912345678');
    expect(saved.reply).toContain('已把电话交给值班调解员');
    const viewed = await callCases(t.app, 'GET', '/api/cases/TJ-2026-0001', TOKENS.duty);
    expect(viewed.body.case.contact).toBe('13912345678');
    expect(viewed.body.case.timeline.at(-1)).toMatchObject({ action: 'contact_added', by: 'resident' });
    const told = await t.robot.waitFor(2);
    expect(told[1]!.json.markdown.content).toContain('居民留了电话');
    expect(told.map((r) => r.body).join('')).not.toContain('13912345678');
  });

  it('adds a second cry for help to the open urgent case instead of opening another', async () => {
    await say(t.app, 'victim', DANGER);
    await say(t.app, 'victim', '跳过');
    t.clock.advance(HOUR / 2);
    const second = await say(t.app, 'victim', '他又拿刀说要砍死我');
    expect(second.reply).toContain('TJ-2026-0001');
    const all = await callCases(t.app, 'GET', '/api/cases', TOKENS.admin);
    expect(all.body.count).toBe(1);
    const [, notice] = await t.robot.waitFor(2);
    expect(notice!.json.markdown.content).toContain('居民又发来紧急消息');
    // The same words once more tell the duty mediator nothing new.
    await say(t.app, 'victim', '他又拿刀说要砍死我');
    await t.app.tick(t.clock.now());
    expect(t.robot.received).toHaveLength(2);
  });

  it('is not accepted within a quarter of CASE_ACCEPT_HOURS: the duty mediator is reminded', async () => {
    await say(t.app, 'victim', DANGER);
    await t.robot.waitFor(1);
    t.clock.advance(HOUR - 1);
    await t.app.tick(t.clock.now());
    expect(t.robot.received).toHaveLength(1);
    t.clock.advance(1);
    await t.app.tick(t.clock.now());
    const [, reminder] = await t.robot.waitFor(2);
    expect(reminder!.json.markdown.content).toContain('还没有接单');
  });
});
