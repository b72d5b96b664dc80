import { errorFields } from '../http/handle-errors.js';
import type { Logger } from '../logger.js';
import type { CaseMessages } from './case-messages.js';
import { acceptReminderNotice, caseAssignedNotice, followUpNotice, reassignedAwayNotice } from './case-notices.js';
import type { CaseStore } from './case-store.js';
import { assignCase, withEvent } from './case-transitions.js';
import { planFollowUps, type FollowUp } from './plan-follow-ups.js';
import { dutyMediatorOf, type Roster } from './roster.js';

export interface FollowUpDeps {
  store: CaseStore;
  roster: Roster;
  messages: CaseMessages;
  township: string;
  acceptHours: number;
  logger: Logger;
}

const SYSTEM = { kind: 'system' } as const;

/**
 * The clock's part in a case: reminders, the hand-over to the duty mediator, 回访 reminders. Each step is
 * written to the case's timeline before anyone is told, so a restart neither repeats nor forgets it.
 */
export function createFollowUp(deps: FollowUpDeps): { run(now: Date): Promise<void> } {
  const duty = dutyMediatorOf(deps.roster);
  const policy = { acceptHours: deps.acceptHours, dutyMediatorId: duty.id };

  const apply = async (step: FollowUp, now: Date): Promise<void> => {
    const still = (c: { status: string }) => c.status === (step.kind === 'remind_follow_up' ? 'closed' : 'assigned');
    const before = deps.store.get(step.caseId);
    if (!before || !still(before)) return;
    switch (step.kind) {
      case 'remind_accept': {
        const c = await deps.store.update(step.caseId, (c) => (still(c) ? withEvent(c, SYSTEM, now, 'accept_reminder_sent') : c));
        if (c.mediatorId) await deps.messages.toMediator(c.mediatorId, acceptReminderNotice(c), now);
        return;
      }
      case 'hand_to_duty': {
        const hours = 2 * (before.priority === 'urgent' ? deps.acceptHours / 4 : deps.acceptHours);
        const why = `not accepted within ${hours} h`;
        const c = await deps.store.update(step.caseId, (c) => (still(c) ? assignCase(c, duty, SYSTEM, now, why) : c));
        if (before.mediatorId) await deps.messages.toMediator(before.mediatorId, reassignedAwayNotice(c, duty.name), now);
        await deps.messages.toMediator(duty.id, caseAssignedNotice(c, deps.township, `原调解员${hours}小时没有接单，转给值班调解员。`), now);
        return;
      }
      case 'remind_follow_up': {
        const c = await deps.store.update(step.caseId, (c) => withEvent(c, SYSTEM, now, 'follow_up_reminder_sent'));
        if (c.mediatorId) await deps.messages.toMediator(c.mediatorId, followUpNotice(c), now);
        return;
      }
    }
  };

  return {
    async run(now) {
      for (const step of planFollowUps(deps.store.all(), now, policy)) {
        try {
          await apply(step, now);
        } catch (err) {
          deps.logger.error({ caseId: step.caseId, step: step.kind, err: errorFields(err) }, 'case follow-up failed');
        }
      }
    },
  };
}
