import type { MediatorNotice } from './mediator-notice.js';
import type { MediatorNotifier } from './mediator-notifier.js';
import { UndeliverableError } from './outbox.js';

/**
 * What the notifier needs of a WeCom API client: a text message to one member of the corp through the
 * self-built app (`message/send`, touser). Whatever client src/channels/wecom/ offers is adapted to this.
 */
export interface WecomMessenger {
  sendText(userId: string, text: string): Promise<void>;
}

/** A WeCom app message straight to the mediator's own WeCom. */
export function createWecomAppNotifier(messenger: WecomMessenger): MediatorNotifier {
  return {
    async send(mediator, notice) {
      if (mediator.wecomUserId === undefined) throw new UndeliverableError(`mediator ${mediator.id} has no WeCom user id`);
      await messenger.sendText(mediator.wecomUserId, toPlainText(notice));
    },
  };
}

export function toPlainText(notice: MediatorNotice): string {
  return [notice.title, ...notice.lines].join('\n');
}
