import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import { assertSigned, parseSignedQuery, toUnixSeconds } from '../wechat/assert-signed.js';
import { MsgSignatureQuerySchema, openEncryptedMessage } from '../wechat/open-encrypted-message.js';
import { restoreEchostr } from '../wechat/restore-echostr.js';
import { createWechatCipher } from '../wechat/wechat-cipher.js';
import type { WebhookEndpoint } from '../wechat/webhook-endpoint.js';

export interface WecomKeys {
  token: string;
  corpId: string;
  encodingAesKey: string;
  clock: Clock;
}

const VerifyQuerySchema = MsgSignatureQuerySchema.extend({ echostr: z.string().min(1).max(1024) });

/**
 * A WeCom self-built app's callback URL: always encrypted. The GET check signs and encrypts `echostr`
 * and expects its plaintext back; WeCom does not escape it, so a `+` may arrive as a space.
 */
export function createWecomEndpoint(keys: WecomKeys): WebhookEndpoint {
  const cipher = createWechatCipher({ encodingAesKey: keys.encodingAesKey, receiveId: keys.corpId });
  const encrypted = { token: keys.token, cipher, clock: keys.clock };

  return {
    verify(query) {
      const { timestamp, nonce, msg_signature: signature, echostr } = parseSignedQuery(VerifyQuerySchema, query);
      const encrypt = restoreEchostr(echostr);
      assertSigned({ token: keys.token, timestamp, nonce, encrypt, signature }, toUnixSeconds(keys.clock.now()));
      return cipher.decrypt(encrypt);
    },
    open: (query, body) => openEncryptedMessage(encrypted, query, body),
  };
}
