import type { ConsultationService } from '../../consultation/create-consultation-service.js';
import { menuText, welcomeText } from '../../consultation/reply-texts.js';
import { topicMenuText } from '../../consultation/topic-menus.js';
import type { Logger } from '../../logger.js';
import { topicForMenuKey } from './menu-keys.js';
import type { WechatInbound } from './wechat-inbound.js';
import {
  LINK_GUIDANCE,
  locationGuidanceText,
  mediaGuidanceText,
  voiceNotRecognisedText,
} from './wechat-texts.js';

export interface WechatResponderDeps {
  channel: 'wechat' | 'wecom';
  consultations: ConsultationService;
  township: string;
  logger: Logger;
}

/** What the resident should read in answer to one pushed message, whole; null when nothing is said. */
export type WechatResponder = (inbound: WechatInbound) => Promise<string | null>;

/**
 * Questions (typed, or spoken and recognised by WeChat) go to the consultation pipeline; everything else
 * gets a fixed text here. Follows, menu taps and guidance are not consultations, so they are not recorded.
 */
export function createWechatResponder(deps: WechatResponderDeps): WechatResponder {
  const { channel, township, logger } = deps;
  const ask = async (inbound: WechatInbound, text: string, voice: boolean) => {
    const result = await deps.consultations.handle({
      channel,
      userId: inbound.fromUserName,
      text,
      messageId: inbound.msgId ?? null,
      village: null,
      ...(voice ? { voice } : {}),
    });
    return result.reply;
  };

  return async (inbound) => {
    switch (inbound.kind) {
      case 'text':
        return ask(inbound, inbound.content, false);
      case 'voice':
        if (inbound.recognition) return ask(inbound, inbound.recognition, true);
        logger.info({ channel, kind: 'voice', recognised: false }, 'voice message without recognised text');
        return voiceNotRecognisedText(township);
      case 'image':
      case 'video':
      case 'unknown':
        return mediaGuidanceText(township);
      case 'location':
        return locationGuidanceText(township);
      case 'link':
        return LINK_GUIDANCE;
      case 'subscribe':
        return welcomeText(township);
      case 'click': {
        const topic = topicForMenuKey(inbound.eventKey);
        return topic ? topicMenuText(topic) : menuText(township);
      }
      case 'unsubscribe':
        logger.info({ channel, event: 'unsubscribe' }, 'resident unsubscribed');
        return null;
      case 'event':
        return null;
    }
  };
}
