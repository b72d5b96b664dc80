import * as wecom from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { buildEncryptedReplyXml } from '../../../src/channels/wechat/build-encrypted-reply-xml.js';
import { buildReplyXml } from '../../../src/channels/wechat/build-reply-xml.js';
import { computeSignature } from '../../../src/channels/wechat/compute-signature.js';
import { parseWechatXml } from '../../../src/channels/wechat/parse-wechat-xml.js';
import { createWechatCipher } from '../../../src/channels/wechat/wechat-cipher.js';
import { OFFICIAL } from './official-vector.js';

describe('buildEncryptedReplyXml', () => {
  it('writes Encrypt, MsgSignature, TimeStamp in seconds and Nonce', () => {
    const xml = buildEncryptedReplyXml({ encrypt: 'QUJD', msgSignature: 'f'.repeat(40), timestamp: 1_732_780_801, nonce: '42' });
    expect(xml).toBe(
      `<xml><Encrypt><![CDATA[QUJD]]></Encrypt><MsgSignature><![CDATA[${'f'.repeat(40)}]]></MsgSignature><TimeStamp>1732780801</TimeStamp><Nonce><![CDATA[42]]></Nonce></xml>`,
    );
  });

  it('carries a reply that an independent implementation verifies and decrypts', () => {
    const cipher = createWechatCipher({ encodingAesKey: OFFICIAL.encodingAesKey, receiveId: OFFICIAL.receiveId });
    const inner = buildReplyXml({ toUserName: 'oResident123', fromUserName: 'gh_township', createTime: 1_732_780_801, content: '可拨打12348法律援助热线。' });
    const timestamp = 1_732_780_801;
    const nonce = '1597212914';
    const encrypt = cipher.encrypt(inner);
    const msgSignature = computeSignature({ token: OFFICIAL.token, timestamp: String(timestamp), nonce, encrypt });

    const fields = parseWechatXml(buildEncryptedReplyXml({ encrypt, msgSignature, timestamp, nonce }));
    expect(fields).toEqual({ Encrypt: encrypt, MsgSignature: msgSignature, TimeStamp: '1732780801', Nonce: nonce });
    expect(wecom.getSignature(OFFICIAL.token, '1732780801', nonce, encrypt)).toBe(msgSignature);
    expect(wecom.decrypt(OFFICIAL.encodingAesKey, encrypt)).toMatchObject({ message: inner, id: OFFICIAL.receiveId });
  });

  it('refuses a timestamp in milliseconds', () => {
    expect(() => buildEncryptedReplyXml({ encrypt: 'QUJD', msgSignature: 'x', timestamp: Date.UTC(2024, 10, 28), nonce: '1' })).toThrow(RangeError);
  });
});
