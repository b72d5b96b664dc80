import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import { callWechatApi, DEFAULT_API_TIMEOUT_MS, type Fetch } from '../wechat/call-wechat-api.js';
import { createAccessTokenCache } from '../wechat/create-access-token-cache.js';
import type { TextSender } from '../wechat/text-sender.js';
import { WechatApiError } from '../wechat/wechat-api-error.js';

export interface WecomClientOptions {
  apiBase: string;
  corpId: string;
  /** The self-built app's Secret: the token it gets can only send as that app. */
  secret: string;
  agentId: string;
  clock: Clock;
  fetch?: Fetch;
  timeoutMs?: number;
}

/** Sends WeCom app messages: late replies to staff now, notices to mediators later. */
export type WecomClient = TextSender;

const TokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const SentSchema = z.object({ errcode: z.literal(0), invaliduser: z.string().optional() });

/** WeCom's server API as Mingbai uses it: a text from the app to one member, by userid. */
export function createWecomClient(options: WecomClientOptions): WecomClient {
  const { apiBase: base, fetch = globalThis.fetch, timeoutMs = DEFAULT_API_TIMEOUT_MS } = options;
  const agentid = Number(options.agentId);
  const tokens = createAccessTokenCache(async () => {
    const query = { corpid: options.corpId, corpsecret: options.secret };
    const issued = await callWechatApi({ fetch, base, path: 'cgi-bin/gettoken', query, timeoutMs }, TokenSchema);
    return { accessToken: issued.access_token, expiresIn: issued.expires_in };
  }, options.clock);

  return {
    async sendText(userId, text) {
      const json = { touser: userId, msgtype: 'text', agentid, text: { content: text } };
      const sent = await tokens.withToken((token) =>
        callWechatApi({ fetch, base, path: 'cgi-bin/message/send', query: { access_token: token }, json, timeoutMs }, SentSchema),
      );
      // WeCom answers 0 even when the member is not in the app's visible range; it then names them here.
      if (sent.invaliduser) throw new WechatApiError(undefined, 'cgi-bin/message/send did not reach the member (invaliduser)');
    },
  };
}
