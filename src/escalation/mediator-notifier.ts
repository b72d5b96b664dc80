import type { MediatorNotice, NotifyVia } from './mediator-notice.js';
import type { Mediator } from './roster.js';

/** One way of telling a mediator about a case. Throws when the notice did not arrive, so the outbox retries. */
export interface MediatorNotifier {
  send(mediator: Mediator, notice: MediatorNotice): Promise<void>;
}

/** A notification the other side refused or never answered; its message names no URL and no content. */
export class NotifyError extends Error {
  override readonly name = 'NotifyError';
}

/** The ways this mediator can be reached with the notifiers that are set up, each one an outbox entry. */
export function notifyRoutes(mediator: Mediator, available: ReadonlySet<NotifyVia>): NotifyVia[] {
  const routes: NotifyVia[] = [];
  if (mediator.wecomUserId !== undefined && available.has('wecom_app')) routes.push('wecom_app');
  if (mediator.webhook?.kind === 'wecom_robot' && available.has('wecom_robot')) routes.push('wecom_robot');
  if (mediator.webhook?.kind === 'signed' && available.has('signed')) routes.push('signed');
  return routes;
}

export const NOTIFY_TIMEOUT_MS = 10_000;
