import { randomUUID } from 'node:crypto';
import type { ConsultationLog } from '../consultation/consultation-log.js';
import type { ConsultationRecord } from '../consultation/consultation-record.js';
import { errorFields } from '../http/handle-errors.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time/clock.js';
import type { Classification } from '../understanding/classification.js';
import { detectIntent } from '../understanding/detect-intent.js';
import { detectUrgent } from '../understanding/detect-urgent.js';
import { normalizeText } from '../understanding/normalize-text.js';
import { answerIntake } from './answer-intake.js';
import type { CaseService } from './create-case-service.js';
import type { Dialogue, IntakeDialogue, UrgentContactDialogue } from './dialogue-state.js';
import { DIALOGUE_TTL_MS, type DialogueStore, type ResidentPatch } from './dialogue-store.js';
import type { DialogueReply, DialogueTurn, Escalation } from './escalation.js';
import { intakeDoneText, URGENT_CONTACT_SAVED, URGENT_CONTACT_SKIPPED } from './intake-texts.js';
import { acceptsOffer, asksForMediator, isCancel, isSkip } from './intake-words.js';
import { createKeyedExclusive } from './keyed-exclusive.js';
import { matchVillage } from './match-intake-answer.js';
import { parsePhone } from './parse-phone.js';
import type { ResidentInbox } from './resident-inbox.js';
import { findMediator, type Roster } from './roster.js';
import { startIntake } from './start-intake.js';

export interface EscalationDeps {
  cases: CaseService;
  dialogues: DialogueStore;
  inbox: ResidentInbox;
  roster: Roster;
  clock: Clock;
  logger: Logger;
  /** The consultation classifier: urgency inside a dialogue, and a category when the intake had none. */
  classify: (text: string) => Classification;
  /** Where the village an intake learns goes back to the consultation it came from, for statistics. */
  consultations: Pick<ConsultationLog, 'recordVillage'>;
  /** CASE_ACCEPT_HOURS: what the case-opened message promises the resident. */
  acceptHours: number;
}

