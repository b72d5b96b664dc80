import { describe, expect, it } from 'vitest';
import { MAX_WECHAT_XML_BYTES, parseWechatXml } from '../../../src/channels/wechat/parse-wechat-xml.js';
import { WechatXmlError } from '../../../src/channels/wechat/wechat-xml-error.js';

function xmlReason(xml: string): string {
  try {
    parseWechatXml(xml);
  } catch (err) {
    expect(err).toBeInstanceOf(WechatXmlError);
    return (err as WechatXmlError).reason;
  }
  throw new Error('expected a WechatXmlError');
}

describe('parseWechatXml', () => {
  it('keeps every value a string, including a MsgId beyond 2^53', () => {
    const fields = parseWechatXml(
      '<xml><CreateTime>1348831860</CreateTime><MsgId>9223372036854775807</MsgId><Scale>020</Scale></xml>',
    );
    expect(fields).toEqual({ CreateTime: '1348831860', MsgId: '9223372036854775807', Scale: '020' });
  });

  it('keeps CDATA verbatim: markup, ampersands and surrounding spaces', () => {
    const fields = parseWechatXml('<xml><Content><![CDATA[  a < b & c &amp; d ]]></Content></xml>');
    expect(fields['Content']).toBe('  a < b & c &amp; d ');
  });

  it('does not expand entity references outside CDATA', () => {
    expect(parseWechatXml('<xml><A>x &amp; y</A></xml>')['A']).toBe('x &amp; y');
  });

  it('accepts an XML declaration and ignores attributes', () => {
    const fields = parseWechatXml('<?xml version="1.0" encoding="utf-8"?><xml><A id="1">v</A></xml>');
    expect(fields).toEqual({ A: 'v' });
  });

  it('rejects an external-entity DOCTYPE', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>';
    expect(xmlReason(xxe)).toBe('doctype');
  });

  it('rejects a billion-laughs entity bomb', () => {
    const bomb = `<!DOCTYPE xml [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">`).join('')}]><xml><C>&bbbbbbbbb;</C></xml>`;
    expect(xmlReason(bomb)).toBe('doctype');
  });

  it('rejects a DOCTYPE or ENTITY whatever its case or position', () => {
    expect(xmlReason('<!doctype xml><xml><A>1</A></xml>')).toBe('doctype');
    expect(xmlReason('<xml><A><![CDATA[<!ENTITY x "y">]]></A></xml>')).toBe('doctype');
  });

  it('rejects a body over 64 KB, counting UTF-8 bytes rather than characters', () => {
    const wrap = (content: string) => `<xml><Content><![CDATA[${content}]]></Content></xml>`;
    const overhead = Buffer.byteLength(wrap(''));
    expect(() => parseWechatXml(wrap('a'.repeat(MAX_WECHAT_XML_BYTES - overhead)))).not.toThrow();
    expect(xmlReason(wrap('a'.repeat(MAX_WECHAT_XML_BYTES - overhead + 1)))).toBe('too_large');
    // 22,000 characters but 66,000 bytes.
    expect(xmlReason(wrap('法'.repeat(22_000)))).toBe('too_large');
  });

  it('rejects malformed XML', () => {
    for (const xml of [
      '',
      'success',
      '<xml><A>1</A>',
      '<xml><A>1</xml>',
      '<xml><A>1</A></xml>trailing',
      '<xml></xml><xml></xml>',
      '<xml><A><![CDATA[open</A></xml>',
    ]) {
      expect(xmlReason(xml), xml).toBe('malformed');
    }
  });

  it('rejects a body whose root is not <xml> or has no child elements', () => {
    expect(xmlReason('<message><A>1</A></message>')).toBe('malformed');
    expect(xmlReason('<xml>just text</xml>')).toBe('malformed');
    expect(xmlReason('<xml/>')).toBe('malformed');
  });

  it('rejects element names that would pollute prototypes', () => {
    expect(xmlReason('<xml><__proto__><A>1</A></__proto__></xml>')).toBe('malformed');
  });

  it('is a 400 the client may see, whatever the reason', () => {
    for (const reason of ['too_large', 'doctype', 'malformed', 'schema'] as const) {
      expect(new WechatXmlError(reason, 'x')).toMatchObject({ name: 'WechatXmlError', status: 400, expose: true });
    }
  });
});
