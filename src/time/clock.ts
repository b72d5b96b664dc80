/** Where the app gets the time, so tests can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The township keeps Beijing time: months and days are counted in it, whatever the server's zone. */
export const TOWNSHIP_TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TOWNSHIP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2026-11-28` for the township's calendar day of `date`. */
export function toLocalDay(date: Date): string {
  return dayFormat.format(date);
}

/** `2026-11` for the township's month of `date`. */
export function toLocalMonth(date: Date): string {
  return toLocalDay(date).slice(0, 7);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
