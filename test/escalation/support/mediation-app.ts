import { startApp, type RunningApp } from '../../support/start-app.js';
import type { Clock } from '../../../src/time/clock.js';
import { TOKENS } from './test-roster.js';

export const TOWNSHIP = '清溪乡';

/** The real app over `dataDir` with the test roster, the admin token and a township name. */
export function startMediationApp(dataDir: string, rosterPath: string, clock: Clock, env: Record<string, string> = {}): Promise<RunningApp> {
  return startApp(dataDir, { clock, env: { ROSTER_FILE: rosterPath, ADMIN_TOKEN: TOKENS.admin, TOWNSHIP_NAME: TOWNSHIP, ...env } });
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
