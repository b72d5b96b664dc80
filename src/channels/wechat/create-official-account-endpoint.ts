import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import { assertSigned, parseSignedQuery, SignedQuerySchema, toUnixSeconds } from './assert-signed.js';
import { openEncryptedMessage } from './open-encrypted-message.js';
import { createWechatCipher } from './wechat-cipher.js';
import { WechatCryptoError } from './wechat-crypto-error.js';
import type { WebhookEndpoint } from './webhook-endpoint.js';

export interface OfficialAccountKeys {
  token: string;
  appId: string;
  /** Set for safe or compatible mode; without it only plaintext messages are accepted. */
  encodingAesKey: string | undefined;
  clock: Clock;
}

const PlainQuerySchema = SignedQuerySchema.extend({ signature: z.string().min(1).max(128) });
const VerifyQuerySchema = PlainQuerySchema.extend({ echostr: z.string().min(1).max(512) });

/**
 * The Official Account's server URL. The GET check is plaintext in every mode. A POST is encrypted when
 * the query says `encrypt_type=aes` (safe mode, and compatible mode, whose body also has the plaintext
 * fields); then the reply is encrypted too. Otherwise it is plaintext, signed by `signature`.
 */
export function createOfficialAccountEndpoint(keys: OfficialAccountKeys): WebhookEndpoint {
  const cipher = keys.encodingAesKey ? createWechatCipher({ encodingAesKey: keys.encodingAesKey, receiveId: keys.appId }) : undefined;
  const now = () => toUnixSeconds(keys.clock.now());

  return {
    verify(query) {
      const { timestamp, nonce, signature, echostr } = parseSignedQuery(VerifyQuerySchema, query);
      assertSigned({ token: keys.token, timestamp, nonce, signature }, now());
      return echostr;
    },

    open(query, body) {
      if (isEncrypted(query)) {
        if (!cipher) {
          throw new WechatCryptoError('unexpected_encryption', 'an encrypted message arrived but WECHAT_ENCODING_AES_KEY is not set');
        }
        return openEncryptedMessage({ token: keys.token, cipher, clock: keys.clock }, query, body);
      }
      const { timestamp, nonce, signature } = parseSignedQuery(PlainQuerySchema, query);
      assertSigned({ token: keys.token, timestamp, nonce, signature }, now());
      return { xml: body, seal: (replyXml) => replyXml };
    },
  };
}

const EncryptedQuerySchema = z.object({ encrypt_type: z.literal('aes') });

function isEncrypted(query: unknown): boolean {
  return EncryptedQuerySchema.safeParse(query).success;
}
