import type { Logger } from '../../../src/logger.js';

/** A logger that keeps its lines as JSON strings, for assertions on what is (not) logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (obj: object, msg?: string) => lines.push(JSON.stringify({ level, ...obj, msg }));
  return { lines, info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') };
}
