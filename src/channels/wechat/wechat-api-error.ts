import { AppError } from '../../errors.js';

/**
 * A call to the WeChat or WeCom server API failed: `errcode` is WeChat's code when it answered with one
 * (40001 stale token, 45015 reply window passed…), undefined when it could not be reached or answered
 * something unexpected. Internal: never shown to a resident.
 */
export class WechatApiError extends AppError {
  override readonly name = 'WechatApiError';
  constructor(
    readonly errcode: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(502, 'wechat_api_error', message, options);
  }
}
