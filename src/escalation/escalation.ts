import type { Channel, ConsultationRecord } from '../consultation/consultation-record.js';
import type { Category } from '../understanding/category.js';

/** A resident's message as the escalation dialogue sees it (the resident already pseudonymised). */
export interface DialogueTurn {
  resident: string;
  channel: Channel;
  messageId: string | null;
  text: string;
  village: string | null;
  /** The resident's latest consultation: when its reply offered a mediator, `1` now takes the offer. */
  previous: ConsultationRecord | undefined;
}

export interface DialogueReply {
  reply: string;
  /** The consultation the intake came from, or the dialogue's own id when the resident asked directly. */
  consultationId: string;
  category: Category;
}

/** What the consultation pipeline needs of escalation to people's mediators. */
export interface Escalation {
  /**
   * Answers the message when it belongs to a dialogue: an intake under way, `1` right after an offer (the
   * previous reply offered a mediator, within 24 hours, and the offer was not taken up yet), a
   * direct request for a mediator, or a retry of any of these. Undefined lets the consultation go on.
   */
  continueDialogue(turn: DialogueTurn): Promise<DialogueReply | undefined>;
  /** Opens (or joins) a priority case for the duty mediator; undefined when that failed. */
  openUrgentCase(record: ConsultationRecord): Promise<string | undefined>;
  /** Whether the duty mediator has a working notification route: only then may a reply say they were told. */
  readonly dutyReachable: boolean;
  /** 删除我的信息: drops the resident's intake answers and kept replies. */
  forgetResident(resident: string): Promise<void>;
  /** News about the resident's cases to put in front of this reply (the same again for a retried message). */
  takeNotices(resident: string, messageId: string | null): Promise<string[]>;
}
