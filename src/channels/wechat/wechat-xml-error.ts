import { AppError } from '../../errors.js';

export type WechatXmlReason = 'too_large' | 'doctype' | 'malformed' | 'schema';

/** A WeChat XML body we refuse to read. Always the sender's fault: a 400, size included, as issue 5 asks. */
export class WechatXmlError extends AppError {
  override readonly name = 'WechatXmlError';
  constructor(
    readonly reason: WechatXmlReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(400, `wechat_xml_${reason}`, message, options);
  }
}
