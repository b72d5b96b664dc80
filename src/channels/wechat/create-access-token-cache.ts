import type { Clock } from '../../time/clock.js';
import { WechatApiError } from './wechat-api-error.js';

export interface IssuedToken {
  accessToken: string;
  /** Seconds, as the API says (7200 for both WeChat and WeCom). */
  expiresIn: number;
}

export interface AccessTokenCache {
  /** Runs `call` with a valid token; if the API says the token is stale, fetches a new one and retries once. */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>;
}

/** Taken as a sign the cached token is no longer valid: invalid (40001, 40014) or expired (42001). */
const STALE_TOKEN_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
/** Renew this long before the token expires, so a call never starts with a token about to lapse. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/**
 * One access token per app, fetched on first use, kept until five minutes before it expires, and fetched
 * once for all callers that need it at the same time (the token endpoints are rate-limited).
 */
export function createAccessTokenCache(fetchToken: () => Promise<IssuedToken>, clock: Clock): AccessTokenCache {
  let cached: { token: string; renewAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  const current = (): Promise<string> => {
    if (cached && clock.now().getTime() < cached.renewAt) return Promise.resolve(cached.token);
    fetching ??= fetchToken()
      .then(({ accessToken, expiresIn }) => {
        cached = { token: accessToken, renewAt: clock.now().getTime() + expiresIn * 1000 - RENEW_BEFORE_MS };
        return accessToken;
      })
      .finally(() => {
        fetching = undefined;
      });
    return fetching;
  };

  return {
    async withToken(call) {
      const token = await current();
      try {
        return await call(token);
      } catch (err) {
        if (!(err instanceof WechatApiError && err.errcode !== undefined && STALE_TOKEN_CODES.has(err.errcode))) throw err;
        if (cached?.token === token) cached = undefined;
        return call(await current());
      }
    },
  };
}
