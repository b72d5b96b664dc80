import { describe, expect, it } from 'vitest';
import type { ConsultationRecord } from '../../src/consultation/consultation-record.js';
import { shouldOfferMediation } from '../../src/escalation/should-offer-mediation.js';

const record = (overrides: Partial<ConsultationRecord>): ConsultationRecord => ({
  id: 'c-1',
  time: '2026-03-01T00:00:00.000Z',
  month: '2026-03',
  channel: 'api',
  resident: 'c'.repeat(24),
  messageId: null,
  intent: 'question',
  category: 'neighbor',
  confidence: 0.9,
  dispute: false,
  urgent: false,
  answerId: null,
  village: null,
  text: '问题',
  ...overrides,
});

describe('shouldOfferMediation', () => {
  it('offers a mediator for a dispute and to someone asking for a person', () => {
    expect(shouldOfferMediation(record({ dispute: true }))).toBe(true);
    expect(shouldOfferMediation(record({ intent: 'human' }))).toBe(true);
  });

  it('does not offer one for a plain question, a follow-up or an urgent message', () => {
    expect(shouldOfferMediation(record({}))).toBe(false);
    expect(shouldOfferMediation(record({ intent: 'more_details', dispute: true }))).toBe(false);
    expect(shouldOfferMediation(record({ dispute: true, urgent: true }))).toBe(false);
  });
});
