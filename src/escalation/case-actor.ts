import { AppError } from '../errors.js';
import type { CaseStatus } from './case-record.js';
import type { Mediator } from './roster.js';

/** Who acts on a case: the admin token, a mediator's token or WeCom id, the resident, or the clock. */
export type CaseActor = { kind: 'admin' } | { kind: 'mediator'; mediator: Mediator } | { kind: 'resident' } | { kind: 'system' };

/** Someone reading or acting through the API or WeCom. */
export type CaseViewer = Extract<CaseActor, { kind: 'admin' | 'mediator' }>;

/** How the timeline names an actor (ActorSchema). */
export function actorLabel(actor: CaseActor): string {
  return actor.kind === 'mediator' ? `mediator:${actor.mediator.id}` : actor.kind;
}

/** An action the case's status does not allow: 409, with the status so callers can say it plainly. */
export class CaseStateError extends AppError {
  override readonly name = 'CaseStateError';
  constructor(
    readonly caseId: string,
    readonly caseStatus: CaseStatus,
    readonly action: string,
  ) {
    super(409, 'wrong_state', `case ${caseId} is ${caseStatus}: cannot ${action}`);
  }
}
