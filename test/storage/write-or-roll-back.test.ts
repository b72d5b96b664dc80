import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonFileAdapter } from '../../src/storage/json-file-adapter.js';
import { writeOrRollBack } from '../../src/storage/write-or-roll-back.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const Doc = z.object({ items: z.array(z.string()) });
type Doc = z.infer<typeof Doc>;

describe('writeOrRollBack', () => {
  it('puts the new data in memory and on disk', async () => {
    const path = join(await tempDir(), 'doc.json');
    const db = new Low<Doc>(new JsonFileAdapter(path, Doc), { items: [] });
    await writeOrRollBack(db, { items: ['a'] });
    expect(db.data).toEqual({ items: ['a'] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ items: ['a'] });
  });

  it('keeps the data in memory as it was when the write fails', async () => {
    const dir = await tempDir();
    const db = new Low<Doc>(new JsonFileAdapter(join(dir, 'doc.json'), Doc), { items: [] });
    await writeOrRollBack(db, { items: ['a'] });
    const before = db.data;
    await rm(dir, { recursive: true, force: true });
    await expect(writeOrRollBack(db, { items: ['a', 'b'] })).rejects.toThrow();
    expect(db.data).toBe(before);
  });
});
