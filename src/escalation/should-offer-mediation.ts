import type { ConsultationRecord } from '../consultation/consultation-record.js';

/**
 * A reply offers a mediator when the resident has a dispute with someone, or asked for a person (`人工`).
 * Urgent messages get no offer: the duty mediator is told at once instead.
 */
export function shouldOfferMediation(record: ConsultationRecord): boolean {
  if (record.urgent) return false;
  return record.intent === 'human' || (record.intent === 'question' && record.dispute);
}
