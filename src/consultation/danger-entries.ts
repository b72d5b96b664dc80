import type { Category } from '../understanding/category.js';

/**
 * The one curated entry an urgent reply may carry after the emergency guidance: the entry about the danger
 * itself, never whatever the retriever found (a threat with a knife is not a right-of-way question).
 */
export const DANGER_ENTRIES = {
  domesticViolence: 'marriage-protection-order',
  elderAbuse: 'elder-abuse-neglect',
  childAbuse: 'marriage-child-abuse-neglect',
  threat: 'threat-intimidation-stalking',
} as const;

const FAMILY = /老公|丈夫|男人|媳妇|老婆|妻子|前夫|前妻|对象|男朋友|婆婆|公公|婆家|家暴|家庭暴力|儿媳|女婿|小叔子|大伯/;
const OLD = /老人|老母亲|老父亲|我妈|我爸|俺娘|俺爹|俺妈|俺爸|爷爷|奶奶|姥姥|姥爷|外公|外婆|公公|婆婆|父母|老两口|老头|老太/;
const CHILD = /孩子|小孩|娃|儿子|女儿|闺女|学生|未成年/;
const THREAT = /威胁|恐吓|吓唬|扬言|放话|要杀|弄死|砍死|打死|整死|报复|收拾|跟踪|堵/;

/** Which danger entry fits an urgent message, by who is hurt and how; undefined: the guidance alone. */
export function toDangerEntry(normalized: string, category: Category, reason: string): string | undefined {
  if (reason.startsWith('self-harm') || reason.startsWith('hazard')) return undefined;
  const violence = reason.includes('violence') || reason.includes('confined');
  if (violence && (FAMILY.test(normalized) || category === 'marriage_family')) return DANGER_ENTRIES.domesticViolence;
  if ((violence || reason.includes('left without care')) && (OLD.test(normalized) || category === 'elder_support')) return DANGER_ENTRIES.elderAbuse;
  if ((violence || reason.includes('left without care')) && CHILD.test(normalized)) return DANGER_ENTRIES.childAbuse;
  if (reason.includes('threat') || THREAT.test(normalized)) return DANGER_ENTRIES.threat;
  return undefined;
}
