import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedKnownData, writeTestRoster } from '../statistics/known-data.js';
import { launchChromium } from '../support/launch-chromium.js';
import { readJson } from '../support/read-json.js';
import { startApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const TOKEN = 'test-admin-token-0123456789';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether a canvas has any painted pixel: a chart that failed to draw leaves it fully transparent. */
function paintedPixels(page: Page, id: string): Promise<number> {
  // Source text, run in the page: the test's TypeScript has no DOM types.
  return page.evaluate(`(() => {
    const canvas = document.getElementById(${JSON.stringify(id)});
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  })()`);
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();

describe('statistics dashboard in Chromium', () => {
  it('signs in, shows the month’s numbers, draws the charts and lists the unanswered questions and cases', async () => {
    const dataDir = await tempDir();
    await seedKnownData(dataDir);
    const app = await startApp(dataDir, {
      env: { ADMIN_TOKEN: TOKEN, ROSTER_FILE: await writeTestRoster(await tempDir()), TOWNSHIP_NAME: '清溪乡' },
      clock: { now: () => new Date('2026-11-10T02:00:00.000Z') },
    });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(app.url)) external.push(r.url());
    });
    try {
      await page.goto(`${app.url}/admin`);
      await page.fill('#token', TOKEN);
      await Promise.all([page.waitForURL(`${app.url}/admin`), page.click('button[type=submit]')]);

      // The current month (November 2026 by the injected clock) first.
      await page.waitForSelector('body[data-state=ready]');
      expect(await page.inputValue('#month')).toBe('2026-11');
      expect(await text(page, '#n-total')).toBe('2');

      // Then October through the month picker.
      await page.fill('#month', '2026-10');
      await expect.poll(() => text(page, '#n-total')).toBe('8');
      await page.waitForSelector('body[data-state=ready]');
      const headline = Object.fromEntries(
        await Promise.all(
          ['total', 'residents', 'answered', 'unanswered', 'urgent', 'offered', 'opened', 'closed', 'rate'].map(async (k) => [k, await text(page, `#n-${k}`)]),
        ),
      );
      expect(headline).toEqual({ total: '8', residents: '5', answered: '4', unanswered: '4', urgent: '1', offered: '2', opened: '5', closed: '4', rate: '66.67%' });
      expect(await text(page, '#n-rate-parts')).toBe('成功 2 / 成功+未成功 3（撤回 1 件不计入）');
      expect(await text(page, '#n-hours')).toBe('接手 5 · 办结 156');

      const api = await readJson(await fetch(`${app.url}/api/stats/monthly?month=2026-10`, { headers: { authorization: `Bearer ${TOKEN}` } }));
      expect(api.consultations.total).toBe(8);
      expect(await text(page, '#paragraph')).toMatch(/^清溪乡2026年10月法律咨询与人民调解工作情况：本月共接待群众法律咨询8人次（涉及群众5人）/);
      expect(await text(page, '#unreached')).toBe('本月无咨询的村（社区）：石门村');
      expect(await page.locator('#unanswered li').allTextContents()).toEqual(['彩礼退不退？×2', '老板跑路了工资找谁要，我电话138****5678×1']);
      const rows = await page.locator('#cases tbody tr').allInnerTexts();
      expect(rows).toHaveLength(6);
      expect(rows[0]!.split('\t')).toEqual(['TJ-2026-0007', '2026-10-30', '邻里纠纷', '上坪村', '已分派', '']);
      expect(rows[2]!.split('\t')).toEqual(['TJ-2026-0004', '2026-10-20', '邻里纠纷', '未注明村', '已办结（紧急）', '当事人撤回']);
      expect(await page.getAttribute('#csv', 'href')).toBe('/admin/export.csv?month=2026-10');
      expect(await page.isHidden('#demo')).toBe(true);

      for (const id of ['chart-categories', 'chart-villages', 'chart-days', 'chart-outcomes']) {
        expect(await paintedPixels(page, id), id).toBeGreaterThan(500);
      }
      // Readable on a phone: nothing wider than the screen, so no sideways scrolling of the page.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(problems).toEqual([]);
      expect(external).toEqual([]);

      await mkdir('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/dashboard.png', fullPage: true });

      await Promise.all([page.waitForURL(`${app.url}/admin`), page.click('text=退出登录')]);
      expect(await page.locator('#token').count()).toBe(1);
    } finally {
      await page.close();
      await app.close();
    }
  }, 90_000);
});
