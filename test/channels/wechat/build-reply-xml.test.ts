import { describe, expect, it } from 'vitest';
import { buildReplyXml } from '../../../src/channels/wechat/build-reply-xml.js';
import { parseWechatMessage } from '../../../src/channels/wechat/parse-wechat-message.js';

const reply = { toUserName: 'oResident123', fromUserName: 'gh_township', createTime: 1_732_780_801 };

describe('buildReplyXml', () => {
  it('writes the documented passive text reply', () => {
    expect(buildReplyXml({ ...reply, content: '你好' })).toBe(
      '<xml><ToUserName><![CDATA[oResident123]]></ToUserName><FromUserName><![CDATA[gh_township]]></FromUserName><CreateTime>1732780801</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>',
    );
  });

  it('round-trips content with markup, entities, CDATA terminators, emoji and newlines', () => {
    for (const content of [
      '依据《民法典》第1079条：\n1. 协议离婚；\n2. 诉讼离婚。',
      'a ]]> b ]]]]> c ]]',
      ']]>',
      '<xml><Content>注入</Content></xml> & &amp; &lt;',
      '欠薪 😡👨‍👩‍👧 12348',
    ]) {
      const parsed = parseWechatMessage(buildReplyXml({ ...reply, content }));
      expect(parsed).toMatchObject({ kind: 'text', ...reply, content });
    }
  });

  it('drops control characters XML cannot carry, keeping tabs and newlines', () => {
    const parsed = parseWechatMessage(buildReplyXml({ ...reply, content: 'a\u0000b\u0007c\td\ne' }));
    expect(parsed).toMatchObject({ content: 'abc\td\ne' });
  });

  it('refuses a CreateTime in milliseconds or with a fraction', () => {
    expect(() => buildReplyXml({ ...reply, createTime: 1_732_780_801_000, content: 'x' })).toThrow(RangeError);
    expect(() => buildReplyXml({ ...reply, createTime: 1_732_780_801.5, content: 'x' })).toThrow(RangeError);
  });
});
