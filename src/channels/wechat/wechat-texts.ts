/*
 * The WeChat channels' own fixed sentences (the consultation replies are in consultation/reply-texts.ts).
 * Plain words for elderly readers; every one says what to do next.
 */

export function voiceNotRecognisedText(township: string): string {
  return `这条语音我没听清。请把您的问题打字发给我；不方便打字，可以拨打12348法律援助热线，或到${township}司法所当面咨询。`;
}

export function mediaGuidanceText(township: string): string {
  return `我现在只看得懂文字，看不了图片、视频和文件。请把遇到的事打字告诉我，比如“邻居占了我家宅基地怎么办”。材料可以带到${township}司法所，请工作人员当面看。`;
}

export function locationGuidanceText(township: string): string {
  return `收到您的位置。我没法按位置帮您查，请把遇到的事打字告诉我；想当面咨询，可以到村（居）委会或${township}司法所。`;
}

export const LINK_GUIDANCE =
  '我打不开链接。请把想问的事打字告诉我。如果是让您转钱、交保证金、填银行卡号的链接，千万别点，可以先拨打96110反诈热线或110问清楚。';

export const NO_MORE_TEXT = '上一条回复已经看完了，没有更多内容。还有别的问题，请直接打字问我。';

export const KEPT_REPLY_HEADING = '【您之前问的问题，回复如下】';
export const NEW_REPLY_HEADING = '【这次的回复】';

export const APOLOGY_TEXT = '抱歉，系统刚才出了点问题，请过一会儿再发一次。着急的事请拨打12348法律援助热线；遇到危险请马上拨打110。';

/** What a resident sends to read the rest of a long reply (the prompt in truncate-reply.ts names the first). */
export function isMoreRequest(text: string): boolean {
  return /^(更多|更多内容|下文|继续|接着说)$/.test(text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, ''));
}
