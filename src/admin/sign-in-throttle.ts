import type { Clock } from '../time/clock.js';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

/**
 * Slows guessing at the sign-in form: after 10 wrong tokens from one address in 15 minutes, that address
 * must wait out the window. The token itself (16+ random characters) is what keeps the dashboard safe; this
 * only keeps a script from hammering it.
 */
export function createSignInThrottle(clock: Clock) {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (address: string) => {
    const entry = failures.get(address);
    if (entry && clock.now().getTime() - entry.since >= WINDOW_MS) {
      failures.delete(address);
      return undefined;
    }
    return entry;
  };
  return {
    isBlocked: (address: string) => (current(address)?.count ?? 0) >= MAX_FAILURES,
    fail(address: string) {
      const entry = current(address) ?? { count: 0, since: clock.now().getTime() };
      entry.count++;
      failures.set(address, entry);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    succeed: (address: string) => failures.delete(address),
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
