/*
 * How a resident's short answers are read during the intake: whole messages only, punctuation, spaces and
 * full-width forms ignored, so "好的！" and "好的" are the same answer and "我不想调解了因为…" is not "取消".
 */

export function toAnswerKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

const set = (...words: string[]) => new Set(words);

const CANCEL = set('取消', '取消调解', '退出', '不调解了', '不要调解', '不要调解了', '我要取消');
const SKIP = set('跳过', '不知道', '不清楚', '不留', '不想留', '不方便', '不用', '不用了', '没有', '无', '略过', '不说');
const YES = set('1', '同意', '我同意', '好', '好的', '可以', '是', '是的', '确认', '对', '行', '要', '嗯');
const NO = set('2', '不同意', '不', '不要', '不行', '不交');
/** Right after an offer: the resident takes it. */
const ACCEPT_OFFER = set('1', '要', '好', '好的', '需要', '要的', '是', '是的', '可以', '行', '请调解员帮忙', '找调解员', '调解');
/** At any time: the resident asks for a mediator in so many words. */
const MEDIATOR_REQUEST = set(
  '找调解员',
  '调解',
  '调解员',
  '请调解员帮忙',
  '要调解',
  '我要调解',
  '申请调解',
  '找人调解',
  '人民调解',
  '我要找调解员',
  '帮我找调解员',
);

export const isCancel = (text: string) => CANCEL.has(toAnswerKey(text));
export const isSkip = (text: string) => SKIP.has(toAnswerKey(text));
export const isYes = (text: string) => YES.has(toAnswerKey(text));
export const isNo = (text: string) => NO.has(toAnswerKey(text));
export const acceptsOffer = (text: string) => ACCEPT_OFFER.has(toAnswerKey(text));
export const asksForMediator = (text: string) => MEDIATOR_REQUEST.has(toAnswerKey(text));
