import { toArticleKey, type ArticleKey } from './article-ref.js';

export interface ArticleRequest {
  law: string;
  article: ArticleKey;
}

const NUMBER = '(?:[0-9]+|[零〇一二两三四五六七八九十百千]+)(?:\\s*之[一二三四五六七八九十]+)?';

/**
 * Finds "<law> 第<n>条" in a message: 民法典第一千零七十九条, 民法典1079条, 劳动合同法第82条, 《刑法》第133条之一.
 * `names` maps every name a resident may use (short name, full title) to the law's short name.
 */
export function findArticleRequests(text: string, names: ReadonlyMap<string, string>): ArticleRequest[] {
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return [];
  const pattern = new RegExp(`《?(${alternatives.join('|')})》?\\s*(?:的)?\\s*第?\\s*(${NUMBER})\\s*条(之[一二三四五六七八九十]+)?`, 'g');
  const found: ArticleRequest[] = [];
  for (const m of text.normalize('NFKC').matchAll(pattern)) {
    const key = toArticleKey(`${m[2]!.replace(/\s+/g, '')}${m[3] ?? ''}`);
    const law = names.get(m[1]!);
    if (key && law && !found.some((f) => f.law === law && f.article === key)) found.push({ law, article: key });
  }
  return found;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
