/**
 * `npm run bench`: throughput and latency of POST /api/messages over loopback with 10,000 and 100,000
 * consultations already in the month's file, against a bare Koa route in the same run; then in-process
 * figures of the parts. The servers run in their own processes so the load generator does not share their
 * event loop. Figures print as a table and are written to bench/results/latest.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startBenchServer, stopBenchServer, toLoadFigures, type LoadFigures } from './bench-server.js';
import { BENCH_QUESTIONS } from './questions.js';
import { seedMonth } from './seed-month.js';
import { extraBenches } from './extra-benches.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;



function load(url: string): Promise<LoadFigures> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/api/messages`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              n++;
              return {
                ...req,
                body: JSON.stringify({ userId: `bench-${n % 997}`, text: BENCH_QUESTIONS[n % BENCH_QUESTIONS.length], messageId: `b-${n}` }),
              };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve(toLoadFigures(result));
      },
    );
  });
}

interface Target {
  name: string;
  url: string;
}

/**
 * The three servers run side by side (idle while another is measured) and are loaded in turn, round after
 * round: this machine's speed drifts by a factor of two over minutes, and a ratio taken within one round
 * cancels that drift where separate runs minutes apart did not. Each figure is the median over rounds,
 * p99 the worst round's.
 */
async function measureInRounds(targets: readonly Target[]): Promise<{ perRound: LoadFigures[][]; median: LoadFigures[]; ratios: number[] }> {
  for (const target of targets) await load(target.url).catch(() => undefined); // warm-up pass, not counted
  const perRound: LoadFigures[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const figures: LoadFigures[] = [];
    for (const target of targets) figures.push(await load(target.url));
    perRound.push(figures);
    console.log(`round ${round + 1}: ${figures.map((f, i) => `${targets[i]?.name} ${f.reqPerSec} req/s`).join(', ')}`);
  }
  const median = targets.map((_, i) => {
    const column = perRound.map((figures) => figures[i]!);
    return {
      reqPerSec: medianOf(column.map((f) => f.reqPerSec)),
      p50ms: medianOf(column.map((f) => f.p50ms)),
      p99ms: Math.max(...column.map((f) => f.p99ms)),
      errors: column.reduce((sum, f) => sum + f.errors, 0),
      non2xx: column.reduce((sum, f) => sum + f.non2xx, 0),
    };
  });
  const ratios = targets.map((_, i) => medianOf(perRound.map((figures) => figures[i]!.reqPerSec / figures[0]!.reqPerSec)));
  return { perRound, median, ratios };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const dirs = [await mkdtemp(join(tmpdir(), 'mingbai-bench-')), await mkdtemp(join(tmpdir(), 'mingbai-bench-'))] as const;
await seedMonth(dirs[0], 10_000);
await seedMonth(dirs[1], 100_000);
const bare = await startBenchServer('bare');
const app10k = await startBenchServer('mingbai', { DATA_DIR: dirs[0] });
const app100k = await startBenchServer('mingbai', { DATA_DIR: dirs[1] });
const servers = [bare, app10k, app100k];
let measured: Awaited<ReturnType<typeof measureInRounds>>;
try {
  measured = await measureInRounds([
    { name: 'bare', url: bare.url },
    { name: '10k', url: app10k.url },
    { name: '100k', url: app100k.url },
  ]);
} finally {
  for (const server of servers) await stopBenchServer(server.child);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}
const [bareFigures, at10k, at100k] = measured.median as [LoadFigures, LoadFigures, LoadFigures];
const [, ratio10k = 0, ratio100k = 0] = measured.ratios;

const rows = [
  { name: 'bare Koa route', ...bareFigures, ratioToBare: 1 },
  { name: 'POST /api/messages, 10,000 records', ...at10k, ratioToBare: ratio10k },
  { name: 'POST /api/messages, 100,000 records', ...at100k, ratioToBare: ratio100k },
];
console.log(`\nHTTP over loopback: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each (after a warm-up pass); medians, worst p99`);
console.table(rows.map((r) => ({ ...r, ratioToBare: r.ratioToBare.toFixed(2) })));
const targets = {
  'at 10k: ≥ 25% of bare Koa req/s': ratio10k >= 0.25,
  'at 10k: p99 < 50 ms': at10k.p99ms < 50,
  'at 100k: ≥ half of the 10k req/s': at100k.reqPerSec >= 0.5 * at10k.reqPerSec,
};
console.table(targets);

const extra = await extraBenches();
await mkdir('bench/results', { recursive: true });
await writeFile(
  'bench/results/latest.json',
  JSON.stringify({ at: new Date().toISOString(), http: rows, httpRounds: measured.perRound, targets, ...extra }, null, 2),
);
console.log('figures written to bench/results/latest.json');
