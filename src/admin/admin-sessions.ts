import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../time/clock.js';

/** Signed-in dashboard sessions. Kept in memory: a restart signs everyone out, which is acceptable for staff. */
export interface AdminSessions {
  /** A new session id (256 random bits) valid for the configured time. */
  create(): { id: string; maxAgeMs: number };
  isValid(id: string | undefined): boolean;
  revoke(id: string | undefined): void;
}

/* A handful of staff: more than this many live sessions means something is signing in in a loop. */
const MAX_SESSIONS = 200;

/** Sessions expire `ttlMs` after sign-in whatever the activity, so a forgotten phone is not signed in for ever. */
export function createAdminSessions(options: { clock: Clock; ttlMs: number }): AdminSessions {
  // Only a hash of each id is held, so a heap dump does not hand out live sessions.
  const expiries = new Map<string, number>();
  const now = () => options.clock.now().getTime();

  const prune = () => {
    const t = now();
    for (const [key, expires] of expiries) if (expires <= t) expiries.delete(key);
    while (expiries.size >= MAX_SESSIONS) expiries.delete(expiries.keys().next().value!);
  };

  return {
    create() {
      prune();
      const id = randomBytes(32).toString('base64url');
      expiries.set(hash(id), now() + options.ttlMs);
      return { id, maxAgeMs: options.ttlMs };
    },
    isValid(id) {
      if (!id) return false;
      const key = hash(id);
      const expires = expiries.get(key);
      if (expires === undefined) return false;
      if (expires > now()) return true;
      expiries.delete(key);
      return false;
    },
    revoke(id) {
      if (id) expiries.delete(hash(id));
    },
  };
}

const hash = (id: string) => createHash('sha256').update(id).digest('base64url');
