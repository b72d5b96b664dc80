import { AppError } from '../../errors.js';

export type WechatCryptoReason =
  | 'invalid_key'
  | 'invalid_random'
  | 'malformed_ciphertext'
  | 'bad_padding'
  | 'bad_length'
  | 'bad_encoding'
  | 'receive_id_mismatch'
  /** Encrypted traffic for an account configured without an EncodingAESKey. */
  | 'unexpected_encryption';

/** Our own configuration or call is wrong, not the request: never shown to the caller. */
const SERVER_SIDE: ReadonlySet<WechatCryptoReason> = new Set(['invalid_key', 'invalid_random']);

/**
 * WeChat safe-mode encryption could not be done or undone. `reason` says which check failed; a
 * request-side failure is a 400, a configuration failure a 500.
 */
export class WechatCryptoError extends AppError {
  override readonly name = 'WechatCryptoError';
  constructor(
    readonly reason: WechatCryptoReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(SERVER_SIDE.has(reason) ? 500 : 400, `wechat_${reason}`, message, options);
  }
}
