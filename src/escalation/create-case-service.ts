import type { Channel } from '../consultation/consultation-record.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../time/clock.js';
import type { Category } from '../understanding/category.js';
import { type CaseActor, type CaseViewer } from './case-actor.js';
import type { CaseMessages } from './case-messages.js';
import { caseAcceptedText, caseAssignedNotice, caseClosedText, contactAddedNotice, reassignedAwayNotice, residentWroteAgainNotice } from './case-notices.js';
import type { CaseRecord, CaseStatus, PartyRelation } from './case-record.js';
import type { CaseStore } from './case-store.js';
import {
  acceptCase,
  addCaseContact,
  addCaseNote,
  assertMayAct,
  assignCase,
  closeCase,
  reassignCase,
  withEvent,
  type CloseInput,
} from './case-transitions.js';
import { chooseMediator } from './choose-mediator.js';
import { toOpenedCase } from './to-opened-case.js';
import { dutyMediatorOf, findMediator, type Roster } from './roster.js';

export interface NewCase {
  resident: string;
  channel: Channel;
  consultationId: string | null;
  category: Category;
  village: string | null;
  relation: PartyRelation | null;
  /** The other party in the resident's words, when they gave more than a number. */
  otherParty?: string | null;
  summary: string;
  hope: string | null;
  contact: string | null;
  consentAt: Date | null;
  priority: 'urgent' | 'normal';
  openedBy: CaseActor;
}

export interface CaseFilter {
  status?: CaseStatus | undefined;
  village?: string | undefined;
  month?: string | undefined;
  mediatorId?: string | undefined;
}

export interface CaseService {
  open(input: NewCase): Promise<CaseRecord>;
  list(viewer: CaseViewer, filter: CaseFilter): CaseRecord[];
  get(viewer: CaseViewer, id: string): CaseRecord;
  accept(viewer: CaseViewer, id: string): Promise<CaseRecord>;
  addNote(viewer: CaseViewer, id: string, text: string): Promise<CaseRecord>;
  reassign(viewer: CaseViewer, id: string, mediatorId: string, reason: string | undefined): Promise<CaseRecord>;
  close(viewer: CaseViewer, id: string, input: CloseInput): Promise<CaseRecord>;
  /** The resident's open urgent case, if any: a second cry for help joins it instead of opening another. */
  openUrgentCaseOf(resident: string): CaseRecord | undefined;
  residentWroteAgain(id: string, maskedText: string): Promise<CaseRecord>;
  addContact(id: string, contact: string): Promise<CaseRecord>;
}

export interface CaseServiceDeps {
  store: CaseStore;
  roster: Roster;
  messages: CaseMessages;
  clock: Clock;
  township: string;
  followUpDays: number;
}

/** Mediator-facing case actions; every change is stored, then the people concerned are told through the outbox. */
export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { store, roster, messages, clock } = deps;
  const openCount = (mediatorId: string) => store.all().filter((c) => c.mediatorId === mediatorId && c.status !== 'closed').length;

  const existing = (id: string): CaseRecord => {
    const c = store.get(id);
    if (!c) throw new NotFoundError(`case ${id} not found`);
    return c;
  };

  return {
    async open(input) {
      const now = clock.now();
      const assignment =
        input.priority === 'urgent'
          ? { mediator: dutyMediatorOf(roster), reason: 'duty mediator: urgent' }
          : chooseMediator(roster, { village: input.village, category: input.category }, openCount);
      const record = await store.create(now, (id) => {
        const opened = toOpenedCase(id, now, input);
        const withOpened = withEvent(opened, input.openedBy, now, 'opened');
        return assignCase(withOpened, assignment.mediator, { kind: 'system' }, now, assignment.reason);
      });
      await messages.toMediator(assignment.mediator.id, caseAssignedNotice(record, deps.township), now);
      return record;
    },

    list(viewer, filter) {
      const mediatorId = viewer.kind === 'mediator' ? viewer.mediator.id : filter.mediatorId;
      return store
        .all()
        .filter(
          (c) =>
            (mediatorId === undefined || c.mediatorId === mediatorId) &&
            (filter.status === undefined || c.status === filter.status) &&
            (filter.village === undefined || c.village === filter.village) &&
            (filter.month === undefined || c.month === filter.month),
        );
    },

    get(viewer, id) {
      const c = existing(id);
      assertMayAct(c, viewer);
      return c;
    },

    async accept(viewer, id) {
      const now = clock.now();
      const accepted = await store.update(id, (c) => acceptCase(c, viewer, now));
      const name = findMediator(roster, accepted.mediatorId)?.name ?? '';
      await messages.toResident(accepted, caseAcceptedText(accepted, name), now);
      return accepted;
    },

    async addNote(viewer, id, text) {
      const now = clock.now();
      return store.update(id, (c) => addCaseNote(c, viewer, text, now));
    },

    async reassign(viewer, id, mediatorId, reason) {
      existing(id);
      if (viewer.kind !== 'admin') throw new ForbiddenError('only the admin can reassign a case');
      const to = findMediator(roster, mediatorId);
      if (!to) throw new ValidationError(`mediatorId: no mediator ${mediatorId} in the roster`);
      const now = clock.now();
      const before: { mediatorId: string | null } = { mediatorId: null };
      const moved = await store.update(id, (c) => {
        before.mediatorId = c.mediatorId;
        return reassignCase(c, viewer, to, now, reason ?? 'reassigned by the admin');
      });
      if (before.mediatorId !== null) await messages.toMediator(before.mediatorId, reassignedAwayNotice(moved, to.name), now);
      await messages.toMediator(to.id, caseAssignedNotice(moved, deps.township, reason ? `改派原因：${reason}` : undefined), now);
      return moved;
    },

    async close(viewer, id, input) {
      const now = clock.now();
      const closed = await store.update(id, (c) => closeCase(c, viewer, input, now, deps.followUpDays));
      await messages.toResident(closed, caseClosedText(closed, deps.township), now);
      return closed;
    },

    openUrgentCaseOf: (resident) => store.all().find((c) => c.resident === resident && c.priority === 'urgent' && c.status !== 'closed'),

    async residentWroteAgain(id, maskedText) {
      const now = clock.now();
      const updated = await store.update(id, (c) => withEvent(c, { kind: 'resident' }, now, 'resident_wrote_again', maskedText));
      if (updated.mediatorId) await messages.toMediator(updated.mediatorId, residentWroteAgainNotice(updated, maskedText), now);
      return updated;
    },

    async addContact(id, contact) {
      const now = clock.now();
      const updated = await store.update(id, (c) => addCaseContact(c, contact, now));
      if (updated.mediatorId) await messages.toMediator(updated.mediatorId, contactAddedNotice(updated), now);
      return updated;
    },
  };
}
