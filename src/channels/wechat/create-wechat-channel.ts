import type { Pseudonymise } from '../../consultation/pseudonymise.js';
import { errorFields } from '../../http/handle-errors.js';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../time/clock.js';
import type { WechatResponder } from './create-wechat-responder.js';
import { ANSWER_TTL_SECONDS, type WechatStateStore } from './open-wechat-state.js';
import type { TextSender } from './text-sender.js';
import { toDeliveryKey } from './to-delivery-key.js';
import { truncateReply } from './truncate-reply.js';
import { WechatApiError } from './wechat-api-error.js';
import type { WechatInbound } from './wechat-inbound.js';
import { isMoreRequest, KEPT_REPLY_HEADING, NEW_REPLY_HEADING, NO_MORE_TEXT } from './wechat-texts.js';

/** WeChat gives up on a webhook after 5 s; this leaves time for the answer to travel. */
export const DEFAULT_REPLY_DEADLINE_MS = 4500;
/** Messages remembered in memory; beyond this the oldest are dropped (a retry of one then falls back to the file). */
const RECENT_LIMIT = 10_000;

export interface WechatChannelDeps {
  channel: 'wechat' | 'wecom';
  respond: WechatResponder;
  sender: TextSender;
  state: WechatStateStore;
  pseudonymise: Pseudonymise;
  logger: Logger;
  clock: Clock;
  replyDeadlineMs: number;
  /**
   * Text commands answered before the consultation (WeCom: mediators' case commands), undefined for any
   * other text. Their replies are kept, so that a retry does not run a command twice.
   */
  commands?: (userId: string, text: string) => Promise<string | undefined>;
}

export interface WechatChannel {
  /** The passive reply to send now, or null to answer `success`: nothing to say, or it goes through the API. */
  receive(inbound: WechatInbound): Promise<string | null>;
}

interface Composed {
  text: string;
  /** It used up state (the rest for 更多) or acted (a command), so a retry could not rebuild it. */
  usedState: boolean;
}

interface Delivery {
  composed: Promise<Composed | null>;
  /** Decided once, by whichever delivery of the message first sees the reply ready or its deadline pass. */
  answer?: Promise<string | null>;
  at: number;
}

/**
 * One pushed message, however often WeChat delivers it: the first delivery reserves its key and starts
 * the work; every delivery waits for the same outcome. The reply goes back in the webhook response if it
 * is ready within the deadline, else through the API when it is, and never both ways.
 */
export function createWechatChannel(deps: WechatChannelDeps): WechatChannel {
  const { channel, state, logger } = deps;
  const recent = new Map<string, Delivery>();

  const compose = async (inbound: WechatInbound, resident: string): Promise<Composed | null> => {
    if (inbound.kind === 'text' && isMoreRequest(inbound.content)) {
      const rest = state.takeMore(resident);
      return { text: rest ?? NO_MORE_TEXT, usedState: rest !== undefined };
    }
    if (inbound.kind === 'text' && deps.commands) {
      const reply = await deps.commands(inbound.fromUserName, inbound.content);
      if (reply !== undefined) return { text: reply, usedState: true };
    }
    if (inbound.kind === 'unsubscribe') {
      state.forget(resident);
      await state.save();
    }
    const text = await deps.respond(inbound);
    return text === null ? null : { text, usedState: false };
  };

  /** Puts replies the API could not deliver first, then cuts the whole to fit one WeChat message. */
  const prepare = (resident: string, text: string) => {
    const kept = state.takeKept(resident);
    const full = kept === undefined ? text : `${KEPT_REPLY_HEADING}\n${kept}\n\n${NEW_REPLY_HEADING}\n${text}`;
    return { full, ...truncateReply(full), keptUsed: kept !== undefined };
  };

  const answerNow = async (key: string, resident: string, composed: Composed | null): Promise<string | null> => {
    if (composed === null) return null;
    const { head, rest, keptUsed } = prepare(resident, composed.text);
    // A retry rebuilds the same head and rest, so a changed rest alone needs saving but not the answer.
    const rebuildable = !composed.usedState && !keptUsed;
    if (!rebuildable) state.setAnswered(key, head);
    if (state.setMore(resident, rest) || !rebuildable) await state.save();
    return head;
  };

  const deliverLater = async (key: string, inbound: WechatInbound, resident: string, work: Promise<Composed | null>) => {
    let composed: Composed | null;
    try {
      composed = await work;
    } catch (err) {
      logger.error({ channel, err: errorFields(err) }, 'message failed after the reply deadline');
      return;
    }
    if (composed === null) return;
    const { head, rest, full } = prepare(resident, composed.text);
    let failure: unknown;
    try {
      await deps.sender.sendText(inbound.fromUserName, head);
      state.setMore(resident, rest);
    } catch (err) {
      // 45015 (reply window passed), 45047 (too many messages) or an outage: nothing is lost, it goes first next time.
      failure = err;
      state.keep(resident, full);
    }
    state.setAnswered(key, null);
    try {
      await state.save();
    } catch (err) {
      logger.error({ channel, err: errorFields(err) }, 'could not save the WeChat state after a late reply');
      return;
    }
    if (failure === undefined) {
      logger.info({ channel }, 'late reply sent through the API');
    } else {
      const errcode = failure instanceof WechatApiError ? failure.errcode : undefined;
      logger.warn({ channel, errcode, err: errorFields(failure) }, 'late reply not delivered; kept for the resident’s next message');
    }
  };

  const remember = (key: string, delivery: Delivery) => {
    const oldest = delivery.at - ANSWER_TTL_SECONDS * 1000;
    for (const [k, d] of recent) {
      if (d.at >= oldest && recent.size < RECENT_LIMIT) break;
      recent.delete(k);
    }
    recent.set(key, delivery);
  };

  return {
    async receive(inbound) {
      const resident = deps.pseudonymise(channel, inbound.fromUserName);
      const key = toDeliveryKey(inbound, resident);
      let delivery = recent.get(key);
      if (!delivery) {
        const stored = state.answered(key);
        if (stored !== undefined) return stored;
        delivery = { composed: compose(inbound, resident), at: deps.clock.now().getTime() };
        remember(key, delivery);
        // A failed attempt is forgotten, so that a retry tries again.
        delivery.composed.catch(() => recent.delete(key));
      }
      if (!delivery.answer) {
        const ready = await settledWithin(delivery.composed, deps.replyDeadlineMs);
        // Decided synchronously, so deliveries waiting side by side cannot both decide.
        if (!delivery.answer) {
          if (ready) {
            delivery.answer = delivery.composed.then((composed) => answerNow(key, resident, composed));
            delivery.answer.catch(() => recent.delete(key));
          } else {
            logger.info({ channel }, 'reply not ready within the deadline; it will be sent through the API');
            delivery.answer = Promise.resolve(null);
            void deliverLater(key, inbound, resident, delivery.composed);
          }
        }
      }
      return delivery.answer;
    },
  };
}

/** Whether `promise` settles (either way) within `ms`. */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const settled = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(settled, settled);
  });
}
