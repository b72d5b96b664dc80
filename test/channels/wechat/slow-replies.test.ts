import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MORE_PROMPT } from '../../../src/channels/wechat/truncate-reply.js';
import { APOLOGY_TEXT, KEPT_REPLY_HEADING, NEW_REPLY_HEADING } from '../../../src/channels/wechat/wechat-texts.js';
import { startFakeWechatApi, type FakeWechatApi } from '../../support/fake-wechat-api.js';
import { heldConsultations, startWechatApp, type HeldConsultations, type RunningWechatApp } from '../../support/start-wechat-app.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { waitFor } from '../../support/wait-for.js';
import { RESIDENT, textMessage, wechatSender } from '../../support/wechat-sender.js';
import { ACCOUNT_KEYS, movableClock, officialAccountEnv } from './wechat-fixtures.js';

const DEADLINE_MS = 150;
const LONG_REPLY = '这是一段很长的法律说明，每一句都要让老人看得懂。'.repeat(40);
const tempDir = useTempDirs();
let api: FakeWechatApi;
let pipeline: HeldConsultations;
let app: RunningWechatApp;
let dataDir: string;
const clock = movableClock();

const start = () =>
  startWechatApp(dataDir, { env: officialAccountEnv(api.url), clock, consultations: pipeline.service, replyDeadlineMs: DEADLINE_MS });

beforeEach(async () => {
  api = await startFakeWechatApi();
  pipeline = heldConsultations({ 长: LONG_REPLY });
  dataDir = await tempDir();
  app = await start();
});
afterEach(async () => {
  pipeline.release();
  await app.close();
  await api.close();
});

const wechat = () =>
  wechatSender({ appUrl: app.url, path: '/wechat', mode: 'safe', token: ACCOUNT_KEYS.token, receiveId: ACCOUNT_KEYS.appId, encodingAesKey: ACCOUNT_KEYS.encodingAesKey, now: clock.seconds });
const logged = (msg: string) => app.logLines().map((l) => JSON.parse(l)).filter((l) => l.msg === msg);
const lateOutcomes = () => logged('late reply sent through the API').length + logged('late reply not delivered; kept for the resident’s next message').length;
/** Waits until `count` late replies were sent or kept, and their state saved. */
const lateRepliesDone = (count: number) => waitFor(() => lateOutcomes() >= count, `${count} late replies`);

/** Sends a message the pipeline will not finish in time, and waits for the late reply's fate. */
async function lateReply(text: string): Promise<void> {
  pipeline.hold();
  const before = lateOutcomes();
  expect(await wechat().send(textMessage(text))).toBeNull();
  pipeline.release();
  await lateRepliesDone(before + 1);
}

