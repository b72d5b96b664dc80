import { access, constants } from 'node:fs/promises';
import type Router from '@koa/router';
import { UnavailableError } from '../errors.js';

/** `GET /healthz`: 200 while the data directory can be written, 503 otherwise. */
export function mountHealthRoute(router: Router, dataDir: string): void {
  router.get('/healthz', async (ctx) => {
    try {
      await access(dataDir, constants.W_OK);
    } catch (cause) {
      throw new UnavailableError('the data store is not writable', { cause });
    }
    ctx.body = { status: 'ok' };
  });
}
