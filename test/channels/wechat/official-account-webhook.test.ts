import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeWechatApi, type FakeWechatApi } from '../../support/fake-wechat-api.js';
import { readJson } from '../../support/read-json.js';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { plainSignature, pushedXml, RESIDENT, textMessage, wechatSender, type WechatMode } from '../../support/wechat-sender.js';
import { ACCOUNT_KEYS, movableClock, officialAccountEnv } from './wechat-fixtures.js';

const tempDir = useTempDirs();
let api: FakeWechatApi;
let app: RunningApp;
const clock = movableClock();

beforeEach(async () => {
  api = await startFakeWechatApi();
  app = await startApp(await tempDir(), { env: officialAccountEnv(api.url), clock });
});
afterEach(async () => {
  await app.close();
  await api.close();
});

const sender = (mode: WechatMode, target: RunningApp = app) =>
  wechatSender({ appUrl: target.url, path: '/wechat', mode, token: ACCOUNT_KEYS.token, receiveId: ACCOUNT_KEYS.appId, encodingAesKey: ACCOUNT_KEYS.encodingAesKey, now: clock.seconds });

async function apiReply(text: string): Promise<string> {
  return (await readJson(await app.post('/api/messages', { userId: 'someone-else', text }))).reply;
}

function verifyQuery(overrides: Record<string, string> = {}): string {
  const timestamp = String(clock.seconds());
  const nonce = '1234567';
  const params = { signature: plainSignature(ACCOUNT_KEYS.token, timestamp, nonce), timestamp, nonce, echostr: '4829374109248', ...overrides };
  return new URLSearchParams(params).toString();
}

