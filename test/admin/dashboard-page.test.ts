import { mkdir, writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMarkerOf } from '../../src/statistics/data-paths.js';
import { seedKnownData, writeTestRoster } from '../statistics/known-data.js';
import { launchChromium } from '../support/launch-chromium.js';
import { readJson } from '../support/read-json.js';
import { startApp, type RunningApp } from '../support/start-app.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const TOKEN = 'test-admin-token-0123456789';
/** 10 November 2026, 10:00 in Beijing: October is the last whole month, November is under way. */
const NOW = new Date('2026-11-10T02:00:00.000Z');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir('test-artifacts', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function startDashboard(options: { demo?: boolean; adminToken?: boolean } = {}): Promise<RunningApp> {
  const dataDir = await tempDir();
  await seedKnownData(dataDir);
  if (options.demo) await writeFile(demoMarkerOf(dataDir), 'demo\n');
  return startApp(dataDir, {
    env: { ...(options.adminToken === false ? {} : { ADMIN_TOKEN: TOKEN }), ROSTER_FILE: await writeTestRoster(await tempDir()), TOWNSHIP_NAME: '清溪乡' },
    clock: { now: () => NOW },
  });
}

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

/** The x-axis of the daily chart as Chart.js drew it: one label per day shown. */
const drawnDays = (page: Page): Promise<string[]> => page.evaluate(`Chart.getChart('chart-days').data.labels`);

/** Everything a person can read on the page: its text, the title, the month list and the labels read aloud. */
function readableText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const texts = [document.title, document.body.innerText];
    for (const o of document.querySelectorAll('option')) texts.push(o.textContent);
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(name)) texts.push(el.getAttribute(name));
    }
    return texts.join('\\n');
  })()`);
}

/*
 * Staff pages are in Chinese only. Numbers, %, × and Chinese units (人次, 件, 天) are not Latin letters, so
 * they pass as they are. The one exception is the case number (TJ-2026-0007): it is the id printed on the
 * resident's message and typed by mediators (接单 TJ-…), so the dashboard must show it exactly as issued.
 */
const CASE_NUMBER = /\bTJ-\d{4}-\d{4}\b/g;
async function latinWords(page: Page): Promise<string[]> {
  return (await readableText(page)).replace(CASE_NUMBER, '').match(/[A-Za-zＡ-Ｚａ-ｚ]+/g) ?? [];
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();

async function signIn(page: Page, app: RunningApp): Promise<void> {
  await page.goto(`${app.url}/admin`);
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${app.url}/admin`), page.click('button[type=submit]')]);
  await page.waitForSelector('body[data-state=ready]');
}

function watchProblems(page: Page, app: RunningApp): { problems: string[]; external: string[] } {
  const problems: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    // Chromium's hint about reading a canvas often comes from this test's own pixel counting, not the page.
    if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('willReadFrequently')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(app.url)) external.push(r.url());
  });
  return { problems, external };
}

