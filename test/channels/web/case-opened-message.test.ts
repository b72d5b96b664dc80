import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/launch-chromium.js';
import { startApp, type RunningApp } from '../../support/start-app.js';

let dataDir: string;
let browser: Browser;
let app: RunningApp;

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'mingbai-case-opened-'));
  app = await startApp(dataDir);
  await mkdir('test-artifacts', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
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
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/chat`);
      await expect.poll(() => page.locator('.row.bot').count()).toBe(1);
      await say(page, '邻居把围墙砌到俺家地里 吵了好几回了 咋办');
      for (const answer of ['1', '1', '姓王的', '跳过', '让他把墙拆了', '13812345678']) await say(page, answer);
      const done = await say(page, '1');
      await page.screenshot({ path: 'test-artifacts/chat-case-opened.png' });

      const text = (await done.textContent())!;
      expect(text).toMatch(/^已交给人民调解员林淑芬。\n?案件编号 TJ-\d{4}-0001/);
      expect(text).toContain('一般在4小时内打电话联系您');
      expect(text).toContain('身份证');
      expect(text).toContain('聊天记录、欠条、合同、照片');
      const box = await done.boundingBox();
      const log = await page.locator('#log').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(log!.y);
      expect(box!.y + box!.height).toBeLessThanOrEqual(log!.y + log!.height);
    } finally {
      await context.close();
    }
  });
});
