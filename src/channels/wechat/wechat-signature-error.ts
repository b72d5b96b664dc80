import { AppError } from '../../errors.js';

export type WechatSignatureReason = 'missing' | 'forged' | 'stale';

/** A webhook request that cannot be shown to come from WeChat or WeCom now: always a 401. */
export class WechatSignatureError extends AppError {
  override readonly name = 'WechatSignatureError';
  constructor(
    readonly reason: WechatSignatureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(401, `wechat_signature_${reason}`, message, options);
  }
}
