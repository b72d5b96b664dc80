import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/launch-chromium.js';
import { startApp, type RunningApp } from '../../support/start-app.js';

let dataDir: string;
let browser: Browser;
let app: RunningApp;
let context: BrowserContext;
let page: Page;
let asked: string[];

/** What the page script leaves on the page's global object, for the functions run inside it. */
interface PageGlobals {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  toPhoneParts(text: string): Array<string | { tel: string; text: string }>;
}

// One app for all: every browser context is a new device, so it gets its own user id.
beforeAll(async () => {
  browser = await launchChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'mingbai-chat-page-'));
  app = await startApp(dataDir);
  await mkdir('test-artifacts', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  page = await context.newPage();
  asked = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/messages')) asked.push(JSON.parse(request.postData() ?? '{}').text);
  });
  await page.goto(`${app.url}/chat`);
});
afterEach(async () => {
  await context?.close();
});

const replies = () => page.locator('.row.bot');

/** Types a question as a resident would and waits for the reply that answers it. */
async function askAndWait(text: string): Promise<Locator> {
  const before = await replies().count();
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  const reply = replies().nth(before);
  await expect.poll(() => reply.textContent(), { timeout: 10_000 }).not.toMatch(/^(正在查找……)?$/);
  return reply;
}

/** Where a box sits against the visible part of the conversation. */
async function placeInLog(target: Locator) {
  const box = await target.boundingBox();
  const log = await page.locator('#log').boundingBox();
  if (!box || !log) throw new Error('not laid out');
  return { top: box.y - log.y, bottom: log.y + log.height - (box.y + box.height), fits: box.height <= log.height };
}

async function expectWholeReplyInView(reply: Locator) {
  const place = await placeInLog(reply);
  expect(place.top).toBeGreaterThanOrEqual(0);
  if (place.fits) expect(place.bottom).toBeGreaterThanOrEqual(0);
}

async function keptOnDevice(): Promise<unknown[]> {
  return page.evaluate(() => {
    const { localStorage } = globalThis as unknown as PageGlobals;
    const user = localStorage.getItem('mingbai-user');
    return JSON.parse(localStorage.getItem(`mingbai-chat-${user}`) ?? '[]');
  });
}

