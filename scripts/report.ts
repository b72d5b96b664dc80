/**
 * `npm run report -- --month 2026-10` or `npm run report -- --from 2026-08 --to 2026-10`: prints the tables
 * and a paragraph to paste into a work report, from the same statistics as the JSON API and the dashboard.
 * `--csv FILE` also writes the CSV tables; `--json` prints the report as JSON instead.
 * Reads DATA_DIR, ROSTER_FILE and TOWNSHIP_NAME like the app (a .env file is loaded when present).
 * Exit 0; 2 for bad arguments; 1 when the data cannot be read.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { ValidationError } from '../src/errors.js';
import { loadRoster } from '../src/escalation/load-roster.js';
import { parseWith } from '../src/http/read-json-body.js';
import { createCaseFileSource } from '../src/statistics/case-file-source.js';
import { createStatistics } from '../src/statistics/create-statistics.js';
import { casesFileOf, consultationsDirOf, demoMarkerOf, statisticsCacheDirOf } from '../src/statistics/data-paths.js';
import { periodLabel } from '../src/statistics/labels.js';
import { renderReportParagraph } from '../src/statistics/render-report-paragraph.js';
import { renderStatsTables } from '../src/statistics/render-stats-tables.js';
import { MonthlyQuerySchema, RangeQuerySchema } from '../src/statistics/stats-query.js';
import { DEMO_NOTICE } from '../src/statistics/stats-routes.js';
import { toStatsTables } from '../src/statistics/stats-tables.js';
import { toStatsCsv } from '../src/statistics/to-stats-csv.js';
import { fixedVillages, noVillages } from '../src/statistics/village-source.js';
import { systemClock } from '../src/time/clock.js';

const USAGE = 'usage: npm run report -- --month YYYY-MM | --from YYYY-MM --to YYYY-MM  [--csv FILE] [--json]';

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: { month: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'string' }, json: { type: 'boolean' } },
  }));
} catch (err) {
  fail(2, `${(err as Error).message}\n${USAGE}`);
}

if (values.month !== undefined && (values.from !== undefined || values.to !== undefined)) {
  fail(2, `give either --month, or --from and --to, not both\n${USAGE}`);
}
let period;
try {
  // The query schemas of the HTTP API, so the CLI accepts and refuses exactly the same periods.
  period =
    values.month !== undefined || (values.from === undefined && values.to === undefined)
      ? parseWith(MonthlyQuerySchema, { month: values.month }, 'arguments')
      : parseWith(RangeQuerySchema, { from: values.from, to: values.to }, 'arguments');
} catch (err) {
  if (!(err instanceof ValidationError)) throw err;
  fail(2, `--${err.message}\n${USAGE}`);
}

if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig(process.env);
const dataDir = resolve(config.DATA_DIR);
const roster = await loadRoster(resolve(config.ROSTER_FILE)).catch((err: Error) => {
  console.error(`(no village list: ${err.message})`);
  return undefined;
});

const statistics = createStatistics({
  consultationsDir: consultationsDirOf(dataDir),
  cacheDir: statisticsCacheDirOf(dataDir),
  clock: systemClock,
  cases: createCaseFileSource(casesFileOf(dataDir)),
  villages: roster ? fixedVillages(roster.villages) : noVillages,
  demoMarker: demoMarkerOf(dataDir),
});

let report;
try {
  report = await statistics.report(period);
} catch (err) {
  fail(1, (err as Error).message);
}
const tables = toStatsTables(report);

if (values.csv) {
  await writeFile(values.csv, toStatsCsv(tables, report.demo ? DEMO_NOTICE : undefined));
  console.error(`CSV written to ${values.csv}`);
}
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const title = `${config.TOWNSHIP_NAME}${periodLabel(report.period.from, report.period.to)} 法律咨询与人民调解统计（明白）`;
  const lines = [title, ...(report.demo ? [`※ ${DEMO_NOTICE}`] : []), '', renderStatsTables(tables), '', '【报告段落】', renderReportParagraph(report, config.TOWNSHIP_NAME)];
  console.log(lines.join('\n'));
}
