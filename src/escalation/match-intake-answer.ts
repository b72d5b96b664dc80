import type { PartyRelation } from './case-record.js';
import { toAnswerKey } from './intake-words.js';
import { RELATION_CHOICES } from './intake-texts.js';
import type { Village } from './roster.js';

/** A village by its number in the list, its name or an alias, or a message that names exactly one. */
export function matchVillage(text: string, villages: readonly Village[]): Village | undefined {
  const key = toAnswerKey(text);
  if (/^\d{1,2}$/.test(key)) return villages[Number(key) - 1];
  let best: { village: Village; length: number; tied: boolean } | undefined;
  for (const village of villages) {
    for (const name of [village.name, ...village.aliases]) {
      const n = toAnswerKey(name);
      if (n.length === 0 || !key.includes(n)) continue;
      if (!best || n.length > best.length) best = { village, length: n.length, tied: false };
      else if (n.length === best.length && best.village !== village) best.tied = true;
    }
  }
  return best && !best.tied ? best.village : undefined;
}

/* Checked in this order: "包工头的公司" is about an employer, "商家" is not family for its 家. */
const RELATION_WORDS: readonly [PartyRelation, RegExp][] = [
  ['employer', /老板|包工头|工头|雇主|工厂|厂里|单位|工地|干活/],
  ['business', /商家|商店|店|公司|卖家|网店|平台|超市|厂家|中介/],
  ['village_group', /村委|村里|村组|小组|组长|村干部|村长|集体|书记/],
  ['debtor', /借|欠|债/],
  ['neighbor', /邻居|隔壁|邻里|对门|邻/],
  ['family', /家人|家里|亲戚|老公|老婆|丈夫|妻子|媳妇|儿|女|父|母|爸|妈|兄|弟|姐|妹|哥|嫂|婆|公公|岳|叔|伯|舅|姨|姑|爷|奶|孙/],
];

/** Who the other party is, by number or in the resident's words; anything unrecognised is `other`. */
export function matchRelation(text: string): PartyRelation {
  const key = toAnswerKey(text);
  if (/^\d$/.test(key)) return RELATION_CHOICES[Number(key) - 1]?.relation ?? 'other';
  return RELATION_WORDS.find(([, words]) => words.test(key))?.[0] ?? 'other';
}

/* A choice number, then words after a space or a mark: "1 老王", "1、姓王的". */
const NUMBER_THEN_WORDS = /^([1-9])[\s、.,，。:：]+([^\s\d].*)$/su;

/**
 * Who the other party is and, when the resident said more than a number or a choice's own label, their
 * words as typed: "姓王的", "老王家", "王某" and "隔壁王二" tell the mediator who, not only what kind.
 */
export function readOtherParty(text: string): { relation: PartyRelation; named: string | null } {
  const trimmed = text.trim();
  const numbered = NUMBER_THEN_WORDS.exec(trimmed);
  const choice = numbered ? RELATION_CHOICES[Number(numbered[1]) - 1] : undefined;
  const words = choice ? numbered![2]!.trim() : trimmed;
  const key = toAnswerKey(words);
  const justTheChoice = key.length === 0 || /^\d$/.test(key) || RELATION_CHOICES.some((c) => toAnswerKey(c.label) === key);
  return { relation: choice?.relation ?? matchRelation(words), named: justTheChoice ? null : words };
}
