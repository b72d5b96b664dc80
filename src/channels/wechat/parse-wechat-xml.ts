import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WechatXmlError } from './wechat-xml-error.js';

/** Far above any real WeChat message (a text tops out near 2 KB of content); anything bigger is refused unread. */
export const MAX_WECHAT_XML_BYTES = 64 * 1024;

/** Entity and DOCTYPE declarations have no place in WeChat traffic; their only use to a sender is an attack. */
const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  // Values stay strings: MsgId is 64-bit and would lose digits as a number.
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * The children of the `<xml>` root of a WeChat body, every leaf a string. Refuses bodies that are too
 * large, declare a DOCTYPE or entity (even inside CDATA: no resident needs to type one), or are not
 * well-formed XML with a single `<xml>` root. Entities are never expanded, so `&amp;` outside CDATA stays as is.
 */
export function parseWechatXml(xml: string): Record<string, unknown> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > MAX_WECHAT_XML_BYTES) {
    throw new WechatXmlError('too_large', `XML body is ${bytes} bytes; the limit is ${MAX_WECHAT_XML_BYTES}`);
  }
  if (DECLARATION.test(xml)) {
    throw new WechatXmlError('doctype', 'XML body declares a DOCTYPE or entity');
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new WechatXmlError('malformed', `XML body is malformed at ${line}:${col}: ${msg}`);
  }
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (cause) {
    // fast-xml-parser refuses names such as __proto__ by throwing.
    throw new WechatXmlError('malformed', 'XML body could not be parsed', { cause });
  }
  const root = isRecord(document) ? document['xml'] : undefined;
  if (!isRecord(root)) {
    throw new WechatXmlError('malformed', 'XML body must have a single <xml> root with child elements');
  }
  return root;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