describe.each(VIEWPORTS)('statistics dashboard in Chromium ($name, $width×$height)', ({ width, height }) => {
  const size = `${width}x${height}`;

  it('opens on the last complete month, gives durations in days, and marks the current month as partial with no days after today', async () => {
    const app = await startDashboard();
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const { problems, external } = watchProblems(page, app);
    try {
      await signIn(page, app);

      // October, the last whole month, first; the current one heads the list, marked as not yet whole.
      expect(await page.inputValue('#month')).toBe('2026-10');
      const months = await page.locator('#month option').allTextContents();
      expect(months.slice(0, 3)).toEqual(['2026年11月（本月，未满一月）', '2026年10月', '2026年9月']);
      expect(await page.isHidden('#partial')).toBe(true);
      const headline = Object.fromEntries(
        await Promise.all(
          ['total', 'residents', 'answered', 'unanswered', 'urgent', 'offered', 'opened', 'closed', 'rate'].map(async (k) => [k, await text(page, `#n-${k}`)]),
        ),
      );
      expect(headline).toEqual({ total: '8', residents: '5', answered: '4', unanswered: '4', urgent: '1', offered: '2', opened: '5', closed: '4', rate: '66.67%' });
      expect(await text(page, '#n-rate-parts')).toBe('成功 2 / 成功+未成功 3（撤回 1 件不计入）');
      // Medians of 5 and 156 hours, in days.
      expect(await page.locator('#n-days > span').allTextContents()).toEqual(['接手 0.2天', '办结 6.5天']);
      expect(await text(page, '#paragraph')).toContain('调解员接手用时中位数0.2天，办结用时中位数6.5天');
      expect(await readableText(page)).not.toMatch(/小时/);
      expect(await drawnDays(page)).toHaveLength(31);

      const api = await readJson(await fetch(`${app.url}/api/stats/monthly?month=2026-10`, { headers: { authorization: `Bearer ${TOKEN}` } }));
      expect(api.consultations.total).toBe(8);
      expect(await text(page, '#paragraph')).toMatch(/^清溪乡2026年10月法律咨询与人民调解工作情况：本月共接待群众法律咨询8人次（涉及群众5人）/);
      expect(await text(page, '#unreached')).toBe('当月无咨询的村（社区）：石门村');
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
      // Nothing wider than the screen, so no sideways scrolling of the page.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      expect(await latinWords(page)).toEqual([]);
      await page.screenshot({ path: `test-artifacts/dashboard-last-month-${size}.png`, fullPage: true });

      // The current month, chosen by hand: said to be partial, and the daily chart stops at today (the 10th).
      await page.selectOption('#month', '2026-11');
      await expect.poll(() => text(page, '#n-total')).toBe('2');
      await page.waitForSelector('body[data-state=ready]');
      expect(page.url()).toBe(`${app.url}/admin?month=2026-11`);
      expect(await page.isVisible('#partial')).toBe(true);
      expect(await text(page, '#partial')).toMatch(/^本月（截至11月10日，未满一月）/);
      expect(await text(page, '#days-caption')).toBe('每日咨询（截至11月10日）');
      expect(await drawnDays(page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(await paintedPixels(page, 'chart-days')).toBeGreaterThan(500);
      // Case 5, opened 28 October, closed 2 November: 5 days; none accepted in November.
      expect(await page.locator('#n-days > span').allTextContents()).toEqual(['接手 —', '办结 5.0天']);
      expect(await text(page, '#cases-note')).toBe('（本月受理、办结或目前在办）');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      expect(await latinWords(page)).toEqual([]);
      await page.screenshot({ path: `test-artifacts/dashboard-current-month-${size}.png`, fullPage: true });

      // A reload keeps the chosen month.
      await page.reload();
      await page.waitForSelector('body[data-state=ready]');
      expect(await page.inputValue('#month')).toBe('2026-11');
      expect(await page.isVisible('#partial')).toBe(true);

      expect(problems).toEqual([]);
      expect(external).toEqual([]);
      await Promise.all([page.waitForURL(`${app.url}/admin`), page.click('text=退出登录')]);
      expect(await page.locator('#token').count()).toBe(1);
    } finally {
      await page.close();
      await app.close();
    }
  }, 90_000);

  it('speaks only Chinese: sign-in, a wrong token, the demo banner, a failed load and a closed dashboard', async () => {
    const app = await startDashboard({ demo: true });
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2, locale: 'zh-CN' });
    try {
      await page.goto(`${app.url}/admin`);
      expect(await latinWords(page)).toEqual([]);
      await page.screenshot({ path: `test-artifacts/dashboard-sign-in-${size}.png`, fullPage: true });

      await page.fill('#token', 'not-the-token-at-all');
      await page.click('button[type=submit]');
      await page.waitForSelector('.message');
      expect(await text(page, '.message')).toBe('口令不正确，请重新输入。');
      expect(await latinWords(page)).toEqual([]);

      await signIn(page, app);
      expect(await page.isVisible('#demo')).toBe(true);
      const banner = (await text(page, '#demo')) ?? '';
      expect(banner).toMatch(/演示数据/);
      expect(banner).toMatch(/不是真实数据/);
      expect(banner).toMatch(/删除数据目录里的演示数据/);
      expect(await text(page, '#paragraph')).toMatch(/^【演示数据，非真实统计】/);
      expect(await latinWords(page)).toEqual([]);
      await page.screenshot({ path: `test-artifacts/dashboard-demo-${size}.png`, fullPage: false });

      // A failure at the server: staff read what to do, not the server's own (English) message.
      await page.route('**/admin/api/report?*', (route) =>
        route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal_error', message: 'something went wrong on our side' } }) }),
      );
      await page.selectOption('#month', '2026-09');
      await page.waitForSelector('body[data-state=error]');
      expect(await text(page, '#error')).toBe('统计暂时读不出来，请过一会儿刷新页面再试。');
      expect(await latinWords(page)).toEqual([]);
      await page.unroute('**/admin/api/report?*');
    } finally {
      await page.close();
      await app.close();
    }

    const closed = await startDashboard({ adminToken: false });
    const closedPage = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    try {
      await closedPage.goto(`${closed.url}/admin`);
      expect(await text(closedPage, '.message')).toMatch(/还没有开启/);
      expect(await latinWords(closedPage)).toEqual([]);
    } finally {
      await closedPage.close();
      await closed.close();
    }
  }, 90_000);
});
