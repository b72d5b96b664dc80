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

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
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

async function measureApp(records: number): Promise<LoadFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mingbai-bench-'));
  try {
    await seedMonth(dataDir, records);
    const { url, child } = await startBenchServer('mingbai', { DATA_DIR: dataDir });
    try {
      await load(url).catch(() => undefined); // warm-up pass is not counted
      return await load(url);
    } finally {
      await stopBenchServer(child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const bare = await startBenchServer('bare');
let bareFigures: LoadFigures;
try {
  bareFigures = await load(bare.url);
} finally {
  await stopBenchServer(bare.child);
}
const at10k = await measureApp(10_000);
const at100k = await measureApp(100_000);

const rows = [
  { name: 'bare Koa route', ...bareFigures, ratioToBare: 1 },
  { name: 'POST /api/messages, 10,000 records', ...at10k, ratioToBare: at10k.reqPerSec / bareFigures.reqPerSec },
  { name: 'POST /api/messages, 100,000 records', ...at100k, ratioToBare: at100k.reqPerSec / bareFigures.reqPerSec },
];
console.log(`\nHTTP over loopback: ${CONNECTIONS} connections, ${DURATION_S} s each (after a warm-up pass)`);
console.table(rows.map((r) => ({ ...r, ratioToBare: r.ratioToBare.toFixed(2) })));
const targets = {
  'at 10k: ≥ 25% of bare Koa req/s': at10k.reqPerSec >= 0.25 * bareFigures.reqPerSec,
  'at 10k: p99 < 50 ms': at10k.p99ms < 50,
  'at 100k: ≥ half of the 10k req/s': at100k.reqPerSec >= 0.5 * at10k.reqPerSec,
};
console.table(targets);

const extra = await extraBenches();
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), http: rows, targets, ...extra }, null, 2));
console.log('figures written to bench/results/latest.json');
