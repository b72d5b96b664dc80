import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOPICS } from '../../../src/consultation/topic-menus.js';
import { MENU_KEYS } from '../../../src/channels/wechat/menu-keys.js';
import { DEFAULT_MORE_PROMPT } from '../../../src/channels/wechat/truncate-reply.js';
import { readJson } from '../../support/read-json.js';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { statuteCorpusDir } from '../../support/statute-corpus.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { eventMessage, textMessage, wechatSender, type WechatSender } from '../../support/wechat-sender.js';
import { ACCOUNT_KEYS, movableClock, officialAccountEnv } from './wechat-fixtures.js';

const tempDir = useTempDirs();
const LAWS_DIR = statuteCorpusDir();
const clock = movableClock();
let app: RunningApp;
let wechat: WechatSender;

beforeEach(async () => {
  // Statute texts make a reply long enough to need 更多.
  const env = { ...officialAccountEnv('http://127.0.0.1:9'), LAWS_DIR: LAWS_DIR ?? '' };
  app = await startApp(await tempDir(), { env, clock });
  wechat = wechatSender({ appUrl: app.url, path: '/wechat', mode: 'safe', token: ACCOUNT_KEYS.token, receiveId: ACCOUNT_KEYS.appId, encodingAesKey: ACCOUNT_KEYS.encodingAesKey, now: clock.seconds });
});
afterEach(() => app.close());

const records = () => app.log.readMonth('2026-11');
const logged = () => app.logLines().map((l) => JSON.parse(l) as Record<string, unknown>);
const media = { MediaId: 'media-1' };

describe('messages', () => {
  it('sends a recognised voice message to the pipeline, marked as voice', async () => {
    const reply = await wechat.send({ MsgType: 'voice', ...media, Format: 'amr', Recognition: '借钱不还怎么办', MsgId: '501' });
    const expected = (await readJson(await app.post('/api/messages', { userId: 'x', text: '借钱不还怎么办' }))).reply;
    expect(reply).toBe(expected);
    const [record] = await records();
    expect(record).toMatchObject({ channel: 'wechat', voice: true, text: '借钱不还怎么办', messageId: '501' });
  });

  it('asks to type or call when a voice message was not recognised, and logs it without content', async () => {
    const reply = await wechat.send({ MsgType: 'voice', ...media, Format: 'amr', Recognition: '', MsgId: '502' });
    expect(reply).toMatch(/没听清/);
    expect(reply).toMatch(/打字/);
    expect(reply).toMatch(/12348/);
    expect(await records()).toHaveLength(0);
    const line = logged().find((l) => l.msg === 'voice message without recognised text');
    expect(line).toEqual({ level: 30, time: expect.any(Number), channel: 'wechat', kind: 'voice', recognised: false, msg: 'voice message without recognised text' });
  });

  it.each([
    ['image', { MsgType: 'image', PicUrl: 'http://mmbiz/x.jpg', ...media }, /看不了图片/],
    ['video', { MsgType: 'video', ...media, ThumbMediaId: 't' }, /看不了图片、视频/],
    ['short video', { MsgType: 'shortvideo', ...media, ThumbMediaId: 't' }, /看不了图片、视频/],
    ['file (any other type)', { MsgType: 'file', Title: 'a.pdf' }, /文件/],
    ['location', { MsgType: 'location', Location_X: '30.1', Location_Y: '120.2', Scale: '15', Label: '某村' }, /收到您的位置/],
    ['link', { MsgType: 'link', Title: '领补贴', Description: '点击领取', Url: 'http://example.invalid' }, /96110/],
  ])('answers %s with short guidance and records no consultation', async (_, fields, expected) => {
    const reply = await wechat.send({ ...fields, MsgId: String(Math.floor(Math.random() * 1e9)) });
    expect(reply).toMatch(expected);
    expect(reply).toMatch(/打字/);
    expect(Buffer.byteLength(reply!)).toBeLessThan(400);
    expect(await records()).toHaveLength(0);
  });
});