/** The dialogue side of escalation: offers, the intake, urgent cases, notices for the next reply. */
export function createEscalation(deps: EscalationDeps): Omit<Escalation, 'dutyReachable'> {
  const { cases, dialogues, roster, clock } = deps;
  const perResident = createKeyedExclusive();

  const save = async (turn: DialogueTurn, patch: ResidentPatch, answer: DialogueReply): Promise<DialogueReply> => {
    const at = clock.now().toISOString();
    const reply = turn.messageId === null ? undefined : { resident: turn.resident, messageId: turn.messageId, at, ...answer };
    await dialogues.update(turn.resident, { ...patch, ...(reply ? { reply } : {}) });
    return answer;
  };

  const replyOf = (d: Dialogue, reply: string): DialogueReply => ({
    reply,
    consultationId: d.kind === 'intake' ? (d.consultationId ?? d.id) : d.id,
    category: d.kind === 'intake' ? (d.category ?? 'other') : 'other',
  });

  const answer = async (d: IntakeDialogue, turn: DialogueTurn, now: Date): Promise<DialogueReply> => {
    const outcome = answerIntake(d, turn.text, { villages: roster.villages, now });
    if (outcome.kind === 'asked') return save(turn, { dialogue: outcome.dialogue }, replyOf(d, outcome.reply));
    if (outcome.kind === 'cancelled') return save(turn, { dialogue: null }, replyOf(d, outcome.reply));
    const done = outcome.dialogue;
    const summary = done.facts ?? '';
    const opened = await cases.open({
      resident: done.resident,
      channel: done.channel,
      consultationId: done.consultationId,
      category: done.category ?? deps.classify(summary).category,
      village: done.village,
      relation: done.relation,
      otherParty: done.otherParty,
      summary,
      hope: done.hope,
      contact: done.contact,
      consentAt: now,
      priority: 'normal',
      openedBy: { kind: 'resident' },
    });
    await recordVillage(done);
    const mediator = opened.mediatorId === roster.dutyMediator ? null : (findMediator(roster, opened.mediatorId)?.name ?? null);
    const text = intakeDoneText({ caseId: opened.id, mediator, acceptHours: deps.acceptHours, hasContact: opened.contact !== null });
    return save(turn, { dialogue: null }, { ...replyOf(d, text), category: opened.category });
  };

  /* The case is open by now: a failure here costs a statistic, not the resident's case, so it is only logged. */
  const recordVillage = async (d: IntakeDialogue): Promise<void> => {
    if (d.village === null || d.consultationId === null || d.consultationMonth === null) return;
    try {
      await deps.consultations.recordVillage(d.consultationId, d.consultationMonth, d.village);
    } catch (err) {
      deps.logger.error({ err: errorFields(err) }, 'the village could not be added to the consultation');
    }
  };

  const answerUrgentContact = async (d: UrgentContactDialogue, turn: DialogueTurn): Promise<DialogueReply | undefined> => {
    if (isSkip(turn.text) || isCancel(turn.text)) return save(turn, { dialogue: null }, replyOf(d, URGENT_CONTACT_SKIPPED));
    const phone = parsePhone(turn.text);
    if (phone === undefined) {
      // Not a number: whatever it is, the consultation answers it.
      await dialogues.update(turn.resident, { dialogue: null });
      return undefined;
    }
    await cases.addContact(d.caseId, phone);
    return save(turn, { dialogue: null }, replyOf(d, URGENT_CONTACT_SAVED));
  };

  /** The offer the previous reply made, while it is fresh and not taken up yet. */
  const pendingOffer = (turn: DialogueTurn, now: Date): ConsultationRecord | undefined => {
    const offer = turn.previous;
    if (!offer?.mediationOffered || now.getTime() - Date.parse(offer.time) >= DIALOGUE_TTL_MS) return undefined;
    return dialogues.offerTaken(turn.resident, offer.id) ? undefined : offer;
  };

  const begin = (turn: DialogueTurn, offer: ConsultationRecord | undefined, now: Date): Promise<DialogueReply> => {
    const { dialogue, reply } = startIntake(
      {
        id: randomUUID(),
        resident: turn.resident,
        channel: turn.channel,
        consultationId: offer?.id ?? null,
        consultationMonth: offer?.month ?? null,
        category: offer?.category ?? null,
        village: offer?.village ?? turn.village,
        question: offer?.text ?? null,
      },
      { villages: roster.villages, now },
    );
    const takenOffer = offer ? { resident: turn.resident, consultationId: offer.id, at: now.toISOString() } : undefined;
    return save(turn, { dialogue, ...(takenOffer ? { takenOffer } : {}) }, replyOf(dialogue, reply));
  };

  return {
    async continueDialogue(turn) {
      // Most messages have nothing to do with a dialogue: answer those without waiting for a lock.
      if (!dialogues.knows(turn.resident) && !turn.previous?.mediationOffered && !asksForMediator(turn.text)) return undefined;
      return perResident(turn.resident, async () => {
        const now = clock.now();
        const kept = turn.messageId === null ? undefined : dialogues.reply(turn.resident, turn.messageId);
        if (kept) return { reply: kept.reply, consultationId: kept.consultationId, category: kept.category };
        const d = dialogues.dialogue(turn.resident, now);
        if (d) {
          if (detectIntent(turn.text) === 'delete_data') return undefined;
          if (d.kind === 'urgent_contact') return answerUrgentContact(d, turn);
          // Someone in danger mid-intake gets the emergency answer; the intake waits where it was.
          if (detectUrgent(normalizeText(turn.text))) return undefined;
          return answer(d, turn, now);
        }
        const offer = pendingOffer(turn, now);
        if (offer && (acceptsOffer(turn.text) || asksForMediator(turn.text))) return begin(turn, offer, now);
        if (asksForMediator(turn.text)) return begin(turn, undefined, now);
        return undefined;
      });
    },

    openUrgentCase(record) {
      return perResident(record.resident, async () => {
        const now = clock.now();
        try {
          const summary = record.text ?? '';
          const joined = cases.openUrgentCaseOf(record.resident);
          // The same words again (a resident pressing send twice) add nothing for the duty mediator.
          const repeated = joined !== undefined && (joined.summary === summary || joined.timeline.some((e) => e.note === summary));
          const c = joined
            ? repeated
              ? joined
              : await cases.residentWroteAgain(joined.id, summary)
            : await cases.open({
                resident: record.resident,
                channel: record.channel,
                consultationId: record.id,
                category: record.category,
                village: record.village === null ? null : (matchVillage(record.village, roster.villages)?.name ?? null),
                relation: null,
                summary,
                hope: null,
                contact: null,
                consentAt: null,
                priority: 'urgent',
                openedBy: { kind: 'system' },
              });
          if (dialogues.dialogue(record.resident, now)?.kind !== 'intake') {
            const at = now.toISOString();
            const ask: UrgentContactDialogue = { kind: 'urgent_contact', id: randomUUID(), resident: record.resident, channel: record.channel, startedAt: at, updatedAt: at, caseId: c.id };
            await dialogues.update(record.resident, { dialogue: ask });
          }
          return c.id;
        } catch (err) {
          deps.logger.error({ err: errorFields(err) }, 'urgent case could not be opened');
          return undefined;
        }
      });
    },

    forgetResident: (resident) => perResident(resident, () => dialogues.forget(resident)),

    takeNotices: (resident, messageId) => deps.inbox.take(resident, messageId, clock.now()),
  };
}
