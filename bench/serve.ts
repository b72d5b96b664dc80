/**
 * A server process for the benchmark: `mingbai` (the real app over DATA_DIR) or `bare` (a Koa route that
 * answers the same JSON shape with no work), on a loopback port it prints as `PORT <n>`.
 */
import Koa from 'koa';
import Router from '@koa/router';
import { assemble } from '../src/assemble.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { systemClock } from '../src/time/clock.js';

const kind = process.argv[2];
let app: Koa;
let report = () => {};
if (kind === 'bare') {
  app = new Koa();
  const router = new Router();
  router.post('/api/messages', (ctx) => {
    ctx.body = { consultationId: 'x', reply: 'ok', category: 'other', confidence: 0, dispute: false, urgent: false, answerId: null };
  });
  app.use(router.routes());
} else {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const assembled = await assemble(config, { clock: systemClock, logger: createLogger('silent') });
  app = assembled.app;
  // Group commit at work: how many records each disk write carried.
  report = () => console.error(`COMMITS ${JSON.stringify(assembled.log.stats())}`);
}
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`PORT ${address.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => (report(), process.exit(0))));
