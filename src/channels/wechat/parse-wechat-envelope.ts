import { z } from 'zod';
import { parseWechatXml } from './parse-wechat-xml.js';
import { WechatEnvelopeSchema, type WechatEnvelope } from './wechat-envelope.js';
import { WechatXmlError } from './wechat-xml-error.js';

/** The `Encrypt` envelope of a safe-mode body, with the same refusals as `parseWechatMessage`. */
export function parseWechatEnvelope(xml: string): WechatEnvelope {
  const result = WechatEnvelopeSchema.safeParse(parseWechatXml(xml));
  if (!result.success) {
    throw new WechatXmlError('schema', `WeChat envelope is incomplete:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}
