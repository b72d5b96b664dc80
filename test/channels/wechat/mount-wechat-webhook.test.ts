import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import Router from '@koa/router';
import Koa from 'koa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountWechatWebhook } from '../../../src/channels/wechat/mount-wechat-webhook.js';
import { WechatSignatureError } from '../../../src/channels/wechat/wechat-signature-error.js';
import { handleErrors } from '../../../src/http/handle-errors.js';
import { createLogger } from '../../../src/logger.js';
import { systemClock } from '../../../src/time/clock.js';

let url: string;
let lines: string[];
let close: () => Promise<void>;

/** The webhook over an endpoint that fails the way `failure` says, behind the app's error middleware. */
async function serve(failure: () => never): Promise<void> {
  lines = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const router = new Router();
  mountWechatWebhook(router, {
    path: '/wechat',
    channel: 'wechat',
    endpoint: { verify: failure, open: failure },
    receiver: { receive: async () => '不会到这里' },
    clock: systemClock,
    logger,
  });
  const app = new Koa();
  app.use(handleErrors(logger));
  app.use(router.routes());
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
}

afterEach(() => close());

describe('mountWechatWebhook', () => {
  describe('when something of ours breaks before the message is read', () => {
    beforeEach(() =>
      serve(() => {
        throw new TypeError('cannot read properties of undefined');
      }),
    );

    it('answers 200 success instead of a 500, and logs it once', async () => {
      for (const init of [{ method: 'GET' }, { method: 'POST', body: '<xml/>' }]) {
        const res = await fetch(url, init);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('success');
      }
      const failures = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'webhook failed; answered success');
      expect(failures.map((f) => [f.method, f.err.name])).toEqual([
        ['GET', 'TypeError'],
        ['POST', 'TypeError'],
      ]);
    });
  });

  describe('when the request is refused', () => {
    beforeEach(() =>
      serve(() => {
        throw new WechatSignatureError('forged', 'signature does not match');
      }),
    );

    it('lets the refusal through as a 401', async () => {
      expect((await fetch(url, { method: 'POST', body: '<xml/>' })).status).toBe(401);
    });
  });
});
