/**
 * `npm run seed-demo [-- --force]`: fills DATA_DIR with six months of made-up consultations and mediation
 * cases, so the dashboard (/admin) and `npm run report` have something to show. Demo data is marked three
 * ways: a DATA_DIR/DEMO file (the dashboard, CSV and report then say "演示数据"), resident pseudonyms starting
 * 0de70de70de7, and texts starting 【演示】. A data directory that already holds consultations or cases is
 * refused unless --force (which adds the demo data beside what is there). Run it before starting the app.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { ConsultationRecordSchema } from '../src/consultation/consultation-record.js';
import { openCaseStore } from '../src/escalation/case-store.js';
import { loadRoster } from '../src/escalation/load-roster.js';
import { casesFileOf, consultationsDirOf, demoMarkerOf } from '../src/statistics/data-paths.js';
import { DEMO_RESIDENT_PREFIX, DEMO_TEXT_MARK, generateDemoData } from '../src/statistics/demo-data.js';

const FALLBACK_VILLAGES = ['示例一村', '示例二村', '示例三村', '示例四村', '示例五村', '示例社区'];

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig(process.env);
const dataDir = resolve(config.DATA_DIR);
const consultationsDir = consultationsDirOf(dataDir);

/** What in the data directory is data someone might care about; a first start's secret key is not. */
async function existingData(): Promise<string[]> {
  const found: string[] = [];
  const months = await readdir(consultationsDir).catch(() => []);
  for (const name of months.filter((n) => n.endsWith('.jsonl'))) {
    if ((await stat(join(consultationsDir, name))).size > 0) found.push(join('consultations', name));
  }
  if (existsSync(casesFileOf(dataDir)) && (await openCaseStore(casesFileOf(dataDir))).all().length > 0) found.push('mediation/cases.json');
  if (existsSync(demoMarkerOf(dataDir))) found.push('DEMO (demo data seeded before)');
  return found;
}

const found = await existingData();
if (found.length > 0 && !values.force) {
  console.error(
    `${dataDir} already holds data: ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}.\n` +
      'seed-demo only fills an empty data directory, so demo figures never mix with real ones.\n' +
      'Point DATA_DIR at a new directory (e.g. DATA_DIR=./var-demo npm run seed-demo), or add --force to add demo data anyway.',
  );
  process.exit(1);
}

const roster = await loadRoster(resolve(config.ROSTER_FILE)).catch(() => undefined);
const demo = generateDemoData({
  now: new Date(),
  villages: roster ? roster.villages.map((v) => v.name) : FALLBACK_VILLAGES,
  mediatorIds: roster ? roster.mediators.filter((m) => m.active).map((m) => m.id) : ['demo'],
  months: 6,
  seed: 20261,
});

await mkdir(consultationsDir, { recursive: true, mode: 0o700 });
const byMonth = new Map<string, string[]>();
for (const record of demo.consultations) {
  // Checked against the log's own schema, so the app opens these files like any other month.
  ConsultationRecordSchema.parse(record);
  const lines = byMonth.get(record.month) ?? [];
  lines.push(JSON.stringify(record));
  byMonth.set(record.month, lines);
}
for (const [month, lines] of byMonth) {
  await appendFile(join(consultationsDir, `${month}.jsonl`), lines.join('\n') + '\n', { mode: 0o600 });
}
await mkdir(join(dataDir, 'mediation'), { recursive: true, mode: 0o700 });
const store = await openCaseStore(casesFileOf(dataDir));
for (const c of demo.cases) await store.create(c.openedAt, c.build);

await writeFile(
  demoMarkerOf(dataDir),
  [
    '演示数据 DEMO DATA — written by npm run seed-demo; not real consultations.',
    `written: ${new Date().toISOString()}`,
    `consultations: ${demo.consultations.length} in ${[...byMonth.keys()].join(', ')}`,
    `cases: ${demo.cases.length}`,
    `residents: pseudonyms starting ${DEMO_RESIDENT_PREFIX}; texts start ${DEMO_TEXT_MARK}`,
    'Delete this directory (or this file and the demo records) before real use.',
    '',
  ].join('\n'),
  { mode: 0o600 },
);

console.log(
  `Demo data written to ${dataDir}: ${demo.consultations.length} consultations over ${byMonth.size} months, ${demo.cases.length} mediation cases.\n` +
    'Start the app (npm start, with ADMIN_TOKEN set) and open /admin, or run npm run report -- --month YYYY-MM.',
);
