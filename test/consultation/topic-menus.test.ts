import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOPICS, topicByNumber } from '../../src/consultation/topic-menus.js';
import { readJson } from '../support/read-json.js';
import { startApp, type RunningApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
let app: RunningApp;

beforeEach(async () => {
  app = await startApp(await tempDir());
});
afterEach(() => app.close());

const ask = async (text: string, messageId?: string) =>
  readJson(await app.post('/api/messages', { userId: 'resident-menu', text, ...(messageId ? { messageId } : {}) }));

describe('numbered topics on every channel', () => {
  it('lists the eight topics in the welcome', async () => {
    const { reply } = await ask('你好');
    expect(TOPICS).toHaveLength(8);
    TOPICS.forEach((topic, i) => expect(reply).toContain(`${i + 1}. ${topic.title}`));
  });

  it('answers a lone number with that topic’s example questions, and rebuilds it for a repeated message', async () => {
    const first = await ask('７', 'm-7');
    expect(first.intent).toBe('menu');
    expect(first.reply).toMatch(/^【继承遗产】/);
    for (const example of TOPICS[6]!.examples) expect(first.reply).toContain(example);
    expect((await ask('７', 'm-7')).reply).toBe(first.reply);
  });

  it('offers only example questions that find a curated answer', async () => {
    for (const topic of TOPICS) {
      for (const example of topic.examples) {
        const { answerId } = await ask(example);
        expect(answerId, `${topic.title}: ${example}`).not.toBeNull();
      }
    }
  });

  it('shows the list again for 0 or a number past the end', async () => {
    for (const text of ['0', '9', '12']) expect((await ask(text)).reply).toContain('1. 宅基地与承包地');
  });
});

describe('topicByNumber', () => {
  it('reads half- and full-width digits with stray punctuation, and nothing else', () => {
    expect(topicByNumber(' 1. ')?.id).toBe('land');
    expect(topicByNumber('８')?.id).toBe('help');
    expect(topicByNumber('1号')).toBeUndefined();
    expect(topicByNumber('0')).toBeUndefined();
    expect(topicByNumber('')).toBeUndefined();
  });
});
