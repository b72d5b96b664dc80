import type { Channel } from '../consultation/consultation-record.js';
import type { Category } from '../understanding/category.js';
import { intakeQuestion, type IntakeContext } from './answer-intake.js';
import type { IntakeDialogue } from './dialogue-state.js';
import { INTAKE_INTRO } from './intake-texts.js';
import { matchVillage } from './match-intake-answer.js';

export interface IntakeSeed {
  id: string;
  resident: string;
  channel: Channel;
  consultationId: string | null;
  /** The month file that consultation is in. */
  consultationMonth: string | null;
  category: Category | null;
  /** The village a channel already knows (the API's `village`), used when it is on the roster. */
  village: string | null;
  /** The masked question the offer came with: the resident may keep it as "what happened". */
  question: string | null;
}

/** A new intake and its first question; a known village skips the village question. */
export function startIntake(seed: IntakeSeed, ctx: IntakeContext): { dialogue: IntakeDialogue; reply: string } {
  const at = ctx.now.toISOString();
  const village = seed.village === null ? undefined : matchVillage(seed.village, ctx.villages);
  const dialogue: IntakeDialogue = {
    kind: 'intake',
    id: seed.id,
    resident: seed.resident,
    channel: seed.channel,
    startedAt: at,
    updatedAt: at,
    step: village ? 'relation' : 'village',
    consultationId: seed.consultationId,
    consultationMonth: seed.consultationMonth,
    category: seed.category,
    village: village?.name ?? null,
    relation: null,
    otherParty: null,
    facts: seed.question,
    factsFromQuestion: seed.question !== null,
    hope: null,
    contact: null,
  };
  return { dialogue, reply: `${INTAKE_INTRO}\n\n${intakeQuestion(dialogue, ctx)}` };
}
