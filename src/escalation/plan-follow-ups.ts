import { toLocalDay } from '../time/clock.js';
import type { CaseRecord } from './case-record.js';

export type FollowUp =
  | { kind: 'remind_accept'; caseId: string }
  | { kind: 'hand_to_duty'; caseId: string }
  | { kind: 'remind_follow_up'; caseId: string };

export interface FollowUpPolicy {
  acceptHours: number;
  dutyMediatorId: string;
}

const HOUR = 3_600_000;

/** Urgent cases wait a quarter as long before the clock steps in. */
export function acceptWindowMs(c: CaseRecord, policy: FollowUpPolicy): number {
  return (c.priority === 'urgent' ? policy.acceptHours / 4 : policy.acceptHours) * HOUR;
}

function lastEventAt(c: CaseRecord, action: string, since: string): number | undefined {
  const times = c.timeline.filter((e) => e.action === action && e.at >= since).map((e) => Date.parse(e.at));
  return times.length > 0 ? Math.max(...times) : undefined;
}

/**
 * What the clock should do now, from the cases alone (their timelines say what was already done):
 * an assigned case not accepted within the window reminds its mediator; after another window it goes to the
 * duty mediator (who is reminded again each window); a closed case's mediator is reminded on its 回访 day.
 */
export function planFollowUps(cases: readonly CaseRecord[], now: Date, policy: FollowUpPolicy): FollowUp[] {
  const plan: FollowUp[] = [];
  const today = toLocalDay(now);
  for (const c of cases) {
    if (c.status === 'assigned' && c.assignedAt !== null) {
      const window = acceptWindowMs(c, policy);
      const waited = now.getTime() - Date.parse(c.assignedAt);
      const reminded = lastEventAt(c, 'accept_reminder_sent', c.assignedAt);
      if (waited < window) continue;
      if (reminded === undefined) plan.push({ kind: 'remind_accept', caseId: c.id });
      else if (waited >= 2 * window && c.mediatorId !== policy.dutyMediatorId) plan.push({ kind: 'hand_to_duty', caseId: c.id });
      else if (c.mediatorId === policy.dutyMediatorId && now.getTime() - reminded >= window) plan.push({ kind: 'remind_accept', caseId: c.id });
    } else if (c.status === 'closed' && c.followUpDate !== null && c.followUpDate <= today) {
      if (!c.timeline.some((e) => e.action === 'follow_up_reminder_sent')) plan.push({ kind: 'remind_follow_up', caseId: c.id });
    }
  }
  return plan;
}
