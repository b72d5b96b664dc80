/**
 * Statistics at scale, on synthetic data in a temp dir: the monthly report over a month of 100,000
 * consultations (target < 1 s) and a 12-month range of 1.2 million (target < 3 s). Measured cold (nothing
 * cached: every line parsed and validated), after a restart (finished months' tallies on disk), warm (in
 * memory) and with the current month growing. Each month file also holds 10,000 greetings, which are not
 * consultations. `benchStats()` is called by `npm run bench`; `npx tsx bench/stats.ts` runs it alone.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConsultationRecord } from '../src/consultation/consultation-record.js';
import { createStatistics } from '../src/statistics/create-statistics.js';
import { casesFileOf, consultationsDirOf, demoMarkerOf, statisticsCacheDirOf } from '../src/statistics/data-paths.js';
import { createCaseFileSource } from '../src/statistics/case-file-source.js';
import { monthsOf } from '../src/statistics/period.js';
import { fixedVillages } from '../src/statistics/village-source.js';
import { CATEGORIES } from '../src/understanding/category.js';

/** Records per month file: 100,000 consultations and 10,000 greetings. */
const PER_MONTH = 110_000;
const FROM = '2025-11';
const TO = '2026-10';
const VILLAGES = Array.from({ length: 13 }, (_, i) => ({ name: `村${i}`, aliases: [] }));
const QUESTIONS = ['邻居家的树挡住了我家的光，该怎么办', '老板拖欠三个月工资不给，电话138****0000，去哪里告', '彩礼给了八万，现在不结婚了能要回来吗'];

/** Synthetic consultations number `from` to `to` (of `total` spread over the month) as JSON Lines. */
function monthLines(month: string, from: number, to: number, total: number): string {
  const start = Date.parse(`${month}-01T00:00:00+08:00`);
  let lines = '';
  for (let i = from; i < to; i++) {
    const record: ConsultationRecord = {
      id: `bench-${month}-${i}`,
      time: new Date(start + Math.floor((Math.min(i, total - 1) / total) * 27 * 86_400_000)).toISOString(),
      month,
      channel: i % 3 === 0 ? 'wechat' : 'api',
      resident: (i % 20_000).toString(16).padStart(24, '0'),
      messageId: `bench-msg-${i}`,
      intent: i % 11 === 10 ? 'greeting' : 'question',
      category: CATEGORIES[i % CATEGORIES.length]!,
      confidence: 0.8,
      dispute: i % 4 === 0,
      urgent: i % 97 === 0,
      answerId: i % 6 === 0 ? null : 'bench-answer',
      village: i % 17 === 0 ? null : `村${i % 13}`,
      text: `${QUESTIONS[i % QUESTIONS.length]}（第${i % 500}种问法）`,
      ...(i % 40 === 0 ? { mediationOffered: true } : {}),
    };
    lines += JSON.stringify(record) + '\n';
  }
  return lines;
}

/** One month file of `count` synthetic consultations, written in 10,000-line batches. */
async function writeMonthFile(dir: string, month: string, count: number): Promise<void> {
  const path = join(dir, `${month}.jsonl`);
  await writeFile(path, '');
  for (let base = 0; base < count; base += 10_000) await appendFile(path, monthLines(month, base, Math.min(count, base + 10_000), count));
}

/** Wall time, and the CPU time of this process: on a shared machine the wall time also counts waiting for a core. */
async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), value };
}

export async function benchStats(): Promise<object> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mingbai-bench-stats-'));
  try {
    const dir = consultationsDirOf(dataDir);
    await mkdir(dir, { recursive: true });
    const months = monthsOf({ from: FROM, to: TO });
    const generated = await time(async () => {
      for (const m of months) await writeMonthFile(dir, m, PER_MONTH);
    });
    // Today is the month after the range, so every month of it is finished and may be cached on disk.
    const clock = { now: () => new Date('2026-11-15T04:00:00.000Z') };
    const fresh = () =>
      createStatistics({
        consultationsDir: dir,
        cacheDir: statisticsCacheDirOf(dataDir),
        clock,
        cases: createCaseFileSource(casesFileOf(dataDir)),
        villages: fixedVillages(VILLAGES),
        demoMarker: demoMarkerOf(dataDir),
      });

    const monthly = fresh();
    const monthlyCold = await time(() => monthly.report({ from: TO, to: TO }));
    const monthlyWarm = await time(() => monthly.report({ from: TO, to: TO }));
    // A restart with no cache at all: every month parsed and validated, one after another.
    await rm(statisticsCacheDirOf(dataDir), { recursive: true, force: true });
    const rangeCold = await time(() => fresh().report({ from: FROM, to: TO }));
    // A restart with the finished months' tallies on disk (the normal case after the first report).
    const restarted = fresh();
    const rangeRestart = await time(() => restarted.report({ from: FROM, to: TO }));
    const rangeWarm = await time(() => restarted.report({ from: FROM, to: TO }));
    // The current month growing while the dashboard is open: only the new lines are read.
    await writeMonthFile(dir, '2026-11', PER_MONTH);
    const live = fresh();
    await live.report({ from: '2026-11', to: '2026-11' });
    await appendFile(join(dir, '2026-11.jsonl'), monthLines('2026-11', PER_MONTH, PER_MONTH + 100, PER_MONTH));
    const monthlyAfterAppend = await time(() => live.report({ from: '2026-11', to: '2026-11' }));

    const figures = {
      recordsPerMonth: PER_MONTH,
      consultationsPerMonth: monthlyCold.value.consultations.total,
      months: months.length,
      generateMs: generated.ms,
      monthlyColdMs: monthlyCold.ms,
      monthlyColdCpuMs: monthlyCold.cpuMs,
      monthlyWarmMs: monthlyWarm.ms,
      monthlyAfter100AppendedMs: monthlyAfterAppend.ms,
      rangeColdNoCacheMs: rangeCold.ms,
      rangeColdNoCacheCpuMs: rangeCold.cpuMs,
      rangeAfterRestartMs: rangeRestart.ms,
      rangeWarmMs: rangeWarm.ms,
      consultationsInRange: rangeCold.value.consultations.total,
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
      targets: {
        'monthly report of 100,000 consultations < 1 s (cold)': monthlyCold.ms < 1000,
        '12-month range of 1.2 million < 3 s (finished months cached on disk)': rangeRestart.ms < 3000,
      },
    };
    return figures;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchStats(), null, 2));
}
