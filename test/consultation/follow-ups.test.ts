import { afterEach, describe, expect, it } from 'vitest';
import { readJson } from '../support/read-json.js';
import { startApp, type RunningApp } from '../support/start-app.js';
import { statuteCorpusDir } from '../support/statute-corpus.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const LAWS_DIR = statuteCorpusDir() ?? '';
const apps: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function start(env: Record<string, string> = {}): Promise<RunningApp> {
  const app = await startApp(await tempDir(), { env });
  apps.push(app);
  return app;
}

async function ask(app: RunningApp, userId: string, text: string) {
  return readJson(await app.post('/api/messages', { userId, text }));
}

describe.skipIf(!LAWS_DIR)('article look-up (LAWS_DIR set)', () => {
  it.each(['民法典第一千零七十九条', '民法典1079条', '请问《民法典》第 1079 条说的什么'])('quotes the article for %s', async (text) => {
    const app = await start({ LAWS_DIR });
    const body = await ask(app, 'u1', text);
    expect(body.intent).toBe('article_lookup');
    expect(body.reply).toContain('《中华人民共和国民法典》（2020-05-28版）第1079条');
    expect(body.reply).toContain('准予离婚');
  });

  it('quotes 劳动合同法第82条', async () => {
    const app = await start({ LAWS_DIR });
    const body = await ask(app, 'u1', '劳动合同法第82条');
    expect(body.reply).toContain('《中华人民共和国劳动合同法》');
    expect(body.reply).toContain('二倍的工资');
  });

  it('says plainly when the article does not exist', async () => {
    const app = await start({ LAWS_DIR });
    const body = await ask(app, 'u1', '民法典第5000条');
    expect(body.reply).toContain('没有第5000条');
    expect(body.reply).toContain('共1260条');
  });

  it('shows the articles of the last answer on 法条, and its details on 详细', async () => {
    const app = await start({ LAWS_DIR });
    const first = await ask(app, 'u2', '宅基地能继承吗');
    expect(first.answerId).not.toBeNull();
    expect(first.reply).toMatch(/依据：《[^》]+》第\d+条/);
    // The review date goes with the articles, and the steps with 详细: the first answer stays short.
    expect(first.reply).not.toMatch(/内容核对于/);
    const articles = await ask(app, 'u2', '法条');
    expect(articles.intent).toBe('cited_articles');
    expect(articles.answerId).toBe(first.answerId);
    expect(articles.reply).toMatch(/《中华人民共和国[^》]+》（\d{4}-\d{2}-\d{2}版）第\d+条：/);
    expect(articles.reply).toMatch(/内容核对于\d{4}-\d{2}-\d{2}/);
    const details = await ask(app, 'u2', '详细');
    expect(details.intent).toBe('more_details');
    expect(details.reply).toMatch(/^怎么办：\n1\. /);
  });

  it('asks for a question first when there is nothing to follow up', async () => {
    const app = await start({ LAWS_DIR });
    expect((await ask(app, 'u3', '法条')).reply).toMatch(/还没有问过具体的问题/);
  });
});

describe('without LAWS_DIR', () => {
  it('still answers and cites by law name and article number', async () => {
    const app = await start({ LAWS_DIR: '' });
    const body = await ask(app, 'u4', '宅基地能继承吗');
    expect(body.answerId).not.toBeNull();
    expect(body.reply).toMatch(/依据：《[^》]+》第\d+条/);
    const articles = await ask(app, 'u4', '法条');
    expect(articles.reply).toMatch(/依据是《[^》]+》第\d+条/);
    expect(articles.reply).toContain('查不到条文原文');
  });
});
