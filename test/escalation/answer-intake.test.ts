import { describe, expect, it } from 'vitest';
import { answerIntake, type IntakeOutcome } from '../../src/escalation/answer-intake.js';
import type { IntakeDialogue } from '../../src/escalation/dialogue-state.js';
import { VillageSchema } from '../../src/escalation/roster.js';
import { startIntake } from '../../src/escalation/start-intake.js';

const villages = [
  { name: '清溪村', aliases: ['清溪'] },
  { name: '上坪村' },
  { name: '清溪社区', kind: 'community', aliases: ['街上'] },
].map((v) => VillageSchema.parse(v));
const ctx = { villages, now: new Date('2026-09-01T02:00:00.000Z') };
const seed = { id: 'd-1', resident: 'a'.repeat(24), channel: 'api' as const, consultationId: 'c-1', consultationMonth: '2026-09', category: 'neighbor' as const, village: null };

const fresh = (question: string | null = '邻居占了我家地') => startIntake({ ...seed, question }, ctx).dialogue;
function asked(outcome: IntakeOutcome): { dialogue: IntakeDialogue; reply: string } {
  if (outcome.kind !== 'asked') throw new Error(`expected a question, got ${outcome.kind}`);
  return outcome;
}
const at = (d: IntakeDialogue, step: IntakeDialogue['step'], patch: Partial<IntakeDialogue> = {}) => ({ ...d, step, ...patch });

describe('answerIntake', () => {
  it('takes the village by number, name, alias or a sentence naming one', () => {
    for (const [answer, village] of [['1', '清溪村'], ['上坪村', '上坪村'], ['街上', '清溪社区'], ['我是清溪社区的', '清溪社区'], ['3.', '清溪社区']]) {
      const next = asked(answerIntake(fresh(), answer!, ctx));
      expect(next.dialogue, answer).toMatchObject({ village, step: 'relation' });
    }
  });

  it('asks again for an unknown or ambiguous village, and lets it be skipped', () => {
    expect(asked(answerIntake(fresh(), '9', ctx)).dialogue.step).toBe('village');
    expect(asked(answerIntake(fresh(), '北京', ctx)).reply).toContain('没找到');
    expect(asked(answerIntake(fresh(), '跳过', ctx)).dialogue).toMatchObject({ village: null, step: 'relation' });
  });

  it('reads who the other party is by number or words', () => {
    for (const [answer, relation] of [['1', 'neighbor'], ['3', 'employer'], ['包工头', 'employer'], ['我儿子', 'family'], ['网店商家', 'business'], ['村委会', 'village_group'], ['借我钱的人', 'debtor'], ['一个路人', 'other']]) {
      expect(asked(answerIntake(at(fresh(), 'relation'), answer!, ctx)).dialogue.relation, answer).toBe(relation);
    }
  });

  it('keeps the other party as typed, beside the kind of person it is', () => {
    for (const [answer, relation, otherParty] of [
      ['姓王的', 'other', '姓王的'],
      ['老王家', 'other', '老王家'],
      ['王某', 'other', '王某'],
      ['隔壁王二', 'neighbor', '隔壁王二'],
      ['  隔壁老王家的儿子 ', 'neighbor', '隔壁老王家的儿子'],
      ['1 姓王的', 'neighbor', '姓王的'],
      ['1、老王', 'neighbor', '老王'],
      ['1', 'neighbor', null],
      ['邻居', 'neighbor', null],
      ['借钱或欠钱的人！', 'debtor', null],
    ] as const) {
      expect(asked(answerIntake(at(fresh(), 'relation'), answer, ctx)).dialogue, answer).toMatchObject({ relation, otherParty, step: 'facts' });
    }
    expect(asked(answerIntake(at(fresh(), 'relation'), '跳过', ctx)).dialogue).toMatchObject({ relation: null, otherParty: null });
  });

  it('masks a phone number typed with the other party, like any free text', () => {
    const next = asked(answerIntake(at(fresh(), 'relation'), '王某 13812345678', ctx));
    expect(next.dialogue.otherParty).toBe('王某 [电话]');
  });

  it('shows the other party in the resident\'s words on the summary before consent', () => {
    for (const [otherParty, relation, shown] of [
      ['姓王的', 'other', '对方：姓王的'],
      ['隔壁王二', 'neighbor', '对方：隔壁王二（邻居）'],
      [null, 'neighbor', '对方：邻居'],
      [null, null, '对方：没说'],
    ] as const) {
      const summary = asked(answerIntake(at(fresh(), 'phone', { relation, otherParty }), '跳过', ctx));
      expect(summary.reply.split('\n'), String(otherParty)).toContain(shown);
    }
  });

  it('keeps the question as what happened on 跳过, and adds to it when the resident says more', () => {
    const d = at(fresh(), 'facts');
    expect(asked(answerIntake(d, '跳过', ctx)).dialogue).toMatchObject({ facts: '邻居占了我家地', step: 'hope' });
    expect(asked(answerIntake(d, '占了三年了，电话13812345678', ctx)).dialogue.facts).toBe('邻居占了我家地\n占了三年了，电话[电话]');
  });

  it('does not let what happened be skipped when there was no question to keep', () => {
    const d = at(fresh(null), 'facts');
    expect(asked(answerIntake(d, '跳过', ctx)).dialogue.step).toBe('facts');
    expect(asked(answerIntake(d, '嗯', ctx)).reply).toContain('多说几句');
  });

  it('checks the phone number and lets it be left out', () => {
    const d = at(fresh(), 'phone');
    expect(asked(answerIntake(d, '138-1234-5678', ctx)).dialogue).toMatchObject({ contact: '13812345678', step: 'consent' });
    expect(asked(answerIntake(d, '不想留', ctx)).dialogue).toMatchObject({ contact: null, step: 'consent' });
    expect(asked(answerIntake(d, '1234', ctx)).dialogue.step).toBe('phone');
  });

  it('shows everything before consent, and only a yes passes it on', () => {
    const d = at(fresh(), 'phone', { village: '上坪村', relation: 'neighbor', hope: '退地' });
    const summary = asked(answerIntake(d, '13812345678', ctx));
    expect(summary.reply).toContain('对方：邻居');
    expect(summary.reply).toContain('希望：退地');
    expect(summary.reply).toContain('电话：13812345678');
    expect(answerIntake(summary.dialogue, '同意', ctx).kind).toBe('consented');
    expect(answerIntake(summary.dialogue, '2', ctx).kind).toBe('cancelled');
    expect(asked(answerIntake(summary.dialogue, '什么意思', ctx)).dialogue.step).toBe('consent');
  });

  it('ends on 取消 at every step', () => {
    for (const step of ['village', 'relation', 'facts', 'hope', 'phone', 'consent'] as const) {
      expect(answerIntake(at(fresh(), step), '取消', ctx).kind, step).toBe('cancelled');
    }
  });
});
