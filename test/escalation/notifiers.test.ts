import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MediatorNotice } from '../../src/escalation/mediator-notice.js';
import { RosterSchema } from '../../src/escalation/roster.js';
import { createSignedWebhookNotifier, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/escalation/signed-webhook-notifier.js';
import { createWecomAppNotifier, type WecomMessenger } from '../../src/escalation/wecom-app-notifier.js';
import { createWecomRobotNotifier } from '../../src/escalation/wecom-robot-notifier.js';
import { createFakeClock } from './support/fake-clock.js';
import { startReceiver, type FakeReceiver } from './support/fake-receiver.js';

let receiver: FakeReceiver;
afterEach(() => receiver?.close());

const notice: MediatorNotice = {
  event: 'case_assigned',
  caseId: 'TJ-2026-0003',
  priority: 'urgent',
  title: '【紧急】值班调解：案件 TJ-2026-0003',
  lines: ['类别：婚姻家庭', '事情：丈夫酒后打人'],
};
const mediatorWith = (webhook?: { kind: 'wecom_robot' | 'signed'; url: string }) =>
  RosterSchema.parse({
    villages: [{ name: '清溪村' }],
    dutyMediator: 'duty',
    mediators: [{ id: 'duty', name: '值班室', wecomUserId: 'Duty', ...(webhook ? { webhook } : {}) }],
  }).mediators[0]!;

describe('WeCom group robot', () => {
  it('posts JSON markdown that mentions the mediator and marks an urgent case', async () => {
    receiver = await startReceiver();
    await createWecomRobotNotifier().send(mediatorWith({ kind: 'wecom_robot', url: `${receiver.url}/cgi-bin/webhook/send?key=abc` }), notice);
    const [got] = receiver.received;
    expect(got!.path).toBe('/cgi-bin/webhook/send?key=abc');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.json.msgtype).toBe('markdown');
    expect(got!.json.markdown.content).toBe(
      '<font color="warning">**【紧急】值班调解：案件 TJ-2026-0003**</font>\n<@Duty> 值班室：\n> 类别：婚姻家庭\n> 事情：丈夫酒后打人',
    );
  });
});

describe('signed webhook', () => {
  it('signs timestamp and body with HMAC-SHA256 so the receiver can check them', async () => {
    receiver = await startReceiver();
    receiver.answerWith(() => ({ status: 204, body: null }));
    const secret = 'a-shared-secret-for-tests';
    const clock = createFakeClock('2026-10-05T08:00:00.000Z');
    await createSignedWebhookNotifier({ secret, clock }).send(mediatorWith({ kind: 'signed', url: `${receiver.url}/hook` }), notice);
    const [got] = receiver.received;
    const timestamp = got!.headers[TIMESTAMP_HEADER] as string;
    expect(timestamp).toBe(String(Date.parse('2026-10-05T08:00:00.000Z') / 1000));
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${got!.body}`).digest('hex')}`);
    expect(timingSafeEqual(Buffer.from(got!.headers[SIGNATURE_HEADER] as string), expected)).toBe(true);
    expect(got!.json).toMatchObject({ event: 'case_assigned', caseId: 'TJ-2026-0003', priority: 'urgent', mediator: { id: 'duty' } });
  });

  it('fails on a non-2xx answer so the outbox tries again', async () => {
    receiver = await startReceiver();
    receiver.answerWith(() => ({ status: 500, body: {} }));
    const notifier = createSignedWebhookNotifier({ secret: 'a-shared-secret-for-tests', clock: createFakeClock('2026-10-05T08:00:00.000Z') });
    await expect(notifier.send(mediatorWith({ kind: 'signed', url: `${receiver.url}/hook` }), notice)).rejects.toThrow('webhook answered HTTP 500');
  });
});

describe('WeCom app message', () => {
  it('sends the notice as text to the mediator’s WeCom user id', async () => {
    const sent: [string, string][] = [];
    const messenger: WecomMessenger = { sendText: async (userId, text) => void sent.push([userId, text]) };
    await createWecomAppNotifier(messenger).send(mediatorWith(), notice);
    expect(sent).toEqual([['Duty', '【紧急】值班调解：案件 TJ-2026-0003\n类别：婚姻家庭\n事情：丈夫酒后打人']]);
  });
});
