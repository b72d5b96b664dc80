import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ChannelSchema } from '../consultation/consultation-record.js';
import { writeFileAtomic } from '../storage/write-file-atomic.js';
import { CategorySchema } from '../understanding/category.js';
import type { ConsultationTally } from './consultation-tally.js';
import type { ReadPosition } from './read-month-tally.js';

/**
 * Bump when what a tally counts changes (what is a consultation, how questions group…): cached months of
 * an older version are then read again from the log instead of being trusted.
 */
export const TALLY_CACHE_VERSION = 1;

/** The month file a tally was read from, as the file system identifies it. */
export interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface CachedTally {
  file: FileIdentity;
  position: ReadPosition;
  tally: ConsultationTally;
}

const count = z.number().int().min(0);
const CacheFileSchema = z.object({
  version: z.literal(TALLY_CACHE_VERSION),
  month: z.string(),
  file: z.object({ ino: z.number(), size: count, mtimeMs: z.number() }),
  position: z.object({ offset: count, lines: count }),
  tally: z.object({
    consultations: count,
    answered: count,
    unanswered: count,
    urgent: count,
    dispute: count,
    voice: count,
    escalationsOffered: count,
    residents: z.array(z.string()),
    byCategory: z.array(z.tuple([CategorySchema, count])),
    byVillage: z.array(z.tuple([z.string(), count])),
    byChannel: z.array(z.tuple([ChannelSchema, count])),
    byDay: z.array(z.tuple([z.string(), count])),
    /** [question id, category, count, byte offset of the first such question]: ids and offsets, no words. */
    unansweredGroups: z.array(z.tuple([z.string(), CategorySchema, count, count])),
  }),
});

/**
 * Finished months' tallies on disk (DATA_DIR/statistics-cache/YYYY-MM.json), so a restart does not parse a
 * year of logs again. Derived data: safe to delete at any time. It holds counts, resident pseudonyms (as the
 * log does) and question digests with offsets, never question text.
 */
export function createTallyCacheFiles(cacheDir: string) {
  const pathOf = (month: string) => join(cacheDir, `${month}.json`);
  return {
    async load(month: string): Promise<CachedTally | undefined> {
      let value: unknown;
      try {
        value = JSON.parse(await readFile(pathOf(month), 'utf8'));
      } catch {
        return undefined;
      }
      // A damaged or outdated cache file is not an error: the month is simply read from the log again.
      const parsed = CacheFileSchema.safeParse(value);
      if (!parsed.success || parsed.data.month !== month) return undefined;
      const { file, position, tally: t } = parsed.data;
      return {
        file,
        position,
        tally: {
          ...t,
          residents: new Set(t.residents),
          byCategory: new Map(t.byCategory),
          byVillage: new Map(t.byVillage),
          byChannel: new Map(t.byChannel),
          byDay: new Map(t.byDay),
          unansweredGroups: new Map(t.unansweredGroups.map(([id, category, n, offset]) => [id, { category, count: n, first: { month, offset } }])),
        },
      };
    },

    async save(month: string, cached: CachedTally): Promise<void> {
      const t = cached.tally;
      const content: z.input<typeof CacheFileSchema> = {
        version: TALLY_CACHE_VERSION,
        month,
        file: cached.file,
        position: cached.position,
        tally: {
          ...t,
          residents: [...t.residents],
          byCategory: [...t.byCategory],
          byVillage: [...t.byVillage],
          byChannel: [...t.byChannel],
          byDay: [...t.byDay],
          unansweredGroups: [...t.unansweredGroups].map(([id, g]) => [id, g.category, g.count, g.first.offset]),
        },
      };
      await mkdir(cacheDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(pathOf(month), JSON.stringify(content));
    },
  };
}
export type TallyCacheFiles = ReturnType<typeof createTallyCacheFiles>;
