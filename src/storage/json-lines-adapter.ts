import { constants } from 'node:fs';
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DataFileError } from './data-file-error.js';
import { syncDirectory, writeFileAtomic } from './write-file-atomic.js';
import { dirname } from 'node:path';

export interface JsonLines<R> {
  records: R[];
}

/**
 * A lowdb adapter that keeps records as JSON Lines. Adding records appends only the new lines (one durable
 * O_DSYNC write per batch, so a month of 100,000 records is not rewritten per message); changing earlier
 * records rewrites the file atomically. Which of the two a write is comes from the records array itself:
 * pushing onto the array last read or written appends; to change an earlier record, callers put a new
 * array in place (records are never mutated in place). That keeps the check O(1) for a month of 100,000.
 */
export class JsonLinesAdapter<R> implements Adapter<JsonLines<R>> {
  /* The array last read or written, and how many of its records are in the file. */
  #array: R[] = [];
  #count = 0;
  #bytes = 0;
  /* Kept open between appends; closed whenever the file is replaced or a write fails. */
  #handle: FileHandle | undefined;

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
    this.#array = records;
    this.#count = records.length;
    this.#bytes = Buffer.byteLength(text);
    return { records };
  }

  async write(data: JsonLines<R>): Promise<void> {
    const { records } = data;
    if (this.#isAppendOnly(records)) {
      const added = records.slice(this.#count);
      if (added.length > 0) await this.#append(added);
      return;
    }
    const text = records.map((r) => JSON.stringify(r) + '\n').join('');
    await this.#closeHandle();
    await writeFileAtomic(this.path, text);
    this.#array = records;
    this.#count = records.length;
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
    return records === this.#array && records.length >= this.#count;
  }

  /**
   * One write per batch on a handle opened with O_DSYNC: the write returns once the data is on disk, as
   * write + fdatasync would, in one trip to the thread pool instead of four (open, write, sync, close).
   */
  async #append(added: R[]): Promise<void> {
    const chunk = Buffer.from(added.map((r) => JSON.stringify(r) + '\n').join(''));
    const creating = this.#bytes === 0;
    try {
      this.#handle ??= await open(this.path, APPEND_DURABLY, 0o600);
      await this.#handle.write(chunk);
    } catch (err) {
      await this.#closeHandle();
      // Leave no torn line behind: cut the file back to what was last committed.
      await truncate(this.path, this.#bytes).catch(() => undefined);
      throw err;
    }
    if (creating) await syncDirectory(dirname(this.path));
    this.#count += added.length;
    this.#bytes += chunk.length;
  }

  async #closeHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }
}

const APPEND_DURABLY = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;
