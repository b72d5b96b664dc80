import { pino } from 'pino';

/** The narrow logging interface the app depends on (pino satisfies it). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino({ level, base: undefined }, destination) : pino({ level, base: undefined });
}
