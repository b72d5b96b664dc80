import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { AppError, PayloadTooLargeError } from '../../errors.js';
import { errorFields } from '../../http/handle-errors.js';
import { readRawBody } from '../../http/read-json-body.js';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../time/clock.js';
import { toUnixSeconds } from './assert-signed.js';
import { buildReplyXml } from './build-reply-xml.js';
import type { WechatChannel } from './create-wechat-channel.js';
import { parseWechatMessage } from './parse-wechat-message.js';
import { MAX_WECHAT_XML_BYTES } from './parse-wechat-xml.js';
import type { WechatInbound } from './wechat-inbound.js';
import { APOLOGY_TEXT } from './wechat-texts.js';
import { WechatXmlError } from './wechat-xml-error.js';
import type { OpenedMessage, WebhookEndpoint } from './webhook-endpoint.js';

export interface WechatWebhookOptions {
  path: '/wechat' | '/wecom';
  channel: 'wechat' | 'wecom';
  endpoint: WebhookEndpoint;
  receiver: WechatChannel;
  clock: Clock;
  logger: Logger;
}

/**
 * GET (server URL check) and POST (pushed messages) for one account. A request that is not WeChat's
 * gets 401 and a body we cannot read 400, both through the app's error middleware. Past those checks
 * the answer is always 200: a reply, `success`, or after an internal failure a short apology (logged).
 */
export function mountWechatWebhook(router: Router, options: WechatWebhookOptions): void {
  const { path, endpoint } = options;
  const guard = neverFailInternally(options);
  const logFailure = logOnce(options);

  router.get(path, guard, (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = endpoint.verify(ctx.query);
  });

  router.post(path, guard, async (ctx) => {
    const opened = endpoint.open(ctx.query, await readXmlBody(ctx));
    const inbound = parseWechatMessage(opened.xml);
    const body = await answer(options, inbound, opened, logFailure);
    ctx.type = body === 'success' ? 'text/plain' : 'application/xml';
    ctx.body = body;
  });
}

async function answer(
  options: WechatWebhookOptions,
  inbound: WechatInbound,
  opened: OpenedMessage,
  logFailure: (err: unknown, inbound: WechatInbound) => void,
): Promise<string> {
  const seal = (content: string) =>
    opened.seal(
      buildReplyXml({
        toUserName: inbound.fromUserName,
        fromUserName: inbound.toUserName,
        createTime: toUnixSeconds(options.clock.now()),
        content,
      }),
    );
  try {
    const reply = await options.receiver.receive(inbound);
    return reply === null ? 'success' : seal(reply);
  } catch (err) {
    logFailure(err, inbound);
    try {
      return seal(APOLOGY_TEXT);
    } catch {
      return 'success';
    }
  }
}

/** Logs a failed message once, although WeChat's retries that waited on the same work all see its error. */
function logOnce({ channel, logger }: WechatWebhookOptions): (err: unknown, inbound: WechatInbound) => void {
  const logged = new WeakSet<object>();
  return (err, inbound) => {
    const seen = typeof err === 'object' && err !== null ? err : undefined;
    if (seen && logged.has(seen)) return;
    if (seen) logged.add(seen);
    logger.error({ channel, kind: inbound.kind, err: errorFields(err) }, 'message failed; answered with an apology');
  };
}

/**
 * Refusals (401, 400) go on to the app's error middleware; anything else is our fault, which WeChat would
 * only retry into the same failure: it is logged once and answered `success`.
 */
function neverFailInternally({ channel, logger }: WechatWebhookOptions): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof AppError && err.expose) throw err;
      logger.error({ channel, method: ctx.method, err: errorFields(err) }, 'webhook failed; answered success');
      ctx.status = 200;
      ctx.type = 'text/plain';
      ctx.body = 'success';
    }
  };
}

async function readXmlBody(ctx: Context): Promise<string> {
  try {
    return (await readRawBody(ctx, MAX_WECHAT_XML_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof PayloadTooLargeError) {
      throw new WechatXmlError('too_large', `XML body is larger than ${MAX_WECHAT_XML_BYTES} bytes`, { cause: err });
    }
    throw err;
  }
}
