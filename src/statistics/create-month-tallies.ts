import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createExclusive } from '../storage/run-exclusive.js';
import { createTally, type ConsultationTally } from './consultation-tally.js';
import { endsLineAt, readMonthTally } from './read-month-tally.js';
import type { CachedTally, TallyCacheFiles } from './tally-cache-file.js';

/** The consultation tallies of each month, as statistics see them. */
export interface MonthTallies {
  /** The month's tally as of now. Callers must not change it: it may be the cached one. */
  get(month: string): Promise<ConsultationTally>;
  /** Drops what is cached of a month, so the next `get` reads its file from the start. */
  forget(month: string): void;
}

export interface MonthTalliesOptions {
  /** DATA_DIR/consultations. */
  dir: string;
  /** Where finished months' tallies are kept on disk; without it they are only cached in memory. */
  cacheFiles?: TallyCacheFiles;
  /** Months that no longer receive consultations (before the current one): only those are saved to disk. */
  isFinished?: (month: string) => boolean;
}

/** A few years of months; a cached tally is small (counts, pseudonyms, question digests). */
const MAX_CACHED_MONTHS = 36;

/**
 * Per-month tallies over `dir/YYYY-MM.jsonl`, cached by the file's inode, size and mtime:
 * - unchanged file: the cached tally, no read at all;
 * - same file grown (the log only appends): only the new lines are read and added;
 * - anything else (erasing a resident's texts replaces the file): read again from the start.
 * Finished months are also saved to disk, so after a restart a year's range costs a few small reads.
 * One read per month at a time; concurrent reports of the same month wait for it.
 */
export function createMonthTallies(options: MonthTalliesOptions): MonthTallies {
  const { dir, cacheFiles } = options;
  const memory = new Map<string, CachedTally>();
  const locks = new Map<string, <T>(fn: () => Promise<T>) => Promise<T>>();

  const lockOf = (month: string) => {
    let lock = locks.get(month);
    if (!lock) locks.set(month, (lock = createExclusive()));
    return lock;
  };

  const remember = (month: string, entry: CachedTally): ConsultationTally => {
    memory.delete(month);
    memory.set(month, entry);
    while (memory.size > MAX_CACHED_MONTHS) memory.delete(memory.keys().next().value!);
    return entry.tally;
  };

  const refresh = async (month: string): Promise<ConsultationTally> => {
    const path = join(dir, `${month}.jsonl`);
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!info) {
      memory.delete(month);
      return createTally();
    }
    const file = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
    const cached = memory.get(month) ?? (await cacheFiles?.load(month));
    const sameFile = cached !== undefined && cached.file.ino === file.ino;
    if (sameFile && cached.file.size === file.size && cached.file.mtimeMs === file.mtimeMs) return remember(month, cached);

    const grown = sameFile && file.size > cached.file.size && (await endsLineAt(path, cached.position.offset));
    const base = grown ? cached : { position: { offset: 0, lines: 0 }, tally: createTally() };
    memory.delete(month);
    const position = await readMonthTally(path, month, base.tally, base.position);
    const entry = { file, position, tally: base.tally };
    if (cacheFiles && options.isFinished?.(month)) await cacheFiles.save(month, entry);
    return remember(month, entry);
  };

  return {
    get: (month) => lockOf(month)(() => refresh(month)),
    forget: (month) => memory.delete(month),
  };
}
