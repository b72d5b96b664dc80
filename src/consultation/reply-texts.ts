/*
 * The fixed sentences of Mingbai's replies, in one place so the legal adviser and township staff can read
 * and adjust them. Plain words, short lines, for elderly readers on a phone.
 */

export const EMERGENCY_GUIDANCE =
  '【紧急】如果有人正在受到伤害或有生命危险，请马上拨打110报警，受伤请拨打120。' +
  '遭受家庭暴力的妇女儿童还可以拨打12338妇女维权热线；想不开、心里很难受，可以拨打12356心理援助热线。' +
  '先离开危险的地方，到亲友家、村委会或人多的地方去。';

export const DISCLAIMER = '以上是一般性的法律信息，不是律师对您具体情况的意见。';

export const MEDIATION_HINT = '和别人有纠纷，可以找村（居）委会或乡镇人民调解委员会免费调解。';

export const TOPICS_HINT = '比如：宅基地和承包地、赡养老人、彩礼和离婚、老板不给工钱、借钱不还、邻居纠纷、继承遗产、交通事故、防诈骗。';

export function welcomeText(township: string): string {
  return `您好！我是${township}的法律咨询助手“明白”。有什么法律上的事，直接打字问我就行，说得越具体越好。\n${TOPICS_HINT}\n遇到危险请马上拨打110。`;
}

export function menuText(township: string): string {
  return `想问哪方面的事，直接把情况打字告诉我。${TOPICS_HINT}\n需要找人当面帮忙，可以到${township}司法所，或拨打12348法律援助热线。`;
}

export const THANKS_REPLY = '不客气！还有别的问题，随时问我。';

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

export const DELETED_REPLY =
  '已删除您之前留下的全部提问内容。统计里只保留不含任何内容的次数；以后再提问，内容会照常保存，需要时可以再发“删除我的信息”。';

export const FOLLOW_UP_HINT = '回复“详细”看更多说明，回复“法条”看法律原文。';

export const NOTHING_TO_FOLLOW_UP = '您还没有问过具体的问题。请把遇到的事打字告诉我，我先回答，再给您看详细说明和法条。';
