import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { assemble, type Assembled } from '../../src/assemble.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { Clock } from '../../src/time/clock.js';

export interface RunningApp extends Assembled {
  url: string;
  logLines: () => string[];
  close: () => Promise<void>;
  post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;
}

/** Assembles the real app over `dataDir` and serves it on a loopback port; logs are captured in memory. */
export async function startApp(
  dataDir: string,
  options: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<RunningApp> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...options.env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const assembled = await assemble(config, { clock: options.clock ?? { now: () => new Date() }, logger: createLogger('info', sink) });
  const server = assembled.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...assembled,
    url,
    logLines: () => lines.slice(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
    post: (path, body, headers = {}) =>
      fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
