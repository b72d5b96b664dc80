import type { Clock } from '../../../src/time/clock.js';

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(at: string | Date): void;
}

/** Time that moves only when the test says so. */
export function createFakeClock(start: string): FakeClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    set: (at) => {
      now = new Date(at);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
