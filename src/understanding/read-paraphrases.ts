import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** A resident's way of asking a curated question that is deliberately not in the knowledge base. */
export const ParaphraseSchema = z.object({
  entryId: z.string().min(1),
  question: z.string().trim().min(1),
  file: z.string(),
});
export type Paraphrase = z.infer<typeof ParaphraseSchema>;

/** Reads every `*.tsv` in `dir` (header `entry_id<TAB>question`); a malformed row fails, naming it. */
export async function readParaphrases(dir: string): Promise<Paraphrase[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.tsv')).sort();
  const paraphrases: Paraphrase[] = [];
  for (const name of names) {
    const lines = (await readFile(join(dir, name), 'utf8')).split(/\r?\n/);
    lines.forEach((line, index) => {
      if (index === 0 || !line.trim()) return;
      const [entryId, question] = line.split('\t');
      const parsed = ParaphraseSchema.safeParse({ entryId, question, file: name });
      if (!parsed.success) throw new Error(`${name}: line ${index + 1}: ${parsed.error.issues[0]?.message ?? ''}`);
      paraphrases.push(parsed.data);
    });
  }
  return paraphrases;
}
