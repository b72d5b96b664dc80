import { createHmac } from 'node:crypto';
import type { Clock } from '../time/clock.js';
import { NOTIFY_TIMEOUT_MS, NotifyError, type MediatorNotifier } from './mediator-notifier.js';
import { UndeliverableError } from './outbox.js';
import { toPlainText } from './wecom-app-notifier.js';

export const SIGNATURE_HEADER = 'x-mingbai-signature';
export const TIMESTAMP_HEADER = 'x-mingbai-timestamp';

/**
 * `sha256=` + hex HMAC-SHA256 over `<timestamp>.<body>`: the receiver recomputes it with the shared secret,
 * compares in constant time and refuses old timestamps, so a captured request cannot be replayed later.
 */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Any HTTPS endpoint (the township's own case system, a relay): signed JSON, any 2xx counts as received. */
export function createSignedWebhookNotifier(options: { secret: string; clock: Clock }): MediatorNotifier {
  return {
    async send(mediator, notice) {
      if (mediator.webhook?.kind !== 'signed') throw new UndeliverableError(`mediator ${mediator.id} has no signed webhook`);
      const now = options.clock.now();
      const body = JSON.stringify({
        event: notice.event,
        caseId: notice.caseId,
        priority: notice.priority,
        mediator: { id: mediator.id, name: mediator.name },
        title: notice.title,
        text: toPlainText(notice),
        sentAt: now.toISOString(),
      });
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const res = await fetch(mediator.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhookBody(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) throw new NotifyError(`webhook answered HTTP ${res.status}`);
    },
  };
}
