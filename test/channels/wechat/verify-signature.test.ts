import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../../src/channels/wechat/verify-signature.js';
import { OFFICIAL } from './official-vector.js';

const { token, timestamp, nonce, echostr, msgSignature } = OFFICIAL;

describe('verifySignature', () => {
  it('accepts the official msg_signature', () => {
    expect(verifySignature({ token, timestamp, nonce, encrypt: echostr, signature: msgSignature })).toBe(true);
  });

  it('rejects a forged signature that differs in one character', () => {
    const forged = `${msgSignature.slice(0, -1)}${msgSignature.endsWith('3') ? '4' : '3'}`;
    expect(verifySignature({ token, timestamp, nonce, encrypt: echostr, signature: forged })).toBe(false);
  });

  it('rejects a signature of the wrong length, including an empty one, without throwing', () => {
    for (const signature of ['', msgSignature.slice(0, 39), `${msgSignature}0`, '签名'.repeat(10)]) {
      expect(verifySignature({ token, timestamp, nonce, encrypt: echostr, signature })).toBe(false);
    }
  });

  it('rejects a genuine signature replayed with another timestamp, nonce or ciphertext', () => {
    expect(verifySignature({ token, timestamp: '1409659590', nonce, encrypt: echostr, signature: msgSignature })).toBe(false);
    expect(verifySignature({ token, timestamp, nonce: '263014781', encrypt: echostr, signature: msgSignature })).toBe(false);
    expect(verifySignature({ token, timestamp, nonce, encrypt: `A${echostr.slice(1)}`, signature: msgSignature })).toBe(false);
  });

  it('rejects a msg_signature checked as a plaintext signature', () => {
    expect(verifySignature({ token, timestamp, nonce, signature: msgSignature })).toBe(false);
  });

  it('rejects a signature made with another token', () => {
    expect(verifySignature({ token: 'other', timestamp, nonce, encrypt: echostr, signature: msgSignature })).toBe(false);
  });
});
