import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOutbox, retryDelayMs, UndeliverableError, type Deliver, type OutboxMessage } from '../../src/escalation/outbox.js';
import { RosterSchema } from '../../src/escalation/roster.js';
import { createWecomRobotNotifier } from '../../src/escalation/wecom-robot-notifier.js';
import { useTempDirs } from '../support/temp-dir.js';
import { MINUTE } from './support/fake-clock.js';
import { startReceiver, WECOM_OK, type FakeReceiver } from './support/fake-receiver.js';
import { createMemoryLogger } from './support/memory-logger.js';

const tempDir = useTempDirs();
let robot: FakeReceiver;
afterEach(() => robot?.close());

const notice: OutboxMessage = {
  to: 'mediator',
  mediatorId: 'lin',
  via: 'wecom_robot',
  notice: { event: 'case_assigned', caseId: 'TJ-2026-0007', priority: 'normal', title: '新调解案件 TJ-2026-0007', lines: ['事情：邻居占地'] },
};

async function robotDeliver(url: string): Promise<Deliver> {
  const roster = RosterSchema.parse({
    villages: [{ name: '清溪村' }],
    dutyMediator: 'lin',
    mediators: [{ id: 'lin', name: '林淑芬', webhook: { kind: 'wecom_robot', url: `${url}/send?key=k` } }],
  });
  const notifier = createWecomRobotNotifier();
  return async (message) => {
    if (message.to !== 'mediator') throw new Error('only mediators here');
    await notifier.send(roster.mediators[0]!, message.notice);
  };
}

describe('outbox', () => {
  it('waits 1, 2, 4 … minutes between tries, at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });

  it('retries a failing webhook with backoff until it succeeds, across a restart, and then forgets it', async () => {
    robot = await startReceiver();
    let failures = 3;
    robot.answerWith(() => (failures-- > 0 ? { status: 502, body: { message: 'bad gateway' } } : WECOM_OK));
    const path = join(await tempDir(), 'outbox.json');
    const logger = createMemoryLogger();
    const t0 = new Date('2026-10-01T00:00:00.000Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

    const first = await openOutbox(path, await robotDeliver(robot.url), logger);
    await first.enqueue([notice], t0);
    await first.deliverDue(t0); // waits for the immediate try, which fails
    expect(robot.received).toHaveLength(1);
    expect(first.pending()[0]).toMatchObject({ attempts: 1, nextAttemptAt: at(1).toISOString(), lastError: 'NotifyError: WeCom robot answered HTTP 502' });

    await first.deliverDue(at(0.5));
    expect(robot.received).toHaveLength(1);
    await first.deliverDue(at(1));
    expect(first.pending()[0]).toMatchObject({ attempts: 2, nextAttemptAt: at(3).toISOString() });

    // A restart: the entry is read back from disk and goes on where it was.
    const second = await openOutbox(path, await robotDeliver(robot.url), logger);
    expect(second.pending()).toHaveLength(1);
    await second.deliverDue(at(2));
    expect(robot.received).toHaveLength(2);
    await second.deliverDue(at(3));
    expect(second.pending()[0]).toMatchObject({ attempts: 3, nextAttemptAt: at(7).toISOString() });
    await second.deliverDue(at(7));
    expect(robot.received).toHaveLength(4);
    expect(second.pending()).toEqual([]);
    expect((await openOutbox(path, await robotDeliver(robot.url), logger)).pending()).toEqual([]);

    expect(new Set(robot.received.map((r) => r.body)).size).toBe(1);
    expect(robot.received[0]!.json).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('新调解案件 TJ-2026-0007') } });
    const logged = logger.lines.join('\n');
    expect(logged).toContain('will retry');
    expect(logged).not.toContain('邻居占地');
    expect(logged).not.toContain('key=k');
  });

  it('counts a WeCom errcode as a failure', async () => {
    robot = await startReceiver();
    robot.answerWith(() => ({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }));
    const outbox = await openOutbox(join(await tempDir(), 'outbox.json'), await robotDeliver(robot.url), createMemoryLogger());
    const now = new Date('2026-10-01T00:00:00.000Z');
    await outbox.enqueue([notice], now);
    await outbox.deliverDue(now);
    expect(outbox.pending()[0]?.lastError).toBe('NotifyError: WeCom robot answered errcode 93000');
  });

  it('drops, with an error line, a message that can never be delivered', async () => {
    const logger = createMemoryLogger();
    const outbox = await openOutbox(join(await tempDir(), 'outbox.json'), async () => {
      throw new UndeliverableError('mediator lin is no longer on the roster');
    }, logger);
    const now = new Date('2026-10-01T00:00:00.000Z');
    await outbox.enqueue([notice], now);
    await outbox.deliverDue(now);
    expect(outbox.pending()).toEqual([]);
    expect(logger.lines.some((l) => l.includes('"level":"error"') && l.includes('never be delivered'))).toBe(true);
  });
});
