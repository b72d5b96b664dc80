import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/launch-chromium.js';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { useTempDirs } from '../../support/temp-dir.js';

const tempDir = useTempDirs();
let browser: Browser;
let app: RunningApp;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('try-it chat page', () => {
  it('shows the answer bubble for a typed question, and the emergency line first for danger', async () => {
    app = await startApp(await tempDir());
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      await page.goto(`${app.url}/chat`);
      await page.fill('#input', '老板拖欠工资不给怎么办');
      await page.click('#send');
      const answer = page.locator('.row.bot .bubble').nth(1);
      await expect.poll(() => answer.textContent(), { timeout: 10_000 }).not.toBe('正在查找……');
      expect(await answer.textContent()).toMatch(/工资|劳动/);
      expect(await page.locator('.row.me .bubble').first().textContent()).toBe('老板拖欠工资不给怎么办');

      await page.fill('#input', '他拿着刀说要杀了我');
      await page.press('#input', 'Enter');
      const urgent = page.locator('.row.bot .bubble').nth(2);
      await expect.poll(() => urgent.textContent(), { timeout: 10_000 }).not.toBe('正在查找……');
      expect((await urgent.textContent())!.split('\n')[0]).toMatch(/110/);

      await mkdir('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/chat-page.png', fullPage: true });
    } finally {
      await page.close();
      await app.close();
    }
  });
});
