import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WECHAT_STATE_FILE } from '../../../src/channels/wechat/create-wechat-routes.js';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { statuteCorpusDir } from '../../support/statute-corpus.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { eventMessage, textMessage, wechatSender } from '../../support/wechat-sender.js';
import { ACCOUNT_KEYS, movableClock, officialAccountEnv } from './wechat-fixtures.js';

const tempDir = useTempDirs();
const LAWS_DIR = statuteCorpusDir();
const env = { ...officialAccountEnv('http://127.0.0.1:9'), LAWS_DIR: LAWS_DIR ?? '' };
// Statute texts make this reply long enough to need 更多; without them the tests that page through it skip.
const LONG_QUESTION = [1079, 1087, 1084, 1067, 1074, 1076, 1078, 1085, 1088].map((n) => `民法典第${n}条`).join('');
let clock: ReturnType<typeof movableClock>;
let dataDir: string;
let app: RunningApp;

beforeEach(async () => {
  clock = movableClock();
  dataDir = await tempDir();
  app = await startApp(dataDir, { env, clock });
});
afterEach(() => app.close());

const wechat = (target = app) =>
  wechatSender({ appUrl: target.url, path: '/wechat', mode: 'safe', token: ACCOUNT_KEYS.token, receiveId: ACCOUNT_KEYS.appId, encodingAesKey: ACCOUNT_KEYS.encodingAesKey, now: clock.seconds });
const wechatRecords = async (target = app) => (await target.log.readMonth('2026-11')).filter((r) => r.channel === 'wechat');
const logged = (msg: string) => app.logLines().filter((l) => JSON.parse(l).msg === msg);

async function restart(): Promise<RunningApp> {
  await app.close();
  app = await startApp(dataDir, { env, clock });
  return app;
}

describe('WeChat delivering a message three times', () => {
  it('records a question once and answers every delivery the same, side by side or one after another', async () => {
    const message = textMessage('借钱不还怎么办');
    const together = await Promise.all([wechat().send(message), wechat().send(message), wechat().send(message)]);
    clock.advance(5000);
    const later = await wechat().send(message);
    expect(new Set([...together, later]).size).toBe(1);
    expect(together[0]).toMatch(/借条/);
    expect(await wechatRecords()).toHaveLength(1);
  });

  it('answers a repeated event the same and acts on it once', async () => {
    const follow = eventMessage('subscribe', { EventKey: '' });
    const welcomes = await Promise.all([1, 2, 3].map(() => wechat().send(follow)));
    expect(new Set(welcomes).size).toBe(1);

    const leave = eventMessage('unsubscribe', { EventKey: '' });
    for (let i = 0; i < 3; i++) expect(await wechat().send(leave)).toBeNull();
    expect(logged('resident unsubscribed')).toHaveLength(1);
  });

  it('answers a repeated unrecognised voice message the same and logs it once', async () => {
    const voice = { MsgType: 'voice', MediaId: 'm', Format: 'amr', MsgId: '880001' };
    const replies = await Promise.all([1, 2, 3].map(() => wechat().send(voice)));
    expect(new Set(replies).size).toBe(1);
    expect(logged('voice message without recognised text')).toHaveLength(1);
  });

  it('tells a retried menu tap from a different tap in the same second', async () => {
    const createTime = '1764295999';
    const land = await wechat().send(eventMessage('CLICK', { EventKey: 'TOPIC_LAND', CreateTime: createTime }));
    const debt = await wechat().send(eventMessage('CLICK', { EventKey: 'TOPIC_DEBT', CreateTime: createTime }));
    expect(land).toMatch(/宅基地/);
    expect(debt).toMatch(/借钱/);
  });

  it.skipIf(!LAWS_DIR)('gives the same part of a long reply to a retried 更多, not the next part', async () => {
    await wechat().send(textMessage(LONG_QUESTION));
    const more = textMessage('更多');
    const first = await wechat().send(more);
    const retried = await wechat().send(more);
    expect(retried).toBe(first);
    expect(await wechat().send(textMessage('更多'))).not.toBe(first);
  });
});

describe('a restart within the retry window', () => {
  it('answers a retried question the same without recording it again', async () => {
    const message = textMessage('借钱不还怎么办');
    const before = await wechat().send(message);
    await restart();
    expect(await wechat().send(message)).toBe(before);
    expect(await wechatRecords()).toHaveLength(1);
  });

  it.skipIf(!LAWS_DIR)('keeps the rest of a long reply, and the part a 更多 was given', async () => {
    await wechat().send(textMessage(LONG_QUESTION));
    const more = textMessage('更多');
    const part = await wechat().send(more);
    await restart();
    expect(await wechat().send(more)).toBe(part);
    const next = await wechat().send(textMessage('更多'));
    expect(next).not.toBe(part);
    expect(next).not.toMatch(/没有更多内容/);
  });

  it('stops start-up on a damaged state file, naming it', async () => {
    await app.close();
    await writeFile(join(dataDir, WECHAT_STATE_FILE), '{"answered": {"x": 1}');
    await expect(startApp(dataDir, { env, clock })).rejects.toThrow(/wechat-state\.json.*not valid JSON/);
    await writeFile(join(dataDir, WECHAT_STATE_FILE), '{"answered": {"zz": 1}, "more": {}, "kept": {}}');
    await expect(startApp(dataDir, { env, clock })).rejects.toThrow(/damaged data file .*wechat-state\.json/);
    app = await startApp(await tempDir(), { env, clock });
  });
});

describe.skipIf(!LAWS_DIR)('the state file', () => {
  it('holds no openid or question, and drops answers after ten minutes', async () => {
    await wechat().send(textMessage(LONG_QUESTION));
    await wechat().send(textMessage('更多'));
    const path = join(dataDir, WECHAT_STATE_FILE);
    const state = JSON.parse(await readFile(path, 'utf8'));
    // Only the 更多 reply used up state, so only its answer is kept; the long reply is rebuilt on a retry.
    expect(Object.keys(state.answered)).toHaveLength(1);
    expect(Object.keys(state.more)).toHaveLength(1);
    const raw = JSON.stringify(state);
    expect(raw).not.toContain('oResident');
    expect(raw).not.toContain('民法典第1079条民法典');

    clock.advance(11 * 60 * 1000);
    await wechat().send(textMessage('更多'));
    const pruned = JSON.parse(await readFile(path, 'utf8'));
    expect(Object.keys(pruned.answered)).toHaveLength(1);
    expect(Object.keys(state.answered)).not.toContain(Object.keys(pruned.answered)[0]);
  });
});
