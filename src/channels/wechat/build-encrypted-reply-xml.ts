import { assertUnixSeconds } from './assert-unix-seconds.js';
import { wrapCdata } from './wrap-cdata.js';

export interface EncryptedReply {
  /** Base64 ciphertext of a reply built by `buildReplyXml`. */
  encrypt: string;
  /** `computeSignature({ token, timestamp: String(timestamp), nonce, encrypt })`. */
  msgSignature: string;
  /** Unix seconds: the same value the signature was computed over. */
  timestamp: number;
  nonce: string;
}

/** The safe-mode (and WeCom) response body that carries an encrypted passive reply. */
export function buildEncryptedReplyXml({ encrypt, msgSignature, timestamp, nonce }: EncryptedReply): string {
  assertUnixSeconds(timestamp, 'timestamp');
  return [
    '<xml>',
    `<Encrypt>${wrapCdata(encrypt)}</Encrypt>`,
    `<MsgSignature>${wrapCdata(msgSignature)}</MsgSignature>`,
    `<TimeStamp>${timestamp}</TimeStamp>`,
    `<Nonce>${wrapCdata(nonce)}</Nonce>`,
    '</xml>',
  ].join('');
}
