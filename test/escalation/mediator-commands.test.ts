import { beforeEach, describe, expect, it } from 'vitest';
import { callCases, fileCase, say, useMediationApp } from './support/mediation-app.js';
import { TOKENS } from './support/test-roster.js';

const t = useMediationApp('2026-11-02T02:00:00.000Z');
let id: string;
beforeEach(async () => {
  id = await fileCase(t.app, 'resident-li', { village: '清溪村', relation: '邻居', facts: '邻居在我家门口堆柴火', phone: '13712345678' });
});

describe('WeCom commands from mediators', () => {
  it('leaves messages that are not a mediator’s command to the consultation', async () => {
    expect(await t.app.handleMediatorCommand('SomeResident', `接单 ${id}`)).toBeUndefined();
    expect(await t.app.handleMediatorCommand('LinShuFen', '邻居吵架怎么办')).toBeUndefined();
  });

  it('accepts with 接单, shows the mediator the phone number, and tells the resident', async () => {
    const reply = await t.app.handleMediatorCommand('LinShuFen', `接单 ${id.toLowerCase()}`);
    expect(reply).toContain(`已接单：案件 ${id}`);
    expect(reply).toContain('居民电话：13712345678');
    const viewed = await callCases(t.app, 'GET', `/api/cases/${id}`, TOKENS.lin);
    expect(viewed.body.case.timeline.at(-1)).toMatchObject({ action: 'accepted', by: 'mediator:lin-shufen' });
    await t.app.tick(t.clock.now());
    expect((await say(t.app, 'resident-li', '谢谢')).reply).toContain('林淑芬已经接手');
  });

  it('closes with 结案 … 调解成功 <协议摘要> and keeps the summary', async () => {
    await t.app.handleMediatorCommand('LinShuFen', `接单 ${id}`);
    expect(await t.app.handleMediatorCommand('LinShuFen', `结案 ${id} 调解成功`)).toContain('请写上协议摘要');
    expect(await t.app.handleMediatorCommand('LinShuFen', `结案 ${id} 调解成功 柴火三天内搬走`)).toContain(`已结案：案件 ${id}`);
    const viewed = await callCases(t.app, 'GET', `/api/cases/${id}`, TOKENS.admin);
    expect(viewed.body.case).toMatchObject({ status: 'closed', outcome: 'resolved', agreementSummary: '柴火三天内搬走', judicialConfirmationAdvised: true });
  });

  it('records 调解不成功 with its reason as a note', async () => {
    await t.app.handleMediatorCommand('LinShuFen', `接单 ${id}`);
    await t.app.handleMediatorCommand('LinShuFen', `结案 ${id} 调解不成功 对方不愿意来`);
    const viewed = await callCases(t.app, 'GET', `/api/cases/${id}`, TOKENS.admin);
    expect(viewed.body.case).toMatchObject({ outcome: 'not_resolved' });
    expect(viewed.body.case.notes[0].text).toBe('对方不愿意来');
  });

  it('refuses plainly: unknown case, not yours, wrong state, bad format', async () => {
    expect(await t.app.handleMediatorCommand('LinShuFen', '接单 TJ-2026-0999')).toBe('没有找到案件 TJ-2026-0999，请核对编号。');
    expect(await t.app.handleMediatorCommand('HeJianGuo', `接单 ${id}`)).toBe(`案件 ${id} 不是分给您的，不能接单。`);
    expect(await t.app.handleMediatorCommand('LinShuFen', `结案 ${id} 调解成功 搬走`)).toBe(`案件 ${id} 现在是“待接单”，不能结案。`);
    await t.app.handleMediatorCommand('LinShuFen', `接单 ${id}`);
    expect(await t.app.handleMediatorCommand('LinShuFen', `接单 ${id}`)).toBe(`案件 ${id} 现在是“调解中”，不能接单。`);
    expect(await t.app.handleMediatorCommand('LinShuFen', '结案')).toContain('可以这样回复');
    expect(await t.app.handleMediatorCommand('LinShuFen', `结案 ${id} 好了`)).toContain('可以这样回复');
  });
});
