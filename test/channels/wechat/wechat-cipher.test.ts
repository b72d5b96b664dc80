import { createCipheriv } from 'node:crypto';
import * as wecom from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { restoreEchostr } from '../../../src/channels/wechat/restore-echostr.js';
import { verifySignature } from '../../../src/channels/wechat/verify-signature.js';
import { createWechatCipher } from '../../../src/channels/wechat/wechat-cipher.js';
import { WechatCryptoError } from '../../../src/channels/wechat/wechat-crypto-error.js';
import { OFFICIAL } from './official-vector.js';

const cipher = createWechatCipher({ encodingAesKey: OFFICIAL.encodingAesKey, receiveId: OFFICIAL.receiveId });
const key = Buffer.from(`${OFFICIAL.encodingAesKey}=`, 'base64');

/** AES-256-CBC over exactly these bytes, so a test can hand our decrypt any plaintext layout it likes. */
function encryptRaw(plaintext: Buffer): string {
  const aes = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([aes.update(plaintext), aes.final()]).toString('base64');
}

function layout(message: Buffer, id: string, lengthField = message.length): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(lengthField, 0);
  return Buffer.concat([Buffer.alloc(16, 7), length, message, Buffer.from(id)]);
}

function padTo32(data: Buffer): Buffer {
  const count = 32 - (data.length % 32);
  return Buffer.concat([data, Buffer.alloc(count, count)]);
}

function cryptoReason(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WechatCryptoError);
    return (err as WechatCryptoError).reason;
  }
  throw new Error('expected a WechatCryptoError');
}

/** Messages whose padded length lands on every pad count from 1 to 32, plus multibyte text. */
const MESSAGES = [
  ...Array.from({ length: 33 }, (_, n) => 'x'.repeat(n)),
  '<xml><Content><![CDATA[我家宅基地被邻居占了，怎么办？]]></Content></xml>',
  '欠薪三个月 😡 老板不给',
];