describe('a pipeline slower than the reply deadline', () => {
  it('answers success at the deadline, then sends the reply through the customer-service API', async () => {
    pipeline.hold();
    const started = performance.now();
    const reply = await wechat().send(textMessage('我家宅基地被占了'));
    const elapsed = performance.now() - started;
    expect(reply).toBeNull();
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1000);
    expect(api.calls).toHaveLength(0);

    pipeline.release();
    await lateRepliesDone(1);
    const [token, send] = api.calls;
    expect(token).toMatchObject({
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: { grant_type: 'client_credential', appid: ACCOUNT_KEYS.appId, secret: ACCOUNT_KEYS.appSecret },
    });
    expect(send).toMatchObject({
      method: 'POST',
      path: '/cgi-bin/message/custom/send',
      query: { access_token: 'TOKEN-1' },
      body: { touser: RESIDENT, msgtype: 'text', text: { content: '回复：我家宅基地被占了' } },
    });
  });

  it('answers a fast pipeline in the webhook response and calls no API', async () => {
    pipeline.release();
    expect(await wechat().send(textMessage('借钱不还'))).toBe('回复：借钱不还');
    expect(api.calls).toHaveLength(0);
  });

  it('answers retries during and after the late delivery with success and sends once, also after a restart', async () => {
    pipeline.hold();
    const message = textMessage('老板不给工钱');
    expect(await wechat().send(message)).toBeNull();
    expect(await wechat().send(message)).toBeNull();
    pipeline.release();
    await lateRepliesDone(1);
    expect(await wechat().send(message)).toBeNull();

    await app.close();
    app = await start();
    expect(await wechat().send(message)).toBeNull();
    expect(api.sendCalls()).toHaveLength(1);
    expect(pipeline.calls).toHaveLength(1);
  });

  it('lets a retry that arrives while the first delivery still waits share its passive reply', async () => {
    pipeline.hold();
    const message = textMessage('离婚孩子归谁');
    const first = wechat().send(message);
    const second = wechat().send(message);
    pipeline.release();
    expect(await Promise.all([first, second])).toEqual(['回复：离婚孩子归谁', '回复：离婚孩子归谁']);
    expect(pipeline.calls).toHaveLength(1);
    expect(api.calls).toHaveLength(0);
  });

  it('fetches the token once, keeps it until five minutes before it expires, then renews it', async () => {
    await lateReply('一');
    await lateReply('二');
    expect(api.tokenCalls()).toHaveLength(1);
    clock.advance((7200 - 300 - 1) * 1000);
    await lateReply('三');
    expect(api.tokenCalls()).toHaveLength(1);
    clock.advance(1000);
    await lateReply('四');
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.delivered().map((d) => d.content)).toEqual(['回复：一', '回复：二', '回复：三', '回复：四']);
  });

  it('fetches one token for late replies that need it at the same time', async () => {
    pipeline.hold();
    expect(await Promise.all([wechat().send(textMessage('甲')), wechat().send(textMessage('乙'))])).toEqual([null, null]);
    pipeline.release();
    await lateRepliesDone(2);
    expect(api.tokenCalls()).toHaveLength(1);
    expect(api.delivered().map((d) => d.content).sort()).toEqual(['回复：乙', '回复：甲'].sort());
  });

  it('fetches a new token and sends again once when WeChat says the token is invalid (40001)', async () => {
    await lateReply('一');
    api.invalidateTokens();
    await lateReply('二');
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.sendCalls().map((c) => [c.query['access_token'], c.reply.errcode])).toEqual([
      ['TOKEN-1', 0],
      ['TOKEN-1', 40001],
      ['TOKEN-2', 0],
    ]);
    expect(api.delivered().map((d) => d.content)).toEqual(['回复：一', '回复：二']);
  });

  it.each([45015, 45047])('keeps a reply WeChat refuses with %i and puts it first in the next reply, also after a restart', async (errcode) => {
    api.failNextSends(errcode);
    await lateReply('宅基地的事');
    expect(logged('late reply not delivered; kept for the resident’s next message')).toEqual([expect.objectContaining({ errcode })]);
    expect(api.delivered()).toHaveLength(0);

    await app.close();
    app = await start();
    pipeline.release();
    const next = await wechat().send(textMessage('谢谢'));
    expect(next).toBe(`${KEPT_REPLY_HEADING}\n回复：宅基地的事\n\n${NEW_REPLY_HEADING}\n回复：谢谢`);
    expect(await wechat().send(textMessage('再问一个'))).toBe('回复：再问一个');
  });

  it('keeps the reply when the token cannot be had', async () => {
    api.failNextTokens(40125);
    await lateReply('彩礼要退吗');
    pipeline.release();
    expect(await wechat().send(textMessage('在吗'))).toContain('回复：彩礼要退吗');
  });

  it('sends the first part of a long late reply and keeps the rest for 更多', async () => {
    await lateReply('长');
    const [sent] = api.delivered();
    expect(Buffer.byteLength(sent!.content)).toBeLessThanOrEqual(2000);
    expect(sent!.content.endsWith(DEFAULT_MORE_PROMPT)).toBe(true);
    const rest = await wechat().send(textMessage('更多'));
    const head = sent!.content.slice(0, -DEFAULT_MORE_PROMPT.length).trimEnd();
    expect(head + rest).toBe(LONG_REPLY);
  });

  it('logs a failure after the deadline once and sends nothing', async () => {
    pipeline.hold();
    expect(await wechat().send(textMessage('出错'))).toBeNull();
    pipeline.release();
    await waitFor(() => logged('message failed after the reply deadline').length === 1, 'the failure to be logged');
    expect(api.calls).toHaveLength(0);
  });
});

describe('an internal failure', () => {
  it('still answers 200 with a short apology, logs it once, and lets a retry try again', async () => {
    pipeline.release();
    const message = textMessage('出错');
    const res = await wechat().post(message);
    expect(res.status).toBe(200);
    expect(await wechat().replyOf(res)).toBe(APOLOGY_TEXT);
    const failures = logged('message failed; answered with an apology');
    expect(failures).toHaveLength(1);
    expect(failures[0].err.message).toBe('the consultation log could not be written');
    expect(JSON.stringify(failures)).not.toContain('出错');

    expect(await wechat().send(message)).toBe(APOLOGY_TEXT);
    expect(pipeline.calls).toHaveLength(2);
  });

  it('logs a failure once when retries were waiting on it together', async () => {
    await app.close();
    app = await startWechatApp(dataDir, { env: officialAccountEnv(api.url), clock, consultations: pipeline.service, replyDeadlineMs: 5000 });
    pipeline.hold();
    const message = textMessage('出错');
    const replies = Promise.all([wechat().send(message), wechat().send(message), wechat().send(message)]);
    await waitFor(() => pipeline.calls.length === 1, 'the first delivery to start');
    // Loopback delivers the other two well within this; they join the first delivery's work.
    await new Promise((resolve) => setTimeout(resolve, 300));
    pipeline.release();
    expect(await replies).toEqual([APOLOGY_TEXT, APOLOGY_TEXT, APOLOGY_TEXT]);
    expect(pipeline.calls).toHaveLength(1);
    expect(logged('message failed; answered with an apology')).toHaveLength(1);
  });
});
