import { z } from 'zod';
import type { MediatorNotice } from './mediator-notice.js';
import { NOTIFY_TIMEOUT_MS, NotifyError, type MediatorNotifier } from './mediator-notifier.js';
import { UndeliverableError } from './outbox.js';
import type { Mediator } from './roster.js';

const RobotAnswerSchema = z.object({ errcode: z.number(), errmsg: z.string().optional() });

/* WeCom refuses markdown content over 4096 bytes. */
const MAX_BYTES = 4000;

/** A WeCom group robot (群机器人): markdown to the mediator's group, mentioning the mediator when known. */
export function createWecomRobotNotifier(): MediatorNotifier {
  return {
    async send(mediator, notice) {
      if (mediator.webhook?.kind !== 'wecom_robot') throw new UndeliverableError(`mediator ${mediator.id} has no WeCom robot`);
      const res = await fetch(mediator.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: toRobotMarkdown(notice, mediator) } }),
        signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
      });
      if (!res.ok) throw new NotifyError(`WeCom robot answered HTTP ${res.status}`);
      const answer = RobotAnswerSchema.safeParse(await res.json().catch(() => undefined));
      if (!answer.success) throw new NotifyError('WeCom robot answered something other than its JSON');
      if (answer.data.errcode !== 0) throw new NotifyError(`WeCom robot answered errcode ${answer.data.errcode}`);
    },
  };
}

export function toRobotMarkdown(notice: MediatorNotice, mediator: Mediator): string {
  const title = notice.priority === 'urgent' ? `<font color="warning">**${notice.title}**</font>` : `**${notice.title}**`;
  const to = mediator.wecomUserId ? `<@${mediator.wecomUserId}> ` : '';
  const lines = [`${title}`, `${to}${mediator.name}：`, ...notice.lines.map((l) => `> ${l}`)];
  let text = lines.join('\n');
  while (Buffer.byteLength(text) > MAX_BYTES) text = [...text].slice(0, -50).join('');
  return text;
}
