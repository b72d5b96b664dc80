import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DataFileError } from '../../storage/data-file-error.js';
import { toArticleKey, type ArticleKey } from './article-ref.js';
import { parseStatute } from './parse-statute.js';

const ManifestSchema = z.object({
  laws: z.array(
    z.object({
      file: z.string().min(1),
      title: z.string().min(1),
      short: z.string().min(1),
      version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      articles: z.number().int().positive(),
    }),
  ),
});

export interface Law {
  short: string;
  title: string;
  version: string;
  articles: ReadonlyMap<ArticleKey, string>;
}

export interface LawCorpus {
  laws: ReadonlyMap<string, Law>;
  /** Every name a resident may use for a law (short name, full title, title without 中华人民共和国) → short name. */
  names: ReadonlyMap<string, string>;
  /** The article's text, or undefined when the law or the article does not exist. */
  article(law: string, article: string | number): string | undefined;
}

/** Reads `manifest.json` and every statute it lists; a file that disagrees with the manifest is refused. */
export async function loadLawCorpus(dir: string): Promise<LawCorpus> {
  const manifestPath = join(dir, 'manifest.json');
  let manifestText: string;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
  } catch (cause) {
    throw new DataFileError(manifestPath, 'cannot be read (is LAWS_DIR right?)', { cause });
  }
  const manifest = ManifestSchema.safeParse(JSON.parse(manifestText));
  if (!manifest.success) throw new DataFileError(manifestPath, manifest.error.issues[0]?.message ?? 'invalid', { cause: manifest.error });

  const laws = new Map<string, Law>();
  await Promise.all(
    manifest.data.laws.map(async (entry) => {
      const path = join(dir, entry.file);
      const statute = parseStatute(await readFile(path, 'utf8'));
      if (statute.articles.size !== entry.articles) {
        throw new DataFileError(path, `has ${statute.articles.size} articles, the manifest says ${entry.articles}`);
      }
      laws.set(entry.short, { short: entry.short, title: entry.title, version: entry.version, articles: statute.articles });
    }),
  );
  const names = new Map<string, string>();
  for (const law of laws.values()) {
    for (const name of [law.short, law.title, law.title.replace(/^中华人民共和国/, '')]) names.set(name, law.short);
  }
  return {
    laws,
    names,
    article(law, article) {
      const key = toArticleKey(article);
      return key === null ? undefined : laws.get(law)?.articles.get(key);
    },
  };
}
