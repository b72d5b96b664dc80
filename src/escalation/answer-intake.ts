import { maskPersonalNumbers } from '../consultation/mask-personal-numbers.js';
import { INTAKE_STEPS, type IntakeDialogue, type IntakeStep } from './dialogue-state.js';
import { isCancel, isNo, isSkip, isYes, toAnswerKey } from './intake-words.js';
import {
  CONSENT_AGAIN,
  FACTS_TOO_SHORT,
  HOPE_QUESTION,
  INTAKE_CANCELLED,
  PHONE_INVALID,
  PHONE_QUESTION,
  RELATION_QUESTION,
  VILLAGE_NOT_FOUND,
  consentQuestion,
  factsQuestion,
  villageQuestion,
} from './intake-texts.js';
import { matchVillage, readOtherParty } from './match-intake-answer.js';
import { parsePhone } from './parse-phone.js';
import type { Village } from './roster.js';

export interface IntakeContext {
  villages: readonly Village[];
  now: Date;
}

export type IntakeOutcome =
  | { kind: 'asked'; dialogue: IntakeDialogue; reply: string }
  | { kind: 'consented'; dialogue: IntakeDialogue }
  | { kind: 'cancelled'; reply: string };

const MAX_TEXT = 500;
/* Room for any way of naming someone; a whole story told here still reaches the mediator in part. */
const MAX_NAME = 100;

/** The question for the dialogue's current step. */
export function intakeQuestion(d: IntakeDialogue, ctx: IntakeContext): string {
  switch (d.step) {
    case 'village':
      return villageQuestion(ctx.villages);
    case 'relation':
      return RELATION_QUESTION;
    case 'facts':
      return factsQuestion(d);
    case 'hope':
      return HOPE_QUESTION;
    case 'phone':
      return PHONE_QUESTION;
    case 'consent':
      return consentQuestion(d);
  }
}

/**
 * One answer to the intake, as a pure step: the next question, the same question again (with why), the
 * resident's consent, or the end of the dialogue. `取消` ends it at any step.
 */
export function answerIntake(d: IntakeDialogue, text: string, ctx: IntakeContext): IntakeOutcome {
  if (isCancel(text)) return { kind: 'cancelled', reply: INTAKE_CANCELLED };
  const updatedAt = ctx.now.toISOString();
  const again = (why: string): IntakeOutcome => ({ kind: 'asked', dialogue: { ...d, updatedAt }, reply: why });
  const advance = (patch: Partial<IntakeDialogue>): IntakeOutcome => {
    const next: IntakeDialogue = { ...d, ...patch, step: stepAfter(d.step), updatedAt };
    return { kind: 'asked', dialogue: next, reply: intakeQuestion(next, ctx) };
  };

  switch (d.step) {
    case 'village': {
      if (isSkip(text)) return advance({ village: null });
      const village = matchVillage(text, ctx.villages);
      return village ? advance({ village: village.name }) : again(VILLAGE_NOT_FOUND);
    }
    case 'relation': {
      if (isSkip(text)) return advance({ relation: null, otherParty: null });
      // The words are kept as typed: the kind of person alone lost "姓王的" (it became 其他人).
      const { relation, named } = readOtherParty(text);
      return advance({ relation, otherParty: named === null ? null : truncate(toStoredText(named), MAX_NAME) });
    }
    case 'facts': {
      if (isSkip(text)) return d.factsFromQuestion && d.facts !== null ? advance({}) : again(FACTS_TOO_SHORT);
      if (toAnswerKey(text).length < 2) return again(FACTS_TOO_SHORT);
      const told = toStoredText(text);
      const facts = d.factsFromQuestion && d.facts !== null ? `${d.facts}\n${told}` : told;
      return advance({ facts: truncate(facts), factsFromQuestion: false });
    }
    case 'hope':
      return advance({ hope: isSkip(text) ? null : toStoredText(text) });
    case 'phone': {
      if (isSkip(text)) return advance({ contact: null });
      const phone = parsePhone(text);
      return phone ? advance({ contact: phone }) : again(PHONE_INVALID);
    }
    case 'consent':
      if (isYes(text)) return { kind: 'consented', dialogue: { ...d, updatedAt } };
      if (isNo(text)) return { kind: 'cancelled', reply: INTAKE_CANCELLED };
      return again(CONSENT_AGAIN);
  }
}

function stepAfter(step: IntakeStep): IntakeStep {
  const i = INTAKE_STEPS.indexOf(step);
  return INTAKE_STEPS[Math.min(i + 1, INTAKE_STEPS.length - 1)]!;
}

/* The phone number belongs in `contact` only: numbers typed into free text are masked like any question. */
function toStoredText(text: string): string {
  return truncate(maskPersonalNumbers(text.trim()));
}

function truncate(text: string, max = MAX_TEXT): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
