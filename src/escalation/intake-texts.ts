import type { PartyRelation } from './case-record.js';
import type { IntakeDialogue } from './dialogue-state.js';
import type { Village } from './roster.js';

/*
 * What the resident reads during the intake. One short question at a time, numbered choices, and always
 * how to skip or stop, for elderly readers on a phone.
 */

/** The choices of the "who is the other party" question, in the order they are numbered. */
export const RELATION_CHOICES: readonly { relation: PartyRelation; label: string }[] = [
  { relation: 'neighbor', label: '邻居' },
  { relation: 'family', label: '家里人或亲戚' },
  { relation: 'employer', label: '老板或包工头' },
  { relation: 'village_group', label: '村里或村民小组' },
  { relation: 'debtor', label: '借钱或欠钱的人' },
  { relation: 'business', label: '商家或公司' },
  { relation: 'other', label: '其他人' },
];

export const RELATION_LABELS: Record<PartyRelation, string> = Object.fromEntries(
  RELATION_CHOICES.map((c) => [c.relation, c.label]),
) as Record<PartyRelation, string>;

/** The other party as a summary line shows it: the resident's own words first, then the kind in brackets. */
export function otherPartyText(relation: PartyRelation | null, named: string | null | undefined): string {
  if (!named) return relation === null ? '没说' : RELATION_LABELS[relation];
  return relation === null || relation === 'other' ? named : `${named}（${RELATION_LABELS[relation]}）`;
}

export const INTAKE_INTRO = '好的，我帮您把事情交给人民调解员。调解免费，您自愿参加；随时回复“取消”就结束。';

function numbered(labels: readonly string[], perLine: number): string {
  const items = labels.map((label, i) => `${i + 1} ${label}`);
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join('　'));
  return lines.join('\n');
}

export function villageQuestion(villages: readonly Village[]): string {
  return `您住在哪个村或社区？回复数字：\n${numbered(villages.map((v) => v.name), 3)}\n不想说可以回复“跳过”。`;
}

export const VILLAGE_NOT_FOUND = '没找到这个村或社区，请回复上面的数字；不想说可以回复“跳过”。';

export const RELATION_QUESTION = `和您有纠纷的是谁？回复数字，或者直接说：\n${numbered(RELATION_CHOICES.map((c) => c.label), 3)}`;

export function factsQuestion(dialogue: IntakeDialogue): string {
  const ask = '请用几句话说说发生了什么事：什么时候、为了什么、现在怎么样。';
  if (!dialogue.factsFromQuestion || dialogue.facts === null) return ask;
  return `${ask}\n回复“跳过”，就用您刚才说的：“${shorten(dialogue.facts, 60)}”`;
}

export const FACTS_TOO_SHORT = '请多说几句发生了什么事，调解员好先了解情况。';

export const HOPE_QUESTION = '您希望怎么解决？比如：赔钱、还钱、道歉、把界线划清楚。不好说可以回复“跳过”。';

export const PHONE_QUESTION =
  '留个电话，方便调解员联系您吗？电话只给负责您这件事的调解员看。\n直接回复号码；不想留，回复“跳过”。';

export const PHONE_INVALID = '这个号码好像不对。请回复11位手机号，或带区号的座机号（比如 0797-8123456）；不想留，回复“跳过”。';

export function consentQuestion(d: IntakeDialogue): string {
  const lines = [
    '请核对一下：',
    `村（社区）：${d.village ?? '没说'}`,
    `对方：${otherPartyText(d.relation, d.otherParty)}`,
    `事情：${d.facts ?? ''}`,
    `希望：${d.hope ?? '没说'}`,
    `电话：${d.contact ?? '没留'}`,
    '回复 1 同意把以上内容交给人民调解员；回复“取消”就不交。',
  ];
  return lines.join('\n');
}

export const CONSENT_AGAIN = '回复 1 同意交给人民调解员；回复“取消”就不交。';

/**
 * The case-opened message: who took it (the roster's name, or the duty mediator), by when they get in touch
 * (CASE_ACCEPT_HOURS) and what to have ready, short enough for one glance on a phone.
 */
export function intakeDoneText(opened: { caseId: string; mediator: string | null; acceptHours: number; hasContact: boolean }): string {
  const who = opened.mediator === null ? '值班人民调解员' : `人民调解员${opened.mediator}`;
  const within = `一般在${hoursText(opened.acceptHours)}内`;
  return [
    `已交给${who}。`,
    `案件编号 ${opened.caseId}`,
    opened.hasContact ? `${within}打电话联系您。` : `${within}接手，到时我在这里告诉您。`,
    '请先准备好：身份证；和对方的聊天记录、欠条、合同、照片等，有什么带什么。',
  ].join('\n');
}

/** 4 → 4小时, 48 → 2天: whole days read easier than a big number of hours. */
function hoursText(hours: number): string {
  return hours >= 24 && hours % 24 === 0 ? `${hours / 24}天` : `${hours}小时`;
}

export const INTAKE_CANCELLED = '好的，已取消，您刚才填的内容都删掉了。以后需要，回复“找调解员”就行。';

export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

export const URGENT_CONTACT_SAVED = '收到，已把电话交给值班调解员，会尽快联系您。有危险请先打110。';
export const URGENT_CONTACT_SKIPPED = '好的。有危险请先打110；有新情况可以随时告诉我。';
