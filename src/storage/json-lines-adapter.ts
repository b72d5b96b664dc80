import { open, readFile, truncate } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DataFileError } from './data-file-error.js';
import { syncDirectory, writeFileAtomic } from './write-file-atomic.js';
import { dirname } from 'node:path';

export interface JsonLines<R> {
  records: R[];
}

/**
 * A lowdb adapter that keeps records as JSON Lines. Adding records appends only the new lines (one write
 * and one fsync per batch, so a month of 100,000 records is not rewritten per message); changing earlier
 * records rewrites the file atomically. Records are compared by reference, so callers replace a record
 * object to change it, never mutate it.
 */
export class JsonLinesAdapter<R> implements Adapter<JsonLines<R>> {
  #persisted: R[] = [];
  #bytes = 0;

  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<R>,
  ) {}

  async read(): Promise<JsonLines<R> | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DataFileError(this.path, 'cannot be read', { cause: err });
    }
    const lines = text.split('\n');
    if (lines.pop() !== '') throw new DataFileError(this.path, `line ${lines.length + 1} is incomplete`);
    const records = lines.map((line, i) => this.#parseLine(line, i + 1));
    this.#persisted = records.slice();
    this.#bytes = Buffer.byteLength(text);
    return { records };
  }

  async write(data: JsonLines<R>): Promise<void> {
    const { records } = data;
    if (this.#isAppendOnly(records)) {
      const added = records.slice(this.#persisted.length);
      if (added.length > 0) await this.#append(added);
      return;
    }
    const text = records.map((r) => JSON.stringify(r) + '\n').join('');
    await writeFileAtomic(this.path, text);
    this.#persisted = records.slice();
    this.#bytes = Buffer.byteLength(text);
  }

  #parseLine(line: string, lineNo: number): R {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new DataFileError(this.path, `line ${lineNo} is not valid JSON`, { cause });
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DataFileError(this.path, `line ${lineNo}: ${issue?.path.join('.')}: ${issue?.message}`, { cause: parsed.error });
    }
    return parsed.data;
  }

  #isAppendOnly(records: R[]): boolean {
    const persisted = this.#persisted;
    if (records.length < persisted.length) return false;
    for (let i = 0; i < persisted.length; i++) if (records[i] !== persisted[i]) return false;
    return true;
  }

  async #append(added: R[]): Promise<void> {
    const chunk = Buffer.from(added.map((r) => JSON.stringify(r) + '\n').join(''));
    const creating = this.#bytes === 0;
    const file = await open(this.path, 'a', 0o600);
    try {
      await file.write(chunk);
      await file.datasync();
    } catch (err) {
      await file.close().catch(() => undefined);
      // Leave no torn line behind: cut the file back to what was last committed.
      await truncate(this.path, this.#bytes).catch(() => undefined);
      throw err;
    }
    await file.close();
    if (creating) await syncDirectory(dirname(this.path));
    this.#persisted.push(...added);
    this.#bytes += chunk.length;
  }
}
