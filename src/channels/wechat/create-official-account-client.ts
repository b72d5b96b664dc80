import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import { callWechatApi, DEFAULT_API_TIMEOUT_MS, type Fetch } from './call-wechat-api.js';
import { createAccessTokenCache } from './create-access-token-cache.js';
import type { TextSender } from './text-sender.js';

export interface OfficialAccountClientOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  clock: Clock;
  fetch?: Fetch;
  timeoutMs?: number;
}

const TokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const SentSchema = z.object({ errcode: z.literal(0) });

/**
 * The Official Account's server API as Mingbai uses it: customer-service text messages (allowed for 48 h
 * after the resident's last message), with the token from `stable_token`, which, unlike the old
 * `token` endpoint, does not invalidate the token another server of the same account holds.
 */
export function createOfficialAccountClient(options: OfficialAccountClientOptions): TextSender {
  const { apiBase: base, fetch = globalThis.fetch, timeoutMs = DEFAULT_API_TIMEOUT_MS } = options;
  const tokens = createAccessTokenCache(async () => {
    const json = { grant_type: 'client_credential', appid: options.appId, secret: options.appSecret };
    const issued = await callWechatApi({ fetch, base, path: 'cgi-bin/stable_token', json, timeoutMs }, TokenSchema);
    return { accessToken: issued.access_token, expiresIn: issued.expires_in };
  }, options.clock);

  return {
    async sendText(userId, text) {
      const json = { touser: userId, msgtype: 'text', text: { content: text } };
      await tokens.withToken((token) =>
        callWechatApi({ fetch, base, path: 'cgi-bin/message/custom/send', query: { access_token: token }, json, timeoutMs }, SentSchema),
      );
    },
  };
}
