import { z } from 'zod';
import { parseWechatXml } from './parse-wechat-xml.js';
import {
  KNOWN_MSG_TYPES,
  KnownWechatInboundSchema,
  UnknownWechatInboundSchema,
  type WechatInbound,
} from './wechat-inbound.js';
import { WechatXmlError } from './wechat-xml-error.js';

/**
 * A plaintext message body (or the decrypted `Encrypt` of a safe-mode one) as a domain message.
 * Throws `WechatXmlError`: `too_large`, `doctype`, `malformed`, or `schema` when fields are missing.
 */
export function parseWechatMessage(xml: string): WechatInbound {
  const fields = parseWechatXml(xml);
  const msgType = fields['MsgType'];
  const schema =
    typeof msgType === 'string' && KNOWN_MSG_TYPES.has(msgType) ? KnownWechatInboundSchema : UnknownWechatInboundSchema;
  const result = schema.safeParse(fields);
  if (!result.success) {
    throw new WechatXmlError('schema', `WeChat message does not fit its type:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
