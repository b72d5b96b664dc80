import { afterEach, beforeEach } from 'vitest';
import { startApp, type RunningApp } from '../../support/start-app.js';
import { useTempDirs } from '../../support/temp-dir.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { startReceiver, type FakeReceiver } from './fake-receiver.js';
import type { Clock } from '../../../src/time/clock.js';
import { TOKENS, writeTestRoster } from './test-roster.js';

export const TOWNSHIP = '清溪乡';

/** The real app over `dataDir` with the test roster, the admin token and a township name. */
export function startMediationApp(dataDir: string, rosterPath: string, clock: Clock, env: Record<string, string> = {}): Promise<RunningApp> {
  return startApp(dataDir, { clock, env: { ROSTER_FILE: rosterPath, ADMIN_TOKEN: TOKENS.admin, TOWNSHIP_NAME: TOWNSHIP, ...env } });
}

export interface MediationTestContext {
  readonly app: RunningApp;
  /** The fake WeCom robot every mediator's notices go to. */
  readonly robot: FakeReceiver;
  readonly clock: FakeClock;
  readonly dataDir: string;
  readonly roster: string;
  /** Closes the app and starts it again over the same data, as a redeploy would (with `env`, or the first one). */
  restart(env?: Record<string, string>): Promise<void>;
}

/**
 * For each test: a fake clock at `startAt`, a fake WeCom robot, and the app over a fresh data directory
 * with the test roster; afterwards, notifications still on their way finish before all is closed and the
 * directories removed.
 */
export function useMediationApp(startAt: string, env: Record<string, string> = {}): MediationTestContext {
  const tempDir = useTempDirs();
  let current: Omit<MediationTestContext, 'restart'> | undefined;
  beforeEach(async () => {
    const clock = createFakeClock(startAt);
    const robot = await startReceiver();
    const dataDir = await tempDir();
    const roster = await writeTestRoster(await tempDir(), robot.url);
    current = { app: await startMediationApp(dataDir, roster, clock, env), robot, clock, dataDir, roster };
  });
  afterEach(async () => {
    if (!current) return;
    await current.app.tick(current.clock.now());
    await current.app.close();
    await current.robot.close();
    current = undefined;
  });
  const running = () => {
    if (!current) throw new Error('useMediationApp: only inside a test');
    return current;
  };
  return {
    get app() { return running().app; },
    get robot() { return running().robot; },
    get clock() { return running().clock; },
    get dataDir() { return running().dataDir; },
    get roster() { return running().roster; },
    async restart(again = env) {
      const { app, dataDir, roster, clock } = running();
      await app.close();
      current = { ...running(), app: await startMediationApp(dataDir, roster, clock, again) };
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** One resident message through POST /api/messages; the parsed answer. */
export async function say(app: RunningApp, userId: string, text: string, messageId?: string): Promise<Json> {
  const res = await app.post('/api/messages', { userId, text, ...(messageId ? { messageId } : {}) });
  if (res.status !== 200) throw new Error(`POST /api/messages → ${res.status}: ${await res.text()}`);
  return res.json();
}

/** A call to the case API with a bearer token; status and parsed body. */
export async function callCases(
  app: RunningApp,
  method: 'GET' | 'POST',
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(app.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

/** Runs a whole intake from `找调解员` to consent and returns the case id the last reply names. */
export async function fileCase(app: RunningApp, userId: string, answers: { village: string; relation: string; facts: string; hope?: string; phone?: string }): Promise<string> {
  await say(app, userId, '找调解员');
  await say(app, userId, answers.village);
  await say(app, userId, answers.relation);
  await say(app, userId, answers.facts);
  await say(app, userId, answers.hope ?? '跳过');
  await say(app, userId, answers.phone ?? '跳过');
  const done = await say(app, userId, '1');
  const id = /TJ-\d{4}-\d{4}/.exec(done.reply)?.[0];
  if (!id) throw new Error(`no case id in: ${done.reply}`);
  return id;
}
