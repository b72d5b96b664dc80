import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readTsvRows } from '../../src/understanding/read-tsv-rows.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const Row = z.object({ kind: z.string().min(1), count: z.coerce.number().int() });

describe('readTsvRows', () => {
  it('reads each row by the header’s column names, with its line number, skipping blank lines', async () => {
    const file = join(await tempDir(), 'rows.tsv');
    await writeFile(file, 'count\tkind\n3\ta\n\n5\tb\n');
    expect(await readTsvRows(file, Row)).toEqual([
      { row: { kind: 'a', count: 3 }, line: 2 },
      { row: { kind: 'b', count: 5 }, line: 4 },
    ]);
  });

  it('names the file, the line and the column of a row that fails the schema', async () => {
    const file = join(await tempDir(), 'rows.tsv');
    await writeFile(file, 'kind\tcount\na\t1\nb\tmany\n');
    await expect(readTsvRows(file, Row, 'rows.tsv')).rejects.toThrow(/^rows\.tsv: line 3: count: /);
  });
});
