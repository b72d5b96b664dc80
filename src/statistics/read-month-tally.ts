import { open, type FileHandle } from 'node:fs/promises';
import { DataFileError } from '../storage/data-file-error.js';
import { addToTally, type ConsultationTally } from './consultation-tally.js';
import { createLocalDayOf } from './period.js';
import { StatsLineSchema, type StatsLine } from './stats-line.js';

const CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/** Where a read stopped: the byte after the last complete line, and how many lines that was. */
export interface ReadPosition {
  offset: number;
  lines: number;
}

/**
 * Streams a month file from `from` into `tally`, 64 KB at a time, so memory stays bounded whatever the
 * month's size: each line is parsed, checked against StatsLineSchema, counted and dropped. A last line with
 * no newline is an append still on its way to disk: it is left for the next read, not treated as damage.
 * A damaged complete line stops the read with the file and line named, as the log does on start-up.
 */
export async function readMonthTally(path: string, month: string, tally: ConsultationTally, from: ReadPosition): Promise<ReadPosition> {
  const file = await open(path, 'r');
  try {
    return await readLines(file, path, month, tally, from);
  } finally {
    await file.close();
  }
}

/** Whether `offset` sits right after a newline, i.e. the bytes before it are still the lines already read. */
export async function endsLineAt(path: string, offset: number): Promise<boolean> {
  if (offset === 0) return true;
  const file = await open(path, 'r');
  try {
    const byte = Buffer.alloc(1);
    const { bytesRead } = await file.read(byte, 0, 1, offset - 1);
    return bytesRead === 1 && byte[0] === NEWLINE;
  } finally {
    await file.close();
  }
}

async function readLines(file: FileHandle, path: string, month: string, tally: ConsultationTally, from: ReadPosition): Promise<ReadPosition> {
  const dayOf = createLocalDayOf();
  let { offset, lines } = from;
  let carry: Buffer | undefined;
  // Two buffers: the next chunk is read from disk while this one is parsed.
  let [current, spare] = [Buffer.alloc(CHUNK_BYTES), Buffer.alloc(CHUNK_BYTES)];
  let readAt = offset;
  let pending = file.read(current, 0, CHUNK_BYTES, readAt);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return { offset, lines };
      readAt += bytesRead;
      const fresh = current.subarray(0, bytesRead);
      [current, spare] = [spare, current];
      pending = file.read(current, 0, CHUNK_BYTES, readAt);
      const buf = carry ? Buffer.concat([carry, fresh]) : fresh;
      let start = 0;
      for (let end = buf.indexOf(NEWLINE, start); end !== -1; start = end + 1, end = buf.indexOf(NEWLINE, start)) {
        lines++;
        const line = parseLine(buf.toString('utf8', start, end), path, lines);
        addToTally(tally, line, dayOf(line.time), { month, offset: offset + start });
      }
      offset += start;
      // Copy the partial line out: its buffer is reused two reads later.
      carry = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
    }
  } catch (err) {
    // Let the read in flight finish before the caller closes the file.
    await pending.catch(() => undefined);
    throw err;
  }
}

/** The record whose line starts at `offset`, or undefined when no complete line starts there. */
export async function readLineAt(path: string, offset: number): Promise<StatsLine | undefined> {
  const file = await open(path, 'r');
  try {
    let buf = Buffer.alloc(0);
    const chunk = Buffer.alloc(16 * 1024);
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, offset + buf.length);
      if (bytesRead === 0) return undefined;
      buf = Buffer.concat([buf, chunk.subarray(0, bytesRead)]);
      const end = buf.indexOf(NEWLINE);
      if (end !== -1) return parseLine(buf.toString('utf8', 0, end), path, NaN);
    }
  } finally {
    await file.close();
  }
}

function parseLine(text: string, path: string, lineNo: number): StatsLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DataFileError(path, `${lineName(lineNo)} is not valid JSON`, { cause });
  }
  const parsed = StatsLineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(path, `${lineName(lineNo)}: ${issue?.path.join('.')}: ${issue?.message}`, { cause: parsed.error });
  }
  return parsed.data;
}

const lineName = (lineNo: number) => (Number.isNaN(lineNo) ? 'a line' : `line ${lineNo}`);
