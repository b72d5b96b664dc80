import { assertUnixSeconds } from './assert-unix-seconds.js';
import { wrapCdata } from './wrap-cdata.js';

export interface TextReply {
  /** The resident: the incoming message's FromUserName. */
  toUserName: string;
  /** Our account: the incoming message's ToUserName. */
  fromUserName: string;
  /** Unix seconds. */
  createTime: number;
  content: string;
}

/** The passive text reply WeChat shows to the resident, as the body of the webhook's response. */
export function buildReplyXml({ toUserName, fromUserName, createTime, content }: TextReply): string {
  assertUnixSeconds(createTime, 'createTime');
  return [
    '<xml>',
    `<ToUserName>${wrapCdata(toUserName)}</ToUserName>`,
    `<FromUserName>${wrapCdata(fromUserName)}</FromUserName>`,
    `<CreateTime>${createTime}</CreateTime>`,
    '<MsgType><![CDATA[text]]></MsgType>',
    `<Content>${wrapCdata(content)}</Content>`,
    '</xml>',
  ].join('');
}
