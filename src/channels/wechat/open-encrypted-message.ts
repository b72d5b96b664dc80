import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import { assertSigned, parseSignedQuery, SignedQuerySchema, toUnixSeconds } from './assert-signed.js';
import { buildEncryptedReplyXml } from './build-encrypted-reply-xml.js';
import { computeSignature } from './compute-signature.js';
import { parseWechatEnvelope } from './parse-wechat-envelope.js';
import type { WechatCipher } from './wechat-cipher.js';
import type { OpenedMessage } from './webhook-endpoint.js';

export interface EncryptedEndpointKeys {
  token: string;
  cipher: WechatCipher;
  clock: Clock;
}

export const MsgSignatureQuerySchema = SignedQuerySchema.extend({ msg_signature: z.string().min(1).max(128) });

/**
 * A safe-mode Official Account message or any WeCom message: the `Encrypt` envelope is parsed, its
 * `msg_signature` and timestamp checked, then it is decrypted (which checks padding, length and our id).
 */
export function openEncryptedMessage(keys: EncryptedEndpointKeys, query: unknown, body: string): OpenedMessage {
  const { timestamp, nonce, msg_signature: signature } = parseSignedQuery(MsgSignatureQuerySchema, query);
  const { encrypt } = parseWechatEnvelope(body);
  assertSigned({ token: keys.token, timestamp, nonce, encrypt, signature }, toUnixSeconds(keys.clock.now()));
  return { xml: keys.cipher.decrypt(encrypt), seal: (replyXml) => sealEncryptedReply(keys, replyXml) };
}

/** Our passive reply encrypted for the resident's client, signed with a fresh timestamp (seconds) and nonce. */
export function sealEncryptedReply({ token, cipher, clock }: EncryptedEndpointKeys, replyXml: string): string {
  const encrypt = cipher.encrypt(replyXml);
  const timestamp = toUnixSeconds(clock.now());
  const nonce = String(randomInt(100_000_000, 1_000_000_000));
  const msgSignature = computeSignature({ token, timestamp: String(timestamp), nonce, encrypt });
  return buildEncryptedReplyXml({ encrypt, msgSignature, timestamp, nonce });
}
