import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEPT_REPLY_HEADING, NEW_REPLY_HEADING } from '../../../src/channels/wechat/wechat-texts.js';
import { startFakeWechatApi, type FakeWechatApi } from '../../support/fake-wechat-api.js';
import { readJson } from '../../support/read-json.js';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { heldConsultations, startWechatApp } from '../../support/start-wechat-app.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { waitFor } from '../../support/wait-for.js';
import { eventMessage, RESIDENT, textMessage, wechatSender } from '../../support/wechat-sender.js';
import { OFFICIAL } from '../wechat/official-vector.js';
import { ACCOUNT_KEYS, movableClock, officialAccountEnv, WECOM_KEYS, wecomEnv } from '../wechat/wechat-fixtures.js';

const tempDir = useTempDirs();
let api: FakeWechatApi;

beforeEach(async () => {
  api = await startFakeWechatApi();
});
afterEach(() => api.close());

describe('GET /wecom with the official test vector', () => {
  const officialKeys = { token: OFFICIAL.token, corpId: OFFICIAL.receiveId, encodingAesKey: OFFICIAL.encodingAesKey };
  // Staleness applies to the check too, so the clock stands at the vector's own time (2014-09-02).
  const clock = movableClock(new Date(Number(OFFICIAL.timestamp) * 1000));
  let app: RunningApp;

  beforeEach(async () => {
    app = await startApp(await tempDir(), { env: wecomEnv(api.url, officialKeys), clock });
  });
  afterEach(() => app.close());

  const check = (echostr: string, overrides: Record<string, string> = {}) =>
    fetch(`${app.url}/wecom?msg_signature=${overrides['msg_signature'] ?? OFFICIAL.msgSignature}&timestamp=${overrides['timestamp'] ?? OFFICIAL.timestamp}&nonce=${OFFICIAL.nonce}&echostr=${echostr}`);

  it('answers the decrypted echostr', async () => {
    const res = await check(encodeURIComponent(OFFICIAL.echostr));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(OFFICIAL.message);
  });

  it('restores a + that arrived unescaped, and so as a space', async () => {
    expect(OFFICIAL.echostr).toContain('+');
    const res = await check(OFFICIAL.echostr.replaceAll('/', '%2F').replaceAll('=', '%3D'));
    expect(await res.text()).toBe(OFFICIAL.message);
  });

  it('refuses a forged signature and a stale timestamp with 401', async () => {
    expect((await check(encodeURIComponent(OFFICIAL.echostr), { msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4' })).status).toBe(401);
    clock.advance(301_000);
    const stale = await check(encodeURIComponent(OFFICIAL.echostr));
    expect(stale.status).toBe(401);
    expect((await readJson(stale)).error.code).toBe('wechat_signature_stale');
    clock.advance(-301_000);
  });
});

describe('POST /wecom', () => {
  const clock = movableClock();
  let app: RunningApp;

  beforeEach(async () => {
    app = await startApp(await tempDir(), { env: { ...wecomEnv(api.url), ...officialAccountEnv(api.url) }, clock });
  });
  afterEach(() => app.close());

  const wecom = () =>
    wechatSender({ appUrl: app.url, path: '/wecom', mode: 'wecom', token: WECOM_KEYS.token, receiveId: WECOM_KEYS.corpId, encodingAesKey: WECOM_KEYS.encodingAesKey, now: clock.seconds });

  it('answers a member’s question with an encrypted passive reply and records it as wecom', async () => {
    const reply = await wecom().send(textMessage('借钱不还怎么办', { AgentID: WECOM_KEYS.agentId }));
    expect(reply).toMatch(/借条/);
    const [record] = await app.log.readMonth('2026-11');
    expect(record).toMatchObject({ channel: 'wecom', text: '借钱不还怎么办' });
  });

  it('answers a lower-case click with the topic and an app follow with the welcome', async () => {
    expect(await wecom().send(eventMessage('click', { EventKey: 'TOPIC_WAGES', AgentID: WECOM_KEYS.agentId }))).toMatch(/^【工资欠薪】/);
    expect(await wecom().send(eventMessage('subscribe', { AgentID: WECOM_KEYS.agentId }))).toMatch(/4\. 工资欠薪/);
    expect(await wecom().send(eventMessage('enter_agent', { EventKey: '', AgentID: WECOM_KEYS.agentId }))).toBeNull();
  });

  it('refuses a message signed with the Official Account’s token, or encrypted for another corp', async () => {
    const wrongToken = wechatSender({ appUrl: app.url, path: '/wecom', mode: 'wecom', token: ACCOUNT_KEYS.token, receiveId: WECOM_KEYS.corpId, encodingAesKey: WECOM_KEYS.encodingAesKey, now: clock.seconds });
    expect((await wrongToken.post(textMessage('你好'))).status).toBe(401);
    expect((await wecom().post(textMessage('你好'), { receiveId: ACCOUNT_KEYS.appId })).status).toBe(400);
    expect((await wecom().post(textMessage('你好'), { rawBody: '<xml><Encrypt>' })).status).toBe(400);
  });

  it('serves the Official Account beside it with its own keys', async () => {
    const official = wechatSender({ appUrl: app.url, path: '/wechat', mode: 'safe', token: ACCOUNT_KEYS.token, receiveId: ACCOUNT_KEYS.appId, encodingAesKey: ACCOUNT_KEYS.encodingAesKey, now: clock.seconds });
    expect(await official.send(textMessage('你好'))).toMatch(/明白/);
  });
});

describe('a late WeCom reply', () => {
  const clock = movableClock();

  it('goes through message/send as the app, with a token from gettoken', async () => {
    const pipeline = heldConsultations();
    const app = await startWechatApp(await tempDir(), { env: wecomEnv(api.url), clock, consultations: pipeline.service, replyDeadlineMs: 100 });
    try {
      const wecom = wechatSender({ appUrl: app.url, path: '/wecom', mode: 'wecom', token: WECOM_KEYS.token, receiveId: WECOM_KEYS.corpId, encodingAesKey: WECOM_KEYS.encodingAesKey, now: clock.seconds });
      expect(await wecom.send(textMessage('调解员在吗', { AgentID: WECOM_KEYS.agentId }))).toBeNull();
      pipeline.release();
      await waitFor(() => app.logLines().some((l) => JSON.parse(l).msg === 'late reply sent through the API'), 'the late reply');
      expect(api.calls).toEqual([
        expect.objectContaining({ method: 'GET', path: '/cgi-bin/gettoken', query: { corpid: WECOM_KEYS.corpId, corpsecret: WECOM_KEYS.secret } }),
        expect.objectContaining({
          method: 'POST',
          path: '/cgi-bin/message/send',
          query: { access_token: 'TOKEN-1' },
          body: { touser: RESIDENT, msgtype: 'text', agentid: 1000002, text: { content: '回复：调解员在吗' } },
        }),
      ]);
      expect(pipeline.calls[0]).toMatchObject({ channel: 'wecom', userId: RESIDENT });
    } finally {
      pipeline.release();
      await app.close();
    }
  });

  it('is kept for next time when WeCom cannot reach the member (invaliduser)', async () => {
    const pipeline = heldConsultations();
    const app = await startWechatApp(await tempDir(), { env: wecomEnv(api.url), clock, consultations: pipeline.service, replyDeadlineMs: 100 });
    try {
      const wecom = wechatSender({ appUrl: app.url, path: '/wecom', mode: 'wecom', token: WECOM_KEYS.token, receiveId: WECOM_KEYS.corpId, encodingAesKey: WECOM_KEYS.encodingAesKey, now: clock.seconds });
      api.failNextSendAsInvalidUser();
      expect(await wecom.send(textMessage('一'))).toBeNull();
      pipeline.release();
      await waitFor(() => app.logLines().some((l) => /kept for the resident/.test(JSON.parse(l).msg)), 'the kept reply');
      expect(await wecom.send(textMessage('二'))).toBe(`${KEPT_REPLY_HEADING}\n回复：一\n\n${NEW_REPLY_HEADING}\n回复：二`);
    } finally {
      pipeline.release();
      await app.close();
    }
  });
});

describe('mediators’ case commands from WeCom', () => {
  const clock = movableClock();

  it('answers a command without a consultation, runs it once for every retry, also after a restart', async () => {
    const dataDir = await tempDir();
    const pipeline = heldConsultations();
    pipeline.release();
    const ran: string[] = [];
    const wecomCommands = async (userId: string, text: string) => {
      if (!text.startsWith('接单')) return undefined;
      ran.push(`${userId} ${text}`);
      return `已接单（第${ran.length}次）`;
    };
    const start = () => startWechatApp(dataDir, { env: wecomEnv(api.url), clock, consultations: pipeline.service, replyDeadlineMs: 1000, wecomCommands });
    let app = await start();
    try {
      const mediator = () =>
        wechatSender({ appUrl: app.url, path: '/wecom', mode: 'wecom', token: WECOM_KEYS.token, receiveId: WECOM_KEYS.corpId, encodingAesKey: WECOM_KEYS.encodingAesKey, now: clock.seconds, from: 'LinShuFen' });
      const command = textMessage('接单 TJ-2026-0001', { AgentID: WECOM_KEYS.agentId });
      expect(await Promise.all([mediator().send(command), mediator().send(command)])).toEqual(['已接单（第1次）', '已接单（第1次）']);
      await app.close();
      app = await start();
      expect(await mediator().send(command)).toBe('已接单（第1次）');
      expect(ran).toEqual(['LinShuFen 接单 TJ-2026-0001']);
      expect(pipeline.calls).toHaveLength(0);

      expect(await mediator().send(textMessage('邻居吵架怎么办'))).toBe('回复：邻居吵架怎么办');
      expect(pipeline.calls).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('reach the case service through the assembled app', async () => {
    const app = await startApp(await tempDir(), { env: wecomEnv(api.url), clock });
    try {
      const mediator = wechatSender({ appUrl: app.url, path: '/wecom', mode: 'wecom', token: WECOM_KEYS.token, receiveId: WECOM_KEYS.corpId, encodingAesKey: WECOM_KEYS.encodingAesKey, now: clock.seconds, from: 'LinShuFen' });
      expect(await mediator.send(textMessage('接单 TJ-2026-0999', { AgentID: WECOM_KEYS.agentId }))).toContain('TJ-2026-0999');
      expect(await app.log.readMonth('2026-11')).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
