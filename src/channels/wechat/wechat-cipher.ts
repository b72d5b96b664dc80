import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WechatCryptoError } from './wechat-crypto-error.js';

export interface WechatCipherOptions {
  /** The 43-character EncodingAESKey from the account's server settings. */
  encodingAesKey: string;
  /** The Official Account's appid or the WeCom corpid: appended to every plaintext and checked on the way in. */
  receiveId: string;
}

export interface WechatCipher {
  /** Base64 ciphertext of `plaintext`; `random16` fixes the 16 leading random bytes (tests only). */
  encrypt(plaintext: string, random16?: Buffer): string;
  /** The message inside a base64 ciphertext, after checking its padding, length field and receive id. */
  decrypt(ciphertext: string): string;
}

const KEY_PATTERN = /^[A-Za-z0-9+/]{43}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})+$|^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/;
/** WeChat pads to 32-byte blocks, not AES's 16, so Node's own padding is switched off. */
const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const HEADER_BYTES = RANDOM_BYTES + 4;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** AES-256-CBC as WeChat's safe mode and WeCom callbacks use it. Fails at creation on a malformed key. */
export function createWechatCipher({ encodingAesKey, receiveId }: WechatCipherOptions): WechatCipher {
  const key = toKey(encodingAesKey);
  const iv = key.subarray(0, 16);
  const ownId = Buffer.from(receiveId, 'utf8');

  return {
    encrypt(plaintext, random16 = randomBytes(RANDOM_BYTES)) {
      if (random16.length !== RANDOM_BYTES) {
        throw new WechatCryptoError('invalid_random', `random prefix must be ${RANDOM_BYTES} bytes, got ${random16.length}`);
      }
      const message = Buffer.from(plaintext, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(message.length, 0);
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const padded = pad(Buffer.concat([random16, length, message, ownId]));
      return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
    },

    decrypt(ciphertext) {
      if (!BASE64_PATTERN.test(ciphertext)) {
        throw new WechatCryptoError('malformed_ciphertext', 'ciphertext is not base64');
      }
      const bytes = Buffer.from(ciphertext, 'base64');
      if (bytes.length % 16 !== 0) {
        throw new WechatCryptoError('malformed_ciphertext', `ciphertext is ${bytes.length} bytes, not whole AES blocks`);
      }
      const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const content = unpad(Buffer.concat([decipher.update(bytes), decipher.final()]));
      if (content.length < HEADER_BYTES) {
        throw new WechatCryptoError('bad_length', 'plaintext is shorter than its header');
      }
      const end = HEADER_BYTES + content.readUInt32BE(RANDOM_BYTES);
      if (end > content.length) {
        throw new WechatCryptoError('bad_length', 'length field points past the end of the plaintext');
      }
      if (!content.subarray(end).equals(ownId)) {
        throw new WechatCryptoError('receive_id_mismatch', 'message was encrypted for another appid or corpid');
      }
      try {
        return utf8.decode(content.subarray(HEADER_BYTES, end));
      } catch (cause) {
        throw new WechatCryptoError('bad_encoding', 'message is not valid UTF-8', { cause });
      }
    },
  };
}

function toKey(encodingAesKey: string): Buffer {
  // Buffer.from skips characters that are not base64, so the shape is checked first.
  if (!KEY_PATTERN.test(encodingAesKey)) {
    throw new WechatCryptoError('invalid_key', 'EncodingAESKey must be 43 characters of base64 (A-Z, a-z, 0-9, +, /)');
  }
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

function pad(data: Buffer): Buffer {
  const count = PAD_BLOCK - (data.length % PAD_BLOCK);
  return Buffer.concat([data, Buffer.alloc(count, count)]);
}

function unpad(data: Buffer): Buffer {
  const count = data.at(-1) ?? 0;
  if (count < 1 || count > PAD_BLOCK || count > data.length) {
    throw new WechatCryptoError('bad_padding', `padding length ${count} is outside 1..${PAD_BLOCK}`);
  }
  if (data.subarray(data.length - count).some((byte) => byte !== count)) {
    throw new WechatCryptoError('bad_padding', 'padding bytes differ');
  }
  return data.subarray(0, data.length - count);
}