describe('createWechatCipher', () => {
  it('decrypts the official echostr to its message', () => {
    expect(cipher.decrypt(OFFICIAL.echostr)).toBe(OFFICIAL.message);
  });

  it('verifies and decrypts the official echostr after a + arrived as a space', () => {
    const mangled = OFFICIAL.echostr.replaceAll('+', ' ');
    expect(mangled).toContain(' ');
    const echostr = restoreEchostr(mangled);
    const { token, timestamp, nonce, msgSignature } = OFFICIAL;
    expect(verifySignature({ token, timestamp, nonce, encrypt: echostr, signature: msgSignature })).toBe(true);
    expect(cipher.decrypt(echostr)).toBe(OFFICIAL.message);
  });

  it('reproduces the official echostr from its message and random prefix', () => {
    const { random } = wecom.decrypt(OFFICIAL.encodingAesKey, OFFICIAL.echostr);
    expect(cipher.encrypt(OFFICIAL.message, random)).toBe(OFFICIAL.echostr);
  });

  it('encrypts what @wecom/crypto decrypts, for every pad length and multibyte text', () => {
    for (const message of MESSAGES) {
      const decrypted = wecom.decrypt(OFFICIAL.encodingAesKey, cipher.encrypt(message));
      expect(decrypted).toMatchObject({ message, id: OFFICIAL.receiveId });
    }
  });

  it('decrypts what @wecom/crypto encrypts, for every pad length and multibyte text', () => {
    for (const message of MESSAGES) {
      expect(cipher.decrypt(wecom.encrypt(OFFICIAL.encodingAesKey, message, OFFICIAL.receiveId))).toBe(message);
    }
  });

  it('uses a fresh random prefix each time it is not given one', () => {
    expect(cipher.encrypt('同一句话')).not.toBe(cipher.encrypt('同一句话'));
  });

  it('rejects a message encrypted for another appid or corpid', () => {
    const other = createWechatCipher({ encodingAesKey: OFFICIAL.encodingAesKey, receiveId: 'wx0000000000000000' });
    expect(cryptoReason(() => other.decrypt(OFFICIAL.echostr))).toBe('receive_id_mismatch');
    const prefixOfOurs = createWechatCipher({ encodingAesKey: OFFICIAL.encodingAesKey, receiveId: 'wx5823bf96d3bd56c' });
    expect(cryptoReason(() => prefixOfOurs.decrypt(OFFICIAL.echostr))).toBe('receive_id_mismatch');
  });

  it('rejects a tampered ciphertext with a typed error', () => {
    const bytes = Buffer.from(OFFICIAL.echostr, 'base64');
    for (const position of [0, 20, bytes.length - 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[position] = (tampered[position] ?? 0) ^ 0x5a;
      expect(() => cipher.decrypt(tampered.toString('base64'))).toThrow(WechatCryptoError);
    }
  });

  it('rejects a ciphertext encrypted under another key', () => {
    const otherKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(() => cipher.decrypt(wecom.encrypt(otherKey, 'hello', OFFICIAL.receiveId))).toThrow(WechatCryptoError);
  });

  it('rejects padding that is zero, longer than 32, or uneven', () => {
    const body = layout(Buffer.from('hello'), OFFICIAL.receiveId);
    const fill = 64 - body.length;
    const zeroPad = Buffer.concat([body, Buffer.alloc(fill, 0)]);
    const longPad = Buffer.concat([body, Buffer.alloc(fill, 33)]);
    const unevenPad = Buffer.concat([body, Buffer.alloc(fill - 1, fill), Buffer.from([fill])]);
    unevenPad[body.length] = fill - 1;
    for (const plaintext of [zeroPad, longPad, unevenPad]) {
      expect(cryptoReason(() => cipher.decrypt(encryptRaw(plaintext)))).toBe('bad_padding');
    }
  });

  it('rejects a length field that points past the plaintext', () => {
    const plaintext = padTo32(layout(Buffer.from('hello'), OFFICIAL.receiveId, 4096));
    expect(cryptoReason(() => cipher.decrypt(encryptRaw(plaintext)))).toBe('bad_length');
    const tooShort = padTo32(Buffer.alloc(10, 1));
    expect(cryptoReason(() => cipher.decrypt(encryptRaw(tooShort)))).toBe('bad_length');
  });

  it('rejects a message that is not UTF-8', () => {
    const plaintext = padTo32(layout(Buffer.from([0xe6, 0x98]), OFFICIAL.receiveId));
    expect(cryptoReason(() => cipher.decrypt(encryptRaw(plaintext)))).toBe('bad_encoding');
  });

  it('rejects ciphertext that is not base64 or not whole AES blocks', () => {
    for (const text of ['', 'not base64!', OFFICIAL.echostr.replaceAll('+', ' '), 'AAAAAAAA']) {
      expect(cryptoReason(() => cipher.decrypt(text))).toBe('malformed_ciphertext');
    }
  });

  it('refuses an EncodingAESKey that is not 43 base64 characters', () => {
    for (const encodingAesKey of [
      OFFICIAL.encodingAesKey.slice(0, 42),
      `${OFFICIAL.encodingAesKey}A`,
      `${OFFICIAL.encodingAesKey}=`,
      `${OFFICIAL.encodingAesKey.slice(0, 42)}!`,
      '',
    ]) {
      expect(cryptoReason(() => createWechatCipher({ encodingAesKey, receiveId: OFFICIAL.receiveId }))).toBe('invalid_key');
    }
  });

  it('refuses a random prefix that is not 16 bytes', () => {
    expect(cryptoReason(() => cipher.encrypt('hi', Buffer.alloc(15)))).toBe('invalid_random');
  });

  it('marks request-side failures as 400 and configuration failures as 500', () => {
    const requestSide = new WechatCryptoError('bad_padding', 'x');
    const serverSide = new WechatCryptoError('invalid_key', 'x');
    expect([requestSide.name, requestSide.status, requestSide.expose]).toEqual(['WechatCryptoError', 400, true]);
    expect([serverSide.status, serverSide.expose]).toEqual([500, false]);
  });
});
