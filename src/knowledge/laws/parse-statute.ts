import { toArticleKey, type ArticleKey } from './article-ref.js';

export interface Statute {
  title: string;
  articles: Map<ArticleKey, string>;
}

/* An article starts a line: 第…条 (maybe 之一), then an ideographic or ASCII space. */
const ARTICLE_START = /^(第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[\u3000 ]+(.*)$/;

/**
 * Reads a statute file of shared/laws: `# title`, front matter up to `<!-- INFO END -->`, `##` headings,
 * and articles that run until the next line starting an article. Headings are not part of any article.
 */
export function parseStatute(text: string): Statute {
  const lines = text.split(/\r?\n/);
  const title = lines.find((l) => l.startsWith('# '))?.slice(2).trim() ?? '';
  const infoEnd = lines.findIndex((l) => l.trim() === '<!-- INFO END -->');
  const articles = new Map<ArticleKey, string>();
  let current: { key: ArticleKey; parts: string[] } | null = null;
  const close = () => {
    if (current && !articles.has(current.key)) articles.set(current.key, current.parts.join('\n').trim());
  };
  for (const line of lines.slice(infoEnd + 1)) {
    const start = ARTICLE_START.exec(line);
    if (start) {
      const key = toArticleKey(start[1]!.replace(/^第/, '').replace(/条(之.*)?$/, '$1'));
      if (key) {
        close();
        current = { key, parts: [start[2]!.trim()] };
        continue;
      }
    }
    if (line.startsWith('#')) continue;
    if (current && line.trim() !== '') current.parts.push(line.trim());
  }
  close();
  return { title, articles };
}
