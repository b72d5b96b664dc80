import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.js';
import type { RunningApp } from '../support/start-app.js';
import { createFakeClock } from './support/fake-clock.js';
import { startReceiver, type FakeReceiver } from './support/fake-receiver.js';
import { fileCase, startMediationApp } from './support/mediation-app.js';
import { writeTestRoster } from './support/test-roster.js';

const tempDir = useTempDirs();
const open: { app?: RunningApp; servers: FakeReceiver[] } = { servers: [] };
afterEach(async () => {
  await open.app?.tick(new Date('2026-11-20T02:00:00.000Z'));
  await open.app?.close();
  await Promise.all(open.servers.map((s) => s.close()));
});

describe('WeCom app messages to mediators', () => {
  it('go through the WeCom client to the mediator’s user id when the WeCom app is configured', async () => {
    const robot = await startReceiver();
    const wecomApi = await startReceiver();
    open.servers.push(robot, wecomApi);
    wecomApi.answerWith((req) =>
      req.path.startsWith('/cgi-bin/gettoken')
        ? { status: 200, body: { errcode: 0, access_token: 'token-1', expires_in: 7200 } }
        : { status: 200, body: { errcode: 0, errmsg: 'ok' } },
    );
    const clock = createFakeClock('2026-11-20T02:00:00.000Z');
    open.app = await startMediationApp(await tempDir(), await writeTestRoster(await tempDir(), robot.url), clock, {
      WECOM_CORP_ID: 'corp-id',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'app-secret',
      WECOM_API_BASE: wecomApi.url,
    });
    const id = await fileCase(open.app, 'resident-z', { village: '上坪村', relation: '邻居', facts: '邻居把垃圾倒在我家田里' });
    const [, sent] = await wecomApi.waitFor(2);
    expect(sent!.path).toBe('/cgi-bin/message/send?access_token=token-1');
    expect(sent!.json).toMatchObject({ touser: 'LinShuFen', msgtype: 'text', agentid: 1000002 });
    expect(sent!.json.text.content).toContain(`新调解案件 ${id}`);
    // The robot is a second route for the same mediator, not a replacement.
    expect((await robot.waitFor(1))[0]!.path).toContain('key=lin');
  });
});
