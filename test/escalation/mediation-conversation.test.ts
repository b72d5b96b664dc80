import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';
import { createFakeClock, HOUR } from './support/fake-clock.js';
import { startReceiver, type FakeReceiver } from './support/fake-receiver.js';
import { callCases, say, startMediationApp } from './support/mediation-app.js';
import { TOKENS, writeTestRoster } from './support/test-roster.js';

const tempDir = useTempDirs();
const running: { app?: RunningApp; robot?: FakeReceiver } = {};
afterEach(async () => {
  await running.app?.tick(new Date());
  await running.app?.close();
  await running.robot?.close();
});

const RESIDENT = 'wx-resident-wang';
const PHONE = '13812345678';

describe('a neighbour dispute from first message to a closed case', () => {
  it('offers a mediator, takes the intake, notifies the robot, and tells the resident as the mediator accepts and closes', async () => {
    const clock = createFakeClock('2026-03-10T02:00:00.000Z');
    const robot = (running.robot = await startReceiver());
    const dataDir = await tempDir();
    const roster = await writeTestRoster(await tempDir(), robot.url);
    const restart = async () => {
      await running.app?.tick(clock.now());
      await running.app?.close();
      running.app = await startMediationApp(dataDir, roster, clock);
      return running.app;
    };
    let app = await restart();

    const asked = await say(app, RESIDENT, '邻居把围墙砌到我家地里，吵了好几次，怎么办');
    expect(asked).toMatchObject({ intent: 'question', dispute: true });
    expect(asked.reply.split('\n').at(-1)).toBe('回复 1 请调解员帮忙');

    const intro = await say(app, RESIDENT, '1');
    expect(intro.intent).toBe('mediation_intake');
    expect(intro.consultationId).toBe(asked.consultationId);
    expect(intro.reply).toContain('调解免费');
    expect(intro.reply).toContain('1 清溪村');
    expect((await say(app, RESIDENT, '清溪')).reply).toContain('1 邻居');
    expect((await say(app, RESIDENT, '1')).reply).toContain('回复“跳过”，就用您刚才说的');
    expect((await say(app, RESIDENT, '跳过')).reply).toContain('您希望怎么解决');
    // The intake survives a restart at the step it reached.
    app = await restart();
    expect((await say(app, RESIDENT, '让他把多砌的墙拆掉，赔我的菜苗')).reply).toContain('留个电话');
    const summary = await say(app, RESIDENT, '138 1234 5678');
    expect(summary.reply).toContain('村（社区）：清溪村');
    expect(summary.reply).toContain('对方：邻居');
    expect(summary.reply).toContain('邻居把围墙砌到我家地里');
    expect(summary.reply).toContain(`电话：${PHONE}`);

    const done = await say(app, RESIDENT, '同意');
    expect(done.reply).toContain('案件编号 TJ-2026-0001');

    // The mediator of 清溪村 who takes neighbour disputes (the inactive one is skipped) hears through the robot.
    const [notified] = await robot.waitFor(1);
    expect(notified!.path).toContain('key=lin');
    expect(notified!.json.msgtype).toBe('markdown');
    expect(notified!.json.markdown.content).toContain('新调解案件 TJ-2026-0001');
    expect(notified!.json.markdown.content).toContain('<@LinShuFen>');
    expect(notified!.body).not.toContain(PHONE);

    const listed = await callCases(app, 'GET', '/api/cases', TOKENS.lin);
    expect(listed.body.count).toBe(1);
    expect(listed.body.cases[0]).toMatchObject({ id: 'TJ-2026-0001', status: 'assigned', hasContact: true, village: '清溪村' });
    expect(listed.body.cases[0].contact).toBeUndefined();
    const viewed = await callCases(app, 'GET', '/api/cases/TJ-2026-0001', TOKENS.lin);
    expect(viewed.body.case).toMatchObject({
      contact: PHONE,
      relation: 'neighbor',
      category: 'neighbor',
      mediatorId: 'lin-shufen',
      consultationId: asked.consultationId,
      consentAt: '2026-03-10T02:00:00.000Z',
      priority: 'normal',
    });
    expect(viewed.body.case.timeline.map((e: { action: string; by: string }) => `${e.action} by ${e.by}`)).toEqual([
      'opened by resident',
      'assigned by system',
    ]);

    app = await restart();
    clock.advance(HOUR);
    const accepted = await callCases(app, 'POST', '/api/cases/TJ-2026-0001/accept', TOKENS.lin);
    expect(accepted.status).toBe(200);
    expect(accepted.body.case.status).toBe('accepted');
    await app.tick(clock.now());
    const told = await say(app, RESIDENT, '谢谢');
    expect(told.reply.split('\n\n')[0]).toBe('【调解进展】人民调解员林淑芬已经接手您的案件 TJ-2026-0001，会尽快联系您。');
    expect((await say(app, RESIDENT, '谢谢')).reply).not.toContain('调解进展');

    clock.advance(3 * 24 * HOUR);
    const closed = await callCases(app, 'POST', '/api/cases/TJ-2026-0001/close', TOKENS.lin, {
      outcome: 'resolved',
      agreementSummary: '对方拆除多砌的围墙，赔偿菜苗损失300元',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.case).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      judicialConfirmationAdvised: true,
      followUpDate: '2026-04-12',
    });

    app = await restart();
    await app.tick(clock.now());
    const result = await say(app, RESIDENT, '好的');
    expect(result.reply).toContain('【调解结果】您的案件 TJ-2026-0001 调解成功');
    expect(result.reply).toContain('协议内容：对方拆除多砌的围墙，赔偿菜苗损失300元');
    expect(result.reply).toMatch(/司法确认.*30天内.*一起向法院申请/s);
    expect(result.reply).toContain('《人民调解法》第三十三条');

    // On the 回访 day the mediator is reminded, once.
    clock.set('2026-04-12T01:00:00.000Z');
    await app.tick(clock.now());
    await app.tick(clock.now());
    const all = await robot.waitFor(2);
    expect(all).toHaveLength(2);
    expect(all[1]!.json.markdown.content).toContain('回访：案件 TJ-2026-0001');

    // Intake steps are not consultations, and the phone number is in no consultation file and no log line.
    const month = await readFile(join(dataDir, 'consultations', '2026-03.jsonl'), 'utf8');
    const records = month.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.intent)).toEqual(['question', 'thanks', 'thanks', 'thanks']);
    expect(records[0].mediationOffered).toBe(true);
    for (const name of await readdir(join(dataDir, 'consultations'))) {
      expect(await readFile(join(dataDir, 'consultations', name), 'utf8')).not.toContain(PHONE);
    }
    expect(app.logLines().join('\n')).not.toContain(PHONE);
    expect(app.logLines().join('\n')).not.toContain('138 1234');
  });
});
