import { getSignature } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature } from '../../../src/channels/wechat/compute-signature.js';
import { OFFICIAL } from './official-vector.js';

describe('computeSignature', () => {
  it('computes the official msg_signature over token, timestamp, nonce and Encrypt', () => {
    const { token, timestamp, nonce, echostr } = OFFICIAL;
    expect(computeSignature({ token, timestamp, nonce, encrypt: echostr })).toBe(OFFICIAL.msgSignature);
  });

  it('computes the plaintext signature over token, timestamp and nonce alone', () => {
    // An empty fourth part adds nothing to the sorted join, so @wecom/crypto gives the plaintext signature too.
    const parts = { token: 'mingbai-token', timestamp: '1732780800', nonce: '1597212914' };
    expect(computeSignature(parts)).toBe(getSignature(parts.token, parts.timestamp, parts.nonce, ''));
  });

  it('agrees with @wecom/crypto on a msg_signature whatever order the parts sort in', () => {
    for (const [token, timestamp, nonce, encrypt] of [
      ['zzz', '1', '2', 'AAAA'],
      ['A', '9999999999', '000', 'zz+/=='],
    ] as const) {
      expect(computeSignature({ token, timestamp, nonce, encrypt })).toBe(getSignature(token, timestamp, nonce, encrypt));
    }
  });
});