describe('follows and the menu', () => {
  it('welcomes a new follower with the numbered topics, and a number then shows that topic', async () => {
    const welcome = await wechat.send(eventMessage('subscribe', { EventKey: '' }));
    expect(welcome).toMatch(/明白/);
    TOPICS.forEach((topic, i) => expect(welcome).toContain(`${i + 1}. ${topic.title}`));
    for (const title of ['宅基地与承包地', '赡养老人', '婚姻彩礼', '工资欠薪', '借钱欠债', '邻里纠纷', '继承遗产', '找人调解/法律援助']) {
      expect(welcome).toContain(title);
    }

    const topic = await wechat.send(textMessage('3'));
    expect(topic).toMatch(/^【婚姻彩礼】/);
    expect(topic).toContain('彩礼要退吗');
    const [record] = await records();
    expect(record).toMatchObject({ intent: 'menu', text: '3' });
  });

  it('welcomes a follow through a QR code the same way', async () => {
    expect(await wechat.send(eventMessage('subscribe', { EventKey: 'qrscene_village7', Ticket: 't' }))).toMatch(/1\. 宅基地与承包地/);
  });

  it('shows the whole list for a number outside the menu', async () => {
    const reply = await wechat.send(textMessage('9'));
    expect(reply).toContain('8. 找人调解/法律援助');
  });

  it.each([...MENU_KEYS])('answers the menu key %s with its topic', async (key, id) => {
    const topic = TOPICS.find((t) => t.id === id)!;
    const reply = await wechat.send(eventMessage('CLICK', { EventKey: key }));
    expect(reply!.split('\n')[0]).toContain(`【${topic.title}】`);
    for (const example of topic.examples) expect(reply).toContain(example);
  });

  it('shows the numbered list for a menu key it does not know', async () => {
    expect(await wechat.send(eventMessage('CLICK', { EventKey: 'TOPICS' }))).toContain('1. 宅基地与承包地');
  });

  it('logs an unsubscribe, answers success, and ignores other events', async () => {
    expect(await wechat.send(eventMessage('unsubscribe', { EventKey: '' }))).toBeNull();
    expect(logged().filter((l) => l.msg === 'resident unsubscribed')).toEqual([
      expect.objectContaining({ channel: 'wechat', event: 'unsubscribe' }),
    ]);
    expect(await wechat.send(eventMessage('VIEW', { EventKey: 'https://example.invalid/' }))).toBeNull();
    expect(await wechat.send(eventMessage('LOCATION', { Latitude: '30.1', Longitude: '120.2', Precision: '50' }))).toBeNull();
    expect(await records()).toHaveLength(0);
  });
});

describe.skipIf(!LAWS_DIR)('long replies', () => {
  const articles = [1079, 1087, 1084, 1067, 1074, 1076, 1078, 1085, 1088, 1091, 1092, 1062, 1063].map((n) => `民法典第${n}条`).join('、');

  it('cuts a reply over 2000 bytes at a sentence and sends the rest, part by part, on 更多', async () => {
    const whole = (await readJson(await app.post('/api/messages', { userId: 'x', text: articles }))).reply as string;
    expect(Buffer.byteLength(whole)).toBeGreaterThan(4000);

    const parts: string[] = [];
    let reply = await wechat.send(textMessage(articles));
    while (reply!.endsWith(DEFAULT_MORE_PROMPT)) {
      const head = reply!.slice(0, -DEFAULT_MORE_PROMPT.length).trimEnd();
      // Cut at a sentence end or a line break.
      const after = whole.slice(whole.indexOf(head) + head.length);
      expect(/[。！？]$/.test(head) || after.startsWith('\n')).toBe(true);
      parts.push(head);
      reply = await wechat.send(textMessage('更多'));
    }
    parts.push(reply!);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.join('').replace(/\s/g, '')).toBe(whole.replace(/\s/g, ''));

    expect(await wechat.send(textMessage('更多'))).toMatch(/没有更多内容/);
    // Paging is not a consultation: only the question was recorded.
    expect((await records()).filter((r) => r.channel === 'wechat')).toHaveLength(1);
  });

  it('forgets the rest once a new reply has been given', async () => {
    await wechat.send(textMessage(articles));
    await wechat.send(textMessage('你好'));
    expect(await wechat.send(textMessage('更多'))).toMatch(/没有更多内容/);
  });
});