describe('try-it chat page', () => {
  it('makes the emergency numbers of an urgent reply tap-to-call, in view from its first line', async () => {
    const reply = await askAndWait('他拿着刀在俺家门口说要砍死俺 快救命');
    await page.screenshot({ path: 'test-artifacts/chat-urgent.png' });

    expect((await reply.textContent())!.split('\n')[0]).toMatch(/110/);
    await expectWholeReplyInView(reply);
    for (const number of ['110', '120', '12338']) {
      const link = reply.locator(`a[href="tel:${number}"]`).first();
      expect(await link.textContent()).toBe(number);
      const place = await placeInLog(link);
      expect(place.top, `${number} is on screen`).toBeGreaterThanOrEqual(0);
      expect(place.bottom, `${number} is on screen`).toBeGreaterThanOrEqual(0);
    }
    expect(await reply.locator('a').evaluateAll((links) => links.every((a) => a.getAttribute('href')!.startsWith('tel:')))).toBe(true);
  });

  it('shows an ordinary answer from its first line, and a short reply after it whole', async () => {
    await expect.poll(() => page.locator('.row.bot').count()).toBe(1);
    const answer = await askAndWait('老板拖欠工资三个月不给怎么办');
    expect(await answer.textContent()).toMatch(/工资|劳动/);
    expect(await page.locator('.row.me .bubble').first().textContent()).toBe('老板拖欠工资三个月不给怎么办');
    await expectWholeReplyInView(answer);
    await page.screenshot({ path: 'test-artifacts/chat-answer.png' });

    const thanks = await askAndWait('谢谢');
    const place = await placeInLog(thanks);
    expect(place.fits).toBe(true);
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.bottom).toBeGreaterThanOrEqual(0);
  });

  it('links township, mobile and hotline numbers but not amounts, articles, dates or case numbers', async () => {
    const linked = (text: string) =>
      page.evaluate(
        (t) => (globalThis as unknown as PageGlobals).toPhoneParts(t).flatMap((part) => (typeof part === 'string' ? [] : [part.tel])),
        text,
      );

    expect(await linked('请拨打110报警，受伤请拨打120；也可以打12315、12356、12333、12348、12338、122。')).toEqual(
      ['110', '120', '12315', '12356', '12333', '12348', '12338', '122'],
    );
    expect(await linked('司法所电话0371-12345678，调解员手机13812345678，值班电话：88886666。')).toEqual(
      ['037112345678', '13812345678', '88886666'],
    );
    expect(await linked('案件编号 TJ-2026-0001，内容核对于2026-11-01；《刑法》第120条；赔偿12000元，欠了110000块；去年有12345人。')).toEqual([]);
    expect(await linked('拨打1100元')).toEqual([]);
  });

  it('keeps the conversation on this device across a reload, without asking the server again', async () => {
    const answer = await askAndWait('老板拖欠工资三个月不给怎么办');
    const answerText = await answer.textContent();
    const urgent = await askAndWait('他拿着刀在俺家门口说要砍死俺 快救命');
    const urgentText = await urgent.textContent();
    const sent = asked.length;

    await page.reload();
    await expect.poll(() => replies().count()).toBe(3);
    expect(asked.length).toBe(sent);
    expect(await page.locator('.row.me .bubble').allTextContents()).toEqual(['老板拖欠工资三个月不给怎么办', '他拿着刀在俺家门口说要砍死俺 快救命']);
    expect(await replies().nth(1).textContent()).toBe(answerText);
    expect(await replies().nth(2).textContent()).toBe(urgentText);
    expect(await replies().nth(2).locator('a[href="tel:110"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.note').textContent()).toMatch(/之前的对话.*这台手机/);
    await expectWholeReplyInView(replies().nth(2));
    await page.screenshot({ path: 'test-artifacts/chat-after-reload.png' });
  });

  it('keeps only the latest sixty messages on the device', async () => {
    await page.evaluate(() => {
      const { localStorage } = globalThis as unknown as PageGlobals;
      const user = localStorage.getItem('mingbai-user');
      const old = Array.from({ length: 70 }, (_, i) => ({ who: i % 2 ? 'bot' : 'me', text: `旧消息${i}` }));
      localStorage.setItem(`mingbai-chat-${user}`, JSON.stringify(old));
    });
    await page.reload();
    await askAndWait('谢谢');
    const kept = (await keptOnDevice()) as Array<{ text: string }>;
    expect(kept).toHaveLength(60);
    expect(kept.at(-2)!.text).toBe('谢谢');
    expect(kept[0]!.text).toBe('旧消息12');
  });

  it('asks in plain words before deleting, and 先不删 sends nothing', async () => {
    expect(await page.locator('#chips button', { hasText: '删除' }).count()).toBe(0);
    await askAndWait('老板拖欠工资三个月不给怎么办');
    const sent = asked.length;

    await page.click('#forget');
    const dialog = page.locator('dialog#confirm-forget');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('删除后，您之前问过的内容都会清除，不能恢复。确定删除吗？');
    await page.screenshot({ path: 'test-artifacts/chat-delete-confirm.png' });

    await dialog.getByRole('button', { name: '先不删' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.waitForTimeout(300);
    expect(asked.length).toBe(sent);
    expect(await page.locator('.row.me').count()).toBe(1);
    expect(await keptOnDevice()).toHaveLength(2);
  });

  it('deletes after 确定删除 and clears the conversation kept on the device', async () => {
    await askAndWait('老板拖欠工资三个月不给怎么办');
    await page.click('#forget');
    await page.locator('dialog#confirm-forget').getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => asked.at(-1)).toBe('删除我的信息');
    const done = replies().last();
    await expect.poll(() => done.textContent(), { timeout: 10_000 }).toMatch(/已删除/);

    expect(await page.locator('.row.me .bubble').allTextContents()).toEqual(['删除我的信息']);
    expect(await keptOnDevice()).toEqual([]);
    await expectWholeReplyInView(done);
    await page.screenshot({ path: 'test-artifacts/chat-deleted.png' });

    await page.reload();
    await expect.poll(() => replies().count()).toBe(1);
    expect(await page.locator('.row.me').count()).toBe(0);
  });
});

/** Types as a resident would and waits for the reply that answers it. */
async function say(page: Page, text: string): Promise<Locator> {
  const replies = page.locator('.row.bot');
  const before = await replies.count();
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  const reply = replies.nth(before);
  await expect.poll(() => reply.textContent(), { timeout: 10_000 }).not.toMatch(/^(正在查找……)?$/);
  return reply;
}

describe('the case-opened message on a phone', () => {
  it('shows who will help, by when, and what to have ready, whole on the screen, with the case number', async () => {
    await page.goto(`${app.url}/chat`);
    await expect.poll(() => page.locator('.row.bot').count()).toBe(1);
    await say(page, '邻居把围墙砌到俺家地里 吵了好几回了 咋办');
    for (const answer of ['1', '1', '姓王的', '跳过', '让他把墙拆了', '13812345678']) await say(page, answer);
    const done = await say(page, '1');
    await page.screenshot({ path: 'test-artifacts/chat-case-opened.png' });

    const text = (await done.textContent())!;
    expect(text).toMatch(/^已交给人民调解员林淑芬。\n?案件编号 TJ-\d{4}-\d{4}/);
    expect(text).toContain('一般在4小时内打电话联系您');
    expect(text).toContain('身份证');
    expect(text).toContain('聊天记录、欠条、合同、照片');
    const box = await done.boundingBox();
    const log = await page.locator('#log').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(log!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(log!.y + log!.height);
  });
});
