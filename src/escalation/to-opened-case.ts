import { toLocalMonth } from '../time/clock.js';
import type { CaseRecord } from './case-record.js';

/** What a resident's case is about, as the intake (or an urgent message) gathered it. */
export type CaseFacts = Pick<
  CaseRecord,
  'resident' | 'channel' | 'consultationId' | 'category' | 'village' | 'relation' | 'summary' | 'hope' | 'contact' | 'priority'
> & { otherParty?: string | null | undefined; consentAt: Date | null };

/** A case as it stands the moment it is opened: status new, nobody assigned, nothing on its timeline yet. */
export function toOpenedCase(id: string, openedAt: Date, facts: CaseFacts): CaseRecord {
  return {
    id,
    openedAt: openedAt.toISOString(),
    month: toLocalMonth(openedAt),
    resident: facts.resident,
    channel: facts.channel,
    consultationId: facts.consultationId,
    category: facts.category,
    village: facts.village,
    relation: facts.relation,
    ...(facts.otherParty ? { otherParty: facts.otherParty } : {}),
    summary: facts.summary,
    hope: facts.hope,
    contact: facts.contact,
    consentAt: facts.consentAt?.toISOString() ?? null,
    priority: facts.priority,
    status: 'new',
    mediatorId: null,
    assignedAt: null,
    acceptedAt: null,
    closedAt: null,
    outcome: null,
    agreementSummary: null,
    judicialConfirmationAdvised: false,
    followUpDate: null,
    notes: [],
    timeline: [],
  };
}
