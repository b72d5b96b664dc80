import type { Channel } from '../consultation/consultation-record.js';
import type { NotifyVia } from './mediator-notice.js';
import type { MediatorNotifier } from './mediator-notifier.js';
import { UndeliverableError, type Deliver } from './outbox.js';
import type { ResidentMessenger } from './resident-messenger.js';
import { findMediator, type Roster } from './roster.js';

/** Sends one outbox message the way it says: a notifier for mediators, the channel's messenger for residents. */
export function createDeliver(deps: {
  roster: Roster;
  notifiers: Partial<Record<NotifyVia, MediatorNotifier>>;
  residents: Partial<Record<Channel, ResidentMessenger>> & { fallback: ResidentMessenger };
}): Deliver {
  return async (message) => {
    if (message.to === 'resident') {
      const messenger = deps.residents[message.channel] ?? deps.residents.fallback;
      await messenger.send({ channel: message.channel, resident: message.resident }, message.text);
      return;
    }
    const mediator = findMediator(deps.roster, message.mediatorId);
    if (!mediator) throw new UndeliverableError(`mediator ${message.mediatorId} is no longer on the roster`);
    const notifier = deps.notifiers[message.via];
    if (!notifier) throw new UndeliverableError(`no ${message.via} notifier is configured`);
    await notifier.send(mediator, message.notice);
  };
}
