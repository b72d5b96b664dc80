import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../support/read-json.js';
import { HOUR, MINUTE } from './support/fake-clock.js';
import { say, useMediationApp } from './support/mediation-app.js';

const t = useMediationApp('2026-06-01T01:00:00.000Z');

const dialogueFile = () => readFile(join(t.dataDir, 'mediation', 'dialogues.json'), 'utf8');
const consultationCount = async () => (await t.app.log.readMonth('2026-06')).length;

describe('starting the intake', () => {
  it('keeps a lone number as a topic menu when no offer is pending', async () => {
    const menu = await say(t.app, 'u1', '1');
    expect(menu.intent).toBe('menu');
    expect(menu.reply).not.toContain('调解员');
  });

  it('starts at once when the resident asks for a mediator in so many words', async () => {
    for (const words of ['找调解员', '调解', '我要调解！']) {
      const started = await say(t.app, `direct-${words}`, words);
      expect(started.intent, words).toBe('mediation_intake');
      expect(started.reply).toContain('您住在哪个村或社区');
    }
    expect(await consultationCount()).toBe(0);
  });

  it('offers a mediator to someone asking for a person (人工), and 要 takes the offer', async () => {
    const human = await say(t.app, 'u2', '人工');
    expect(human.intent).toBe('human');
    expect(human.reply.split('\n').at(-1)).toBe('回复 1 请调解员帮忙');
    expect((await say(t.app, 'u2', '要')).intent).toBe('mediation_intake');
  });

  it('keeps an offer across a restart, for a day', async () => {
    await say(t.app, 'u5', '邻居家的树挡了我家的光怎么办');
    await say(t.app, 'u6', '邻居家的树挡了我家的光怎么办');
    await t.restart();
    expect((await say(t.app, 'u5', '1')).intent).toBe('mediation_intake');
    t.clock.advance(24 * HOUR);
    expect((await say(t.app, 'u6', '1')).intent).toBe('menu');
  });

  it('lets the offer lapse when the resident says something else first', async () => {
    await say(t.app, 'u3', '邻居家的树挡了我家的光怎么办');
    await say(t.app, 'u3', '你好');
    expect((await say(t.app, 'u3', '1')).intent).toBe('menu');
  });

  it('skips the village question when the channel already knows the village', async () => {
    const res = await t.app.post('/api/messages', { userId: 'u4', text: '找调解员', village: '上坪村' });
    expect((await readJson(res)).reply).toContain('和您有纠纷的是谁');
  });
});

describe('during the intake', () => {
  const start = async (user: string) => {
    await say(t.app, user, '邻居把围墙砌到我家地里，吵了好几次，怎么办');
    await say(t.app, user, '1');
  };

  it('gives a retried message the same reply and does not move the dialogue twice', async () => {
    await start('r1');
    const [a, b] = await Promise.all([say(t.app, 'r1', '2', 'm-1'), say(t.app, 'r1', '2', 'm-1')]);
    const c = await say(t.app, 'r1', '2', 'm-1');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.reply).toContain('和您有纠纷的是谁');
    // The next message answers the relation question, not the village one again.
    expect((await say(t.app, 'r1', '邻居', 'm-2')).reply).toContain('发生了什么事');
  });

  it('asks again for a village it does not know, and for a phone number that cannot ring', async () => {
    await start('r2');
    expect((await say(t.app, 'r2', '北京')).reply).toContain('没找到这个村或社区');
    await say(t.app, 'r2', '跳过');
    await say(t.app, 'r2', '邻居');
    await say(t.app, 'r2', '跳过');
    await say(t.app, 'r2', '跳过');
    expect((await say(t.app, 'r2', '12345')).reply).toContain('这个号码好像不对');
    const summary = await say(t.app, 'r2', '不留');
    expect(summary.reply).toContain('村（社区）：没说');
    expect(summary.reply).toContain('电话：没留');
  });

  it('ends at any step on 取消, leaving nothing behind', async () => {
    await start('r3');
    await say(t.app, 'r3', '清溪村');
    const cancelled = await say(t.app, 'r3', '取消');
    expect(cancelled.reply).toContain('已取消');
    expect(await dialogueFile()).not.toContain('清溪村');
    expect((await say(t.app, 'r3', '1')).intent).toBe('menu');
  });

  it('continues after a restart, and expires after 24 hours of silence', async () => {
    await start('r4');
    await t.restart();
    t.clock.advance(23 * HOUR);
    expect((await say(t.app, 'r4', '清溪村')).reply).toContain('和您有纠纷的是谁');
    t.clock.advance(24 * HOUR + MINUTE);
    expect((await say(t.app, 'r4', '1')).intent).toBe('menu');
    await t.app.tick(t.clock.now());
    expect(JSON.parse(await dialogueFile()).dialogues).toEqual([]);
  });

  it('answers someone in danger with the emergency guidance and keeps the intake where it was', async () => {
    await start('r5');
    const danger = await say(t.app, 'r5', '他拿刀说要砍死我');
    expect(danger.urgent).toBe(true);
    expect(danger.reply.split('\n')[0]).toMatch(/110/);
    expect((await say(t.app, 'r5', '清溪村')).reply).toContain('和您有纠纷的是谁');
  });

  it('erases the open dialogue on 删除我的信息', async () => {
    await start('r6');
    await say(t.app, 'r6', '清溪村');
    await say(t.app, 'r6', '邻居');
    await say(t.app, 'r6', '他还把我家鸡打死了三只');
    const deleted = await say(t.app, 'r6', '删除我的信息');
    expect(deleted.intent).toBe('delete_data');
    expect(deleted.reply).toContain('已删除');
    const file = await dialogueFile();
    expect(file).not.toContain('打死了三只');
    expect(file).not.toContain('围墙');
    expect((await say(t.app, 'r6', '1')).intent).toBe('menu');
  });

  it('records no consultation for intake steps and keeps the phone number out of consultations and logs', async () => {
    await start('r7');
    for (const answer of ['清溪村', '邻居', '跳过', '跳过', '139-1234-5678', '1']) await say(t.app, 'r7', answer);
    expect(await consultationCount()).toBe(1);
    const month = await readFile(join(t.dataDir, 'consultations', '2026-06.jsonl'), 'utf8');
    expect(month).not.toContain('13912345678');
    expect(month).not.toContain('139-1234-5678');
    const logs = t.app.logLines().join('\n');
    expect(logs).not.toContain('13912345678');
    expect(logs).not.toContain('1234-5678');
    // …and the dialogue file forgets the answers once the case holds them.
    await t.app.tick(t.clock.now());
    t.clock.advance(20 * MINUTE);
    await t.app.tick(t.clock.now());
    expect(await dialogueFile()).not.toContain('13912345678');
  });
});
