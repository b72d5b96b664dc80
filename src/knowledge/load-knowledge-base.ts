import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DataFileError } from '../storage/data-file-error.js';
import { KnowledgeEntrySchema, type KnowledgeEntry } from './knowledge-entry.js';

export interface SourcedEntry {
  entry: KnowledgeEntry;
  file: string;
}

/** Something wrong in the curated content, pointing at the file, the entry and the field. */
export interface KnowledgeProblem {
  file: string;
  entryId?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  return `${p.file}${p.entryId ? ` [${p.entryId}]` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

/** Reads every `*.yaml` file under `dir`, collecting every schema problem rather than stopping at the first. */
export async function readKnowledgeFiles(dir: string): Promise<{ entries: SourcedEntry[]; problems: KnowledgeProblem[] }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  const entries: SourcedEntry[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let doc: unknown;
    try {
      doc = parseYaml(await readFile(file, 'utf8'));
    } catch (cause) {
      problems.push({ file, message: `not valid YAML: ${(cause as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!Array.isArray(doc)) {
      problems.push({ file, message: 'must be a list of entries' });
      continue;
    }
    doc.forEach((raw: unknown, i) => {
      const entryId = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${i + 1}`;
      const parsed = KnowledgeEntrySchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, entryId, field: issue.path.join('.'), message: issue.message });
        return;
      }
      if (basename(file, '.yaml') !== parsed.data.category) {
        problems.push({ file, entryId, field: 'category', message: `is ${parsed.data.category} but the file holds ${basename(file, '.yaml')}` });
      }
      entries.push({ entry: parsed.data, file });
    });
  }
  return { entries, problems };
}

/** The curated entries for the running app; any problem stops start-up with the file and field named. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeEntry[]> {
  const { entries, problems } = await readKnowledgeFiles(dir);
  if (problems.length > 0) {
    throw new DataFileError(problems[0]!.file, problems.map(formatProblem).join('; '));
  }
  return entries.map((s) => s.entry);
}
