import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPseudonymiser } from '../../src/consultation/pseudonymise.js';

describe('createPseudonymiser', () => {
  const secret = randomBytes(32);
  const pseudonymise = createPseudonymiser(secret);

  it('is a keyed HMAC-SHA256 of channel and user id, cut to 24 hex characters', () => {
    const expected = createHmac('sha256', secret).update('wechat\u0000o-user-1').digest('hex').slice(0, 24);
    expect(pseudonymise('wechat', 'o-user-1')).toBe(expected);
    expect(pseudonymise('wechat', 'o-user-1')).toMatch(/^[0-9a-f]{24}$/);
  });

  it('keeps residents apart across channels and across keys', () => {
    expect(pseudonymise('wechat', 'u')).not.toBe(pseudonymise('wecom', 'u'));
    expect(createPseudonymiser(randomBytes(32))('wechat', 'u')).not.toBe(pseudonymise('wechat', 'u'));
  });

  it('gives the same pseudonym again after many other residents', () => {
    const first = pseudonymise('api', 'resident-0');
    for (let i = 1; i < 6000; i++) pseudonymise('api', `resident-${i}`);
    expect(pseudonymise('api', 'resident-0')).toBe(first);
  });
});
