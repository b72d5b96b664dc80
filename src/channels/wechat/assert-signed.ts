import { z } from 'zod';
import { verifySignature } from './verify-signature.js';
import { WechatSignatureError } from './wechat-signature-error.js';

/** How far a request's timestamp may be from our clock: WeChat's own retries all fall within 15 s. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** The query parameters every signed request carries; the signature itself is named per mode. */
export const SignedQuerySchema = z.object({
  timestamp: z.string().regex(/^\d{1,10}$/),
  nonce: z.string().min(1).max(128),
});

/** Parses the query of a webhook request; anything missing or repeated means it was not signed by WeChat. */
export function parseSignedQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new WechatSignatureError('missing', `signed query parameters are missing or malformed: ${fields}`, { cause: result.error });
  }
  return result.data;
}

export interface SignedParts {
  token: string;
  timestamp: string;
  nonce: string;
  /** The `Encrypt` value or WeCom's echostr, for `msg_signature`; absent for plaintext `signature`. */
  encrypt?: string;
  signature: string;
}

/** Throws unless the signature matches and the timestamp is within five minutes of `now` (Unix seconds). */
export function assertSigned(parts: SignedParts, now: number): void {
  if (!verifySignature(parts)) throw new WechatSignatureError('forged', 'signature does not match');
  const skew = Math.abs(now - Number(parts.timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    throw new WechatSignatureError('stale', `timestamp is ${skew} s away from our clock; the limit is ${MAX_CLOCK_SKEW_SECONDS} s`);
  }
}

/** Whole Unix seconds of a date: WeChat counts in seconds everywhere. */
export function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