describe('GET /wechat (server URL check)', () => {
  it('echoes echostr for a correctly signed request', async () => {
    const res = await fetch(`${app.url}/wechat?${verifyQuery()}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('4829374109248');
  });

  it('refuses a forged signature, a stale timestamp and missing parameters with 401', async () => {
    const forged = await fetch(`${app.url}/wechat?${verifyQuery({ signature: 'a'.repeat(40) })}`);
    const staleAt = String(clock.seconds() - 301);
    const stale = await fetch(`${app.url}/wechat?${verifyQuery({ timestamp: staleAt, signature: plainSignature(ACCOUNT_KEYS.token, staleAt, '1234567') })}`);
    const missing = await fetch(`${app.url}/wechat?echostr=1`);
    expect([forged.status, stale.status, missing.status]).toEqual([401, 401, 401]);
    expect((await readJson(stale)).error.code).toBe('wechat_signature_stale');
    expect(await forged.text()).not.toContain('4829374109248');
  });

  it('accepts a timestamp just inside five minutes either way', async () => {
    for (const offset of [-300, 300]) {
      const timestamp = String(clock.seconds() + offset);
      const res = await fetch(`${app.url}/wechat?${verifyQuery({ timestamp, signature: plainSignature(ACCOUNT_KEYS.token, timestamp, '1234567') })}`);
      expect(res.status).toBe(200);
    }
  });
});

describe('POST /wechat', () => {
  it.each(['plain', 'safe', 'compatible'] as const)('answers a text through the pipeline in %s mode', async (mode) => {
    const question = '借钱不还怎么办';
    const reply = await sender(mode).send(textMessage(question));
    expect(reply).toBe(await apiReply(question));
    const records = await app.log.readMonth('2026-11');
    const record = records.find((r) => r.channel === 'wechat');
    expect(record).toMatchObject({ channel: 'wechat', text: question, intent: 'question' });
    expect(JSON.stringify(records)).not.toContain(RESIDENT);
  });

  it('keeps a 64-bit MsgId exactly as the consultation’s message id', async () => {
    await sender('plain').send(textMessage('借钱不还怎么办', { MsgId: '9223372036854775807' }));
    const [record] = await app.log.readMonth('2026-11');
    expect(record!.messageId).toBe('9223372036854775807');
  });

  it('refuses a forged or stale signature with 401 in both modes and records nothing', async () => {
    const message = textMessage('借钱不还怎么办');
    for (const mode of ['plain', 'safe'] as const) {
      expect((await sender(mode).post(message, { signature: '0'.repeat(40) })).status).toBe(401);
      expect((await sender(mode).post(message, { timestamp: clock.seconds() - 600 })).status).toBe(401);
      expect((await sender(mode).post(message, { timestamp: clock.seconds() + 600 })).status).toBe(401);
    }
    expect(app.log.stats().appended).toBe(0);
  });

  it('refuses a safe-mode message encrypted for another appid with 400', async () => {
    const res = await sender('safe').post(textMessage('借钱不还怎么办'), { receiveId: 'wx0000000000000000' });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toBe('wechat_receive_id_mismatch');
  });

  it.each([
    ['malformed XML', '<xml><ToUserName>gh</ToUserName>'],
    ['a DOCTYPE', '<!DOCTYPE xml [<!ENTITY x "y">]><xml><Content>&x;</Content></xml>'],
    ['an entity inside CDATA', pushedXml(textMessage('<!ENTITY x SYSTEM "file:///etc/passwd">'))],
    ['a text without Content', pushedXml({ MsgType: 'text', MsgId: '1' })],
    ['a body over 64 KB', pushedXml(textMessage('问'.repeat(22_000)))],
  ])('refuses %s with 400 and records nothing', async (_, body) => {
    const res = await sender('plain').post({}, { rawBody: body });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toMatch(/^wechat_xml_/);
    expect(app.log.stats().appended).toBe(0);
  });

  it('refuses a safe-mode body that is not an envelope with 400', async () => {
    const timestamp = String(clock.seconds());
    const query = new URLSearchParams({ timestamp, nonce: '1', msg_signature: 'x', encrypt_type: 'aes' });
    const res = await fetch(`${app.url}/wechat?${query}`, { method: 'POST', body: '<xml><ToUserName>gh</ToUserName></xml>' });
    expect(res.status).toBe(400);
  });

  it('logs each refusal once, without the message', async () => {
    await sender('plain').post(textMessage('宅基地被占了'), { signature: '0'.repeat(40) });
    const refusals = app.logLines().filter((l) => JSON.parse(l).msg === 'request refused');
    expect(refusals).toHaveLength(1);
    expect(app.logLines().join('\n')).not.toMatch(/宅基地|oResident/);
  });
});

describe('accounts configured without an EncodingAESKey', () => {
  it('answer plaintext messages and refuse encrypted ones with 400', async () => {
    const plainOnly = await startApp(await tempDir(), { env: officialAccountEnv(api.url, { safe: false }), clock });
    try {
      expect(await sender('plain', plainOnly).send(textMessage('你好'))).toMatch(/明白/);
      const res = await sender('safe', plainOnly).post(textMessage('你好'));
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.code).toBe('wechat_unexpected_encryption');
    } finally {
      await plainOnly.close();
    }
  });
});

describe('accounts that are not configured', () => {
  it('have no /wechat or /wecom route', async () => {
    const bare = await startApp(await tempDir(), { clock });
    try {
      expect((await fetch(`${bare.url}/wechat?${verifyQuery()}`)).status).toBe(404);
      expect((await fetch(`${bare.url}/wecom`, { method: 'POST', body: '<xml/>' })).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('are reported in the log when only some of their variables are set', async () => {
    const partial = await startApp(await tempDir(), { env: { WECHAT_TOKEN: 'only-the-token' }, clock });
    try {
      const warning = partial.logLines().map((l) => JSON.parse(l)).find((l) => /Official Account is not connected/.test(l.msg));
      expect(warning.missing).toEqual(['WECHAT_APP_ID', 'WECHAT_APP_SECRET']);
      expect((await fetch(`${partial.url}/wechat?${verifyQuery()}`)).status).toBe(404);
    } finally {
      await partial.close();
    }
  });
});
