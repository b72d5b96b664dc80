/** Where the app gets the time, so tests can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The township keeps Beijing time: months and days are counted in it, whatever the server's zone. */
export const TOWNSHIP_TIME_ZONE = 'Asia/Shanghai';

/*
 * Beijing time is UTC+8 all year (China has kept no summer time since 1991), so the township's day is plain
 * arithmetic; Intl's time-zone formatting gives the same answer (a test checks) at many times the cost, and
 * this runs several times per message.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-28` for the township's calendar day of `date`. */
export function toLocalDay(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11` for the township's month of `date`. */
export function toLocalMonth(date: Date): string {
  return toLocalDay(date).slice(0, 7);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
