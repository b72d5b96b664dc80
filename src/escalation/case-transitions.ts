import { ForbiddenError, ValidationError } from '../errors.js';
import { toLocalDay } from '../time/clock.js';
import { actorLabel, CaseStateError, type CaseActor } from './case-actor.js';
import type { CaseOutcome, CaseRecord, CaseStatus } from './case-record.js';
import type { Mediator } from './roster.js';

/*
 * The case lifecycle as pure functions: new → assigned → accepted → closed. Each checks who may act and from
 * which status, and returns the changed case with its timeline event; the store writes it.
 */

export function assertMayAct(c: CaseRecord, actor: CaseActor): void {
  if (actor.kind === 'mediator' && c.mediatorId !== actor.mediator.id) throw new ForbiddenError(`case ${c.id} is not assigned to you`);
}

function assertStatus(c: CaseRecord, allowed: readonly CaseStatus[], action: string): void {
  if (!allowed.includes(c.status)) throw new CaseStateError(c.id, c.status, action);
}

export function withEvent(c: CaseRecord, actor: CaseActor, now: Date, action: string, note?: string): CaseRecord {
  const event = { at: now.toISOString(), by: actorLabel(actor), action, status: c.status, ...(note ? { note } : {}) };
  return { ...c, timeline: [...c.timeline, event] };
}

export function assignCase(c: CaseRecord, to: Mediator, actor: CaseActor, now: Date, reason: string): CaseRecord {
  const assigned: CaseRecord = { ...c, status: 'assigned', mediatorId: to.id, assignedAt: now.toISOString(), acceptedAt: null };
  return withEvent(assigned, actor, now, c.status === 'new' ? 'assigned' : 'reassigned', `${to.id}: ${reason}`);
}

export function acceptCase(c: CaseRecord, actor: CaseActor, now: Date): CaseRecord {
  assertMayAct(c, actor);
  assertStatus(c, ['assigned'], 'accept it (only an assigned case can be accepted)');
  return withEvent({ ...c, status: 'accepted', acceptedAt: now.toISOString() }, actor, now, 'accepted');
}

export function addCaseNote(c: CaseRecord, actor: CaseActor, text: string, now: Date): CaseRecord {
  assertMayAct(c, actor);
  const noted = { ...c, notes: [...c.notes, { at: now.toISOString(), by: actorLabel(actor), text }] };
  return withEvent(noted, actor, now, 'note_added');
}

export function reassignCase(c: CaseRecord, actor: CaseActor, to: Mediator, now: Date, reason: string): CaseRecord {
  if (actor.kind === 'mediator' || actor.kind === 'resident') throw new ForbiddenError('only the admin can reassign a case');
  assertStatus(c, ['new', 'assigned', 'accepted'], 'reassign it (it is closed)');
  if (!to.active) throw new ValidationError(`mediatorId: ${to.id} is not active`);
  if (to.id === c.mediatorId) throw new ValidationError(`mediatorId: the case is already with ${to.id}`);
  return assignCase(c, to, actor, now, reason);
}

export interface CloseInput {
  outcome: CaseOutcome;
  agreementSummary?: string | undefined;
  /** Defaults to yes for a resolved case: the resident is told about 司法确认 (人民调解法 第三十三条). */
  judicialConfirmationAdvised?: boolean | undefined;
  /** 回访 day (YYYY-MM-DD); a resolved case gets one `followUpDays` after closing unless given. */
  followUpDate?: string | undefined;
}

export function closeCase(c: CaseRecord, actor: CaseActor, input: CloseInput, now: Date, followUpDays: number): CaseRecord {
  assertMayAct(c, actor);
  if (input.outcome === 'withdrawn') assertStatus(c, ['assigned', 'accepted'], 'close it (it is already closed)');
  else assertStatus(c, ['accepted'], 'close it with this outcome (accept it first)');
  const resolved = input.outcome === 'resolved';
  if (resolved && !input.agreementSummary) throw new ValidationError('agreementSummary: is required when the outcome is resolved');
  if (!resolved && input.agreementSummary) throw new ValidationError('agreementSummary: only a resolved case has an agreement');
  if (!resolved && input.judicialConfirmationAdvised) {
    throw new ValidationError('judicialConfirmationAdvised: only a resolved case has an agreement to confirm');
  }
  const today = toLocalDay(now);
  if (input.followUpDate !== undefined && input.followUpDate < today) throw new ValidationError('followUpDate: must not be before today');
  const defaultFollowUp = resolved ? toLocalDay(new Date(now.getTime() + followUpDays * 86_400_000)) : null;
  const closed: CaseRecord = {
    ...c,
    status: 'closed',
    closedAt: now.toISOString(),
    outcome: input.outcome,
    agreementSummary: resolved ? input.agreementSummary! : null,
    judicialConfirmationAdvised: resolved && input.judicialConfirmationAdvised !== false,
    followUpDate: input.followUpDate ?? defaultFollowUp,
  };
  return withEvent(closed, actor, now, 'closed', input.outcome);
}

export function addCaseContact(c: CaseRecord, contact: string, now: Date): CaseRecord {
  return withEvent({ ...c, contact }, { kind: 'resident' }, now, 'contact_added');
}
