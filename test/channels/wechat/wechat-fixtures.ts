import type { Clock } from '../../../src/time/clock.js';
import { OFFICIAL } from './official-vector.js';

/** A test Official Account; its EncodingAESKey is the official sample key. */
export const ACCOUNT_KEYS = {
  token: 'mingbai-test-token',
  appId: 'wx1234567890abcdef',
  appSecret: 'test-app-secret',
  encodingAesKey: OFFICIAL.encodingAesKey,
} as const;

export const WECOM_KEYS = {
  token: 'wecom-test-token',
  corpId: 'ww0123456789abcdef',
  agentId: '1000002',
  secret: 'wecom-test-secret',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
} as const;

/** The environment that connects the Official Account; without `safe`, it has no EncodingAESKey. */
export function officialAccountEnv(apiBase: string, options: { safe?: boolean } = {}): Record<string, string> {
  return {
    WECHAT_TOKEN: ACCOUNT_KEYS.token,
    WECHAT_APP_ID: ACCOUNT_KEYS.appId,
    WECHAT_APP_SECRET: ACCOUNT_KEYS.appSecret,
    ...(options.safe === false ? {} : { WECHAT_ENCODING_AES_KEY: ACCOUNT_KEYS.encodingAesKey }),
    WECHAT_API_BASE: apiBase,
  };
}

export function wecomEnv(apiBase: string, keys: { token: string; corpId: string; encodingAesKey: string } = WECOM_KEYS): Record<string, string> {
  return {
    WECOM_CORP_ID: keys.corpId,
    WECOM_AGENT_ID: WECOM_KEYS.agentId,
    WECOM_SECRET: WECOM_KEYS.secret,
    WECOM_TOKEN: keys.token,
    WECOM_ENCODING_AES_KEY: keys.encodingAesKey,
    WECOM_API_BASE: apiBase,
  };
}

/** A clock the test can move; starts on 2026-11-28 10:00 Beijing time. */
export function movableClock(start = new Date('2026-11-28T02:00:00Z')): Clock & { seconds(): number; advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    seconds: () => Math.floor(now / 1000),
    advance: (ms) => {
      now += ms;
    },
  };
}
