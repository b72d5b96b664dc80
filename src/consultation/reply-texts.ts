/*
 * The fixed sentences of Mingbai's replies, in one place so the legal adviser and township staff can read
 * and adjust them. Plain words, short lines, for elderly readers on a phone.
 */

import { topicListText } from './topic-menus.js';

export const EMERGENCY_GUIDANCE =
  '【紧急】如果有人正在受到伤害或有生命危险，请马上拨打110报警，受伤请拨打120。' +
  '遭受家庭暴力的妇女儿童还可以拨打12338妇女维权热线；想不开、心里很难受，可以拨打12356心理援助热线。' +
  '先离开危险的地方，到亲友家、村委会或人多的地方去。';

export const DISCLAIMER = '以上是一般性的法律信息，不是律师对您具体情况的意见。';

export const MEDIATION_HINT = '和别人有纠纷，可以找村（居）委会或乡镇人民调解委员会免费调解。';

/** The one line that offers a people's mediator; `1` (or 要、好、需要) right after it starts the intake. */
export const MEDIATION_OFFER = '回复 1 请调解员帮忙';

export function urgentCaseText(caseId: string, township: string): string {
  return `已通知${township}值班人民调解员（案件编号 ${caseId}），会尽快处理。方便的话，回复您的手机号，调解员好联系您；不方便就回复“跳过”。`;
}

/** No notice reached anyone: never say 已通知. The case (if any) waits for staff; the resident must call. */
export function urgentNotToldText(township: string, phone: string | undefined, caseId: string | undefined): string {
  const call = phone ? `也可以打${township}司法所电话 ${phone}` : `也可以到${township}司法所或村委会找人帮忙`;
  const kept = caseId ? `您的求助已记下（编号 ${caseId}），工作人员上班后会看到。` : '';
  return `${kept}现在没能马上通知到调解员，请您先拨打110报警求助；${call}。`;
}

export const DANGER_FOLLOW_UP_HINT = '回复“详细”看具体怎么办。';

/** The numbered topics: a lone number then shows that topic's example questions (topic-menus.ts). */
const NUMBERED_TOPICS = `常见的事，回复数字看怎么问：\n${topicListText()}`;

const OTHER_TOPICS_HINT = '别的事也可以直接打字问，比如交通事故、征地拆迁、防诈骗。';

export function welcomeText(township: string): string {
  return `您好！我是${township}的法律咨询助手“明白”。有什么法律上的事，直接打字问我就行，说得越具体越好。\n${NUMBERED_TOPICS}\n遇到危险请马上拨打110。`;
}

export function menuText(township: string): string {
  return `${NUMBERED_TOPICS}\n${OTHER_TOPICS_HINT}\n需要找人当面帮忙，可以到${township}司法所，或拨打12348法律援助热线。`;
}

export const THANKS_REPLY = '不客气！还有别的问题，随时问我。';

/** Grumbling that the assistant did not help: say sorry and offer people who can. */
const COMPLAINT = /没用|用没有|没啥用|没什么用|说啥|答非所问|听不懂|看不懂|说的啥|啥玩意|什么玩意|胡说|瞎说|乱说|垃圾|笨|不对/;

/** Small talk, praise, "who are you", or a complaint about the assistant (intent `social`). */
export function socialText(township: string, text: string | null): string {
  if (text !== null && COMPLAINT.test(text)) {
    return (
      `对不起，没帮上您。可以换个说法，把遇到的事说具体些，我再试试；也可以到${township}司法所当面问，或拨打12348法律援助热线。\n` +
      NUMBERED_TOPICS
    );
  }
  return `谢谢您！我是${township}的法律咨询助手“明白”，专门回答法律上的事，有事直接打字问我就行。\n${NUMBERED_TOPICS}`;
}

export function humanHelpText(township: string): string {
  return (
    `需要找人帮忙，可以这样：\n1. 到村（居）委会或${township}人民调解委员会，调解免费。\n` +
    `2. 到${township}司法所当面咨询。\n3. 拨打12348法律援助热线。\n遇到危险请马上拨打110。`
  );
}

export function unansweredText(township: string): string {
  return (
    `这个问题我暂时答不好，已经记下来，请法律顾问补充。您可以：\n1. 拨打12348法律援助热线问一问。\n` +
    `2. 到${township}司法所当面咨询，带上身份证和相关材料（合同、借条、照片、聊天记录等）。`
  );
}

/** No curated entry answers: the usual route for this kind of matter, still recorded for the legal adviser. */
export function routeText(township: string, label: string, steps: readonly string[]): string {
  return (
    `这个问题我还没有现成的解答，已经记下来，请法律顾问补充。${label}方面的事，一般可以这样办：\n` +
    `${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}\n` +
    `也可以拨打12348法律援助热线，或到${township}司法所当面咨询。`
  );
}

export const DELETED_REPLY =
  '已删除您之前留下的全部提问内容。统计里只保留不含任何内容的次数；以后再提问，内容会照常保存，需要时可以再发“删除我的信息”。' +
  '已经交给人民调解员的案件，由调解委员会按规定保管；要撤回，请告诉调解员。';

export const FOLLOW_UP_HINT = '回复“详细”看怎么办和更多说明，回复“法条”看法律原文。';

export const NOTHING_TO_FOLLOW_UP = '您还没有问过具体的问题。请把遇到的事打字告诉我，我先回答，再给您看详细说明和法条。';
