import * as wecom from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { createWechatCipher } from '../../../src/channels/wechat/wechat-cipher.js';
import { parseWechatEnvelope } from '../../../src/channels/wechat/parse-wechat-envelope.js';
import { parseWechatMessage } from '../../../src/channels/wechat/parse-wechat-message.js';
import { verifySignature } from '../../../src/channels/wechat/verify-signature.js';
import { WechatXmlError } from '../../../src/channels/wechat/wechat-xml-error.js';
import { OFFICIAL } from './official-vector.js';

describe('parseWechatEnvelope', () => {
  it('reads an Official Account safe-mode envelope', () => {
    const envelope = parseWechatEnvelope('<xml><ToUserName><![CDATA[gh_township]]></ToUserName><Encrypt><![CDATA[AAAA]]></Encrypt></xml>');
    expect(envelope).toEqual({ toUserName: 'gh_township', encrypt: 'AAAA', agentId: undefined });
  });

  it('reads a WeCom envelope with its AgentID', () => {
    const envelope = parseWechatEnvelope(
      '<xml><ToUserName><![CDATA[ww1234]]></ToUserName><Encrypt><![CDATA[AAAA]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>',
    );
    expect(envelope).toEqual({ toUserName: 'ww1234', encrypt: 'AAAA', agentId: '1000002' });
  });

  it('reads a compatible-mode body, which carries the plaintext fields too', () => {
    const envelope = parseWechatEnvelope(
      '<xml><ToUserName>gh_township</ToUserName><FromUserName>o1</FromUserName><MsgType>text</MsgType><Content>hi</Content><Encrypt>AAAA</Encrypt></xml>',
    );
    expect(envelope.encrypt).toBe('AAAA');
  });

  it('refuses an envelope without Encrypt', () => {
    expect(() => parseWechatEnvelope('<xml><ToUserName>gh_township</ToUserName><Encrypt></Encrypt></xml>')).toThrow(
      expect.objectContaining({ name: 'WechatXmlError', reason: 'schema' }),
    );
  });

  it('refuses a DOCTYPE in the envelope', () => {
    expect(() => parseWechatEnvelope('<!DOCTYPE xml><xml><Encrypt>AAAA</Encrypt></xml>')).toThrow(WechatXmlError);
  });

  it('opens a safe-mode message sealed by an independent implementation', () => {
    const inner =
      '<xml><ToUserName><![CDATA[gh_township]]></ToUserName><FromUserName><![CDATA[oResident123]]></FromUserName><CreateTime>1732780800</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[土地承包合同到期了怎么办？]]></Content><MsgId>24000000000000000123</MsgId></xml>';
    const encrypt = wecom.encrypt(OFFICIAL.encodingAesKey, inner, OFFICIAL.receiveId);
    const timestamp = '1732780800';
    const nonce = '1320562132';
    const signature = wecom.getSignature(OFFICIAL.token, timestamp, nonce, encrypt);
    const body = `<xml><ToUserName><![CDATA[gh_township]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;

    const envelope = parseWechatEnvelope(body);
    expect(verifySignature({ token: OFFICIAL.token, timestamp, nonce, encrypt: envelope.encrypt, signature })).toBe(true);
    const cipher = createWechatCipher({ encodingAesKey: OFFICIAL.encodingAesKey, receiveId: OFFICIAL.receiveId });
    expect(parseWechatMessage(cipher.decrypt(envelope.encrypt))).toMatchObject({
      kind: 'text',
      content: '土地承包合同到期了怎么办？',
      msgId: '24000000000000000123',
    });
  });
});
