import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataFileError } from '../../src/storage/data-file-error.js';
import { JsonLinesAdapter, type JsonLines } from '../../src/storage/json-lines-adapter.js';
import { useTempDirs } from '../support/temp-dir.js';

const Row = z.object({ n: z.number(), label: z.string() });
type Row = z.infer<typeof Row>;
const tempDir = useTempDirs();

async function openDb(path: string) {
  const db = new Low<JsonLines<Row>>(new JsonLinesAdapter(path, Row), { records: [] });
  await db.read();
  return db;
}

describe('JsonLinesAdapter', () => {
  it('appends new records without touching the bytes already on disk', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    const db = await openDb(path);
    db.data.records.push({ n: 1, label: 'a' }, { n: 2, label: 'b' });
    await db.write();
    const first = await readFile(path, 'utf8');
    db.data.records.push({ n: 3, label: 'c' });
    await db.write();
    const second = await readFile(path, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.trim().split('\n').map((l) => JSON.parse(l).n)).toEqual([1, 2, 3]);
    expect((await openDb(path)).data.records).toEqual([
      { n: 1, label: 'a' },
      { n: 2, label: 'b' },
      { n: 3, label: 'c' },
    ]);
  });

  it('rewrites the whole file atomically when an earlier record is replaced, leaving no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'log.jsonl');
    const db = await openDb(path);
    db.data.records.push({ n: 1, label: 'secret' }, { n: 2, label: 'b' });
    await db.write();
    db.data.records = db.data.records.map((r) => (r.n === 1 ? { ...r, label: '' } : r));
    await db.write();
    expect(await readFile(path, 'utf8')).not.toContain('secret');
    expect((await openDb(path)).data.records[0]).toEqual({ n: 1, label: '' });
    expect(await readdir(dir)).toEqual(['log.jsonl']);
  });

  it('keeps appending to the new file after a rewrite replaced the old one', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    const db = await openDb(path);
    db.data.records.push({ n: 1, label: 'secret' });
    await db.write();
    db.data.records = [{ n: 1, label: '' }];
    await db.write();
    db.data.records.push({ n: 2, label: 'b' });
    await db.write();
    expect(await readFile(path, 'utf8')).toBe('{"n":1,"label":""}\n{"n":2,"label":"b"}\n');
  });

  it('refuses a damaged line, names the file and the line, and leaves the file as it was', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    const damaged = '{"n":1,"label":"a"}\n{"n":2,"lab\n';
    await writeFile(path, damaged);
    const error = await openDb(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('line 2');
    expect(await readFile(path, 'utf8')).toBe(damaged);
  });

  it('refuses a record that does not match the schema', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    await writeFile(path, '{"n":"one","label":"a"}\n');
    await expect(openDb(path)).rejects.toThrow(/line 1: n:/);
  });

  it('refuses a file whose last line was cut off mid-write', async () => {
    const path = join(await tempDir(), 'log.jsonl');
    await writeFile(path, '{"n":1,"label":"a"}\n{"n":2,"label":"b"}');
    await expect(openDb(path)).rejects.toThrow(/line 2 is incomplete/);
  });
});
