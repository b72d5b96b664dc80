import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble } from './assemble.js';
import { ConfigError, loadConfig } from './config.js';
import { checkLawsDir } from './knowledge/laws/check-laws-dir.js';
import { createLogger } from './logger.js';
import { systemClock } from './time/clock.js';

/* The only file that reads the environment, listens on a port and handles signals. */

if (existsSync('.env')) process.loadEnvFile('.env');

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);

// This repository's setting keeps statute texts in ../shared/laws; named in the warning, never read unasked.
const sharedLaws = fileURLToPath(new URL('../../shared/laws', import.meta.url));
const laws = checkLawsDir(config.LAWS_DIR, relative(process.cwd(), sharedLaws) || sharedLaws);
if (laws.level === 'stop') {
  console.error(laws.message);
  process.exit(1);
}

let assembled;
try {
  assembled = await assemble(config, { clock: systemClock, logger });
} catch (err) {
  logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'start-up failed');
  process.exit(1);
}

if (laws.level === 'warn') logger.warn({}, laws.message);
if (!config.ADMIN_TOKEN) {
  logger.warn({}, 'admin endpoints are closed: set ADMIN_TOKEN (16+ random characters) in .env or the environment to open them');
}

const server = assembled.app.listen(config.PORT, config.HOST, () => {
  logger.info({ host: config.HOST, port: config.PORT, dataDir: config.DATA_DIR }, `Mingbai is listening: http://localhost:${config.PORT}/chat`);
});
server.requestTimeout = 30_000;

// Staff reports read a year of monthly files; building their cached tallies now keeps the first report quick.
assembled.warmStatistics().catch((err: unknown) => {
  logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'could not prepare the statistics cache');
});

// The clock's work for mediation cases (reminders, hand-over to the duty mediator, 回访, notification
// retries): once at start for whatever waited through a restart, then every minute, never two at once.
const { tick } = assembled;
let ticking = false;
const runTick = () => {
  if (ticking) return;
  ticking = true;
  tick(systemClock.now())
    .catch((err: unknown) => logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'tick failed'))
    .finally(() => {
      ticking = false;
    });
};
runTick();
const ticker = setInterval(runTick, 60_000);

process.on('unhandledRejection', (reason) => {
  logger.error({ err: { name: 'UnhandledRejection', message: String(reason) } }, 'unhandled rejection');
});

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  clearInterval(ticker);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
