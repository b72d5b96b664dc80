import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const DisputeLabelSchema = z.object({
  question: z.string().trim().min(1),
  dispute: z.enum(['Y', 'N']).transform((flag) => flag === 'Y'),
});

/**
 * The dispute flag of knowledge-base phrasings, labelled by hand as dev.tsv is (data/dispute-labels/*.tsv,
 * header `question<TAB>dispute`): phrasing → whether it describes a dispute. A malformed row or a phrasing
 * labelled twice with different flags fails, naming file and line; a missing folder means no labels.
 */
export async function readDisputeLabels(dir: string): Promise<Map<string, boolean>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.tsv')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const labels = new Map<string, boolean>();
  for (const name of names) {
    const lines = (await readFile(join(dir, name), 'utf8')).split(/\r?\n/);
    lines.forEach((line, index) => {
      if (index === 0 || !line.trim()) return;
      const [question, dispute] = line.split('\t');
      const where = `${name}: line ${index + 1}`;
      const parsed = DisputeLabelSchema.safeParse({ question, dispute });
      if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message ?? ''}`);
      const earlier = labels.get(parsed.data.question);
      if (earlier !== undefined && earlier !== parsed.data.dispute) throw new Error(`${where}: labelled both Y and N`);
      labels.set(parsed.data.question, parsed.data.dispute);
    });
  }
  return labels;
}
