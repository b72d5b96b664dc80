import { errorFields } from '../http/handle-errors.js';
import type { Logger } from '../logger.js';
import type { CaseRecord } from './case-record.js';
import type { MediatorNotice, NotifyVia } from './mediator-notice.js';
import { notifyRoutes } from './mediator-notifier.js';
import type { Outbox, OutboxMessage } from './outbox.js';
import { findMediator, type Roster } from './roster.js';

/** Puts what a case change should tell people into the outbox. */
export interface CaseMessages {
  toMediator(mediatorId: string, notice: MediatorNotice, now: Date): Promise<void>;
  toResident(c: CaseRecord, text: string, now: Date): Promise<void>;
}

/**
 * A case change is on disk before anyone is told, so a failure to queue the telling is logged, not thrown:
 * the change stands and the case shows it.
 */
export function createCaseMessages(deps: { roster: Roster; outbox: Outbox; available: ReadonlySet<NotifyVia>; logger: Logger }): CaseMessages {
  const enqueue = async (messages: OutboxMessage[], caseId: string, now: Date) => {
    try {
      await deps.outbox.enqueue(messages, now);
    } catch (err) {
      deps.logger.error({ caseId, err: errorFields(err) }, 'notification could not be queued');
    }
  };
  return {
    async toMediator(mediatorId, notice, now) {
      const mediator = findMediator(deps.roster, mediatorId);
      const routes = mediator ? notifyRoutes(mediator, deps.available) : [];
      if (routes.length === 0) {
        deps.logger.warn({ caseId: notice.caseId, mediatorId, event: notice.event }, 'mediator has no notification route that is set up');
        return;
      }
      await enqueue(routes.map((via) => ({ to: 'mediator', mediatorId, via, notice })), notice.caseId, now);
    },
    async toResident(c, text, now) {
      await enqueue([{ to: 'resident', channel: c.channel, resident: c.resident, caseId: c.id, text }], c.id, now);
    },
  };
}
