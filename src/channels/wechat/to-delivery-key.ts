import { createHash } from 'node:crypto';
import type { WechatInbound } from './wechat-inbound.js';

/**
 * What identifies one pushed message across WeChat's retries: (sender, MsgId) for messages and
 * (sender, CreateTime, Event, EventKey) for events, which have no MsgId. EventKey is added so that two
 * different menu items tapped within one second stay two messages; a retry repeats it unchanged.
 * `resident` is the sender's pseudonym, and the whole is hashed, so the key holds nothing readable.
 */
export function toDeliveryKey(inbound: WechatInbound, resident: string): string {
  const parts =
    inbound.msgId !== undefined
      ? ['msg', resident, inbound.msgId]
      : ['event', resident, String(inbound.createTime), eventName(inbound), 'eventKey' in inbound ? (inbound.eventKey ?? '') : ''];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

function eventName(inbound: WechatInbound): string {
  switch (inbound.kind) {
    case 'event':
      return inbound.event;
    case 'unknown':
      return inbound.msgType;
    default:
      return inbound.kind;
  }
}
