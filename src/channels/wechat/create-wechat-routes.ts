import { join } from 'node:path';
import type Router from '@koa/router';
import type { Config } from '../../config.js';
import type { ConsultationService } from '../../consultation/create-consultation-service.js';
import type { Pseudonymise } from '../../consultation/pseudonymise.js';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../time/clock.js';
import { createWecomClient } from '../wecom/create-wecom-client.js';
import { createWecomEndpoint } from '../wecom/create-wecom-endpoint.js';
import type { Fetch } from './call-wechat-api.js';
import { createOfficialAccountClient } from './create-official-account-client.js';
import { createOfficialAccountEndpoint } from './create-official-account-endpoint.js';
import { createWechatChannel, DEFAULT_REPLY_DEADLINE_MS } from './create-wechat-channel.js';
import { createWechatResponder } from './create-wechat-responder.js';
import { mountWechatWebhook } from './mount-wechat-webhook.js';
import { openWechatState } from './open-wechat-state.js';
import type { TextSender } from './text-sender.js';
import type { WebhookEndpoint } from './webhook-endpoint.js';

export interface WechatRouteDeps {
  consultations: ConsultationService;
  pseudonymise: Pseudonymise;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  /** How long a webhook waits for the reply before answering `success` and sending it through the API. */
  replyDeadlineMs?: number;
  fetch?: Fetch;
  /** Mediators' case commands sent from WeCom (`接单 TJ-…`); undefined for a text that is not one. */
  wecomCommands?: (userId: string, text: string) => Promise<string | undefined>;
}

export const WECHAT_STATE_FILE = 'wechat-state.json';

const OFFICIAL_ACCOUNT_VARIABLES = ['WECHAT_TOKEN', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'] as const;
const WECOM_VARIABLES = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const;

/**
 * The `/wechat` and `/wecom` webhooks, each only when its variables are all set (a partial set is
 * reported in the log). Both share one small state file in the data directory.
 */
export async function createWechatRoutes(config: Config, deps: WechatRouteDeps): Promise<((router: Router) => void)[]> {
  const officialAccount = readSettings(config, OFFICIAL_ACCOUNT_VARIABLES, 'WeChat Official Account', deps.logger);
  const wecom = readSettings(config, WECOM_VARIABLES, 'WeCom', deps.logger);
  if (!officialAccount && !wecom) return [];

  const state = await openWechatState(join(deps.dataDir, WECHAT_STATE_FILE), deps.clock);
  const { clock, logger } = deps;
  const fetch = deps.fetch ? { fetch: deps.fetch } : {};
  const mount = (channel: 'wechat' | 'wecom', endpoint: WebhookEndpoint, sender: TextSender, commands?: WechatRouteDeps['wecomCommands']) => {
    const respond = createWechatResponder({ channel, consultations: deps.consultations, township: config.TOWNSHIP_NAME, logger });
    const receiver = createWechatChannel({
      channel,
      respond,
      sender,
      state,
      pseudonymise: deps.pseudonymise,
      logger,
      clock,
      replyDeadlineMs: deps.replyDeadlineMs ?? DEFAULT_REPLY_DEADLINE_MS,
      ...(commands ? { commands } : {}),
    });
    return (router: Router) => mountWechatWebhook(router, { path: `/${channel}`, channel, endpoint, receiver, clock, logger });
  };

  const mounts: ((router: Router) => void)[] = [];
  if (officialAccount) {
    const { WECHAT_TOKEN: token, WECHAT_APP_ID: appId, WECHAT_APP_SECRET: appSecret } = officialAccount;
    const endpoint = createOfficialAccountEndpoint({ token, appId, encodingAesKey: config.WECHAT_ENCODING_AES_KEY, clock });
    mounts.push(mount('wechat', endpoint, createOfficialAccountClient({ apiBase: config.WECHAT_API_BASE, appId, appSecret, clock, ...fetch })));
  }
  if (wecom) {
    const { WECOM_CORP_ID: corpId, WECOM_AGENT_ID: agentId, WECOM_SECRET: secret } = wecom;
    const endpoint = createWecomEndpoint({ token: wecom.WECOM_TOKEN, corpId, encodingAesKey: wecom.WECOM_ENCODING_AES_KEY, clock });
    const client = createWecomClient({ apiBase: config.WECOM_API_BASE, corpId, agentId, secret, clock, ...fetch });
    mounts.push(mount('wecom', endpoint, client, deps.wecomCommands));
  }
  return mounts;
}

/** The named variables when all are set; a partial set is logged, since it is most likely a slip. */
function readSettings<K extends keyof Config>(config: Config, names: readonly K[], what: string, logger: Logger): Record<K, string> | undefined {
  const missing = names.filter((name) => typeof config[name] !== 'string');
  if (missing.length > 0) {
    if (missing.length < names.length) logger.warn({ missing }, `${what} is not connected: set the missing variables to mount its webhook`);
    return undefined;
  }
  return Object.fromEntries(names.map((name) => [name, String(config[name])])) as Record<K, string>;
}
