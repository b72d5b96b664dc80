import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * The rows of a tab-separated file whose first line names the columns, each checked by `schema` as an
 * object keyed by those names. Blank lines are skipped; a row that fails the schema fails the read,
 * naming `name` (the file by default), the line and the column.
 */
export async function readTsvRows<S extends z.ZodType>(file: string, schema: S, name = file): Promise<{ row: z.infer<S>; line: number }[]> {
  const [header = '', ...lines] = (await readFile(file, 'utf8')).split(/\r?\n/);
  const columns = header.split('\t');
  return lines.flatMap((text, index) => {
    if (!text.trim()) return [];
    const cells = text.split('\t');
    const line = index + 2;
    const parsed = schema.safeParse(Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ''])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new Error(`${name}: line ${line}: ${where}${issue?.message ?? 'invalid'}`);
    }
    return [{ row: parsed.data, line }];
  });
}
