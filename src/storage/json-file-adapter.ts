import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DataFileError } from './data-file-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** A lowdb adapter for a small JSON document: validated on read, replaced atomically on write. */
export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DataFileError(this.path, 'cannot be read', { cause: err });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new DataFileError(this.path, 'is not valid JSON', { cause });
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DataFileError(this.path, `${issue?.path.join('.') || '(root)'}: ${issue?.message}`, { cause: parsed.error });
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data, null, 2) + '\n');
  }
}
