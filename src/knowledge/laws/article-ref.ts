import { parseChineseNumeral } from './chinese-numeral.js';

/** An article's key inside one law: "1079", or "133之一" for an inserted article. */
export type ArticleKey = string;

/** `第一千零七十九条` / `一千零七十九` / `133之一` / 1079 → the article key, or null. */
export function toArticleKey(label: string | number): ArticleKey | null {
  if (typeof label === 'number') return Number.isInteger(label) && label > 0 ? String(label) : null;
  const m = /^第?\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条?\s*(之[一二三四五六七八九十]+)?$/.exec(label.trim());
  if (!m) return null;
  const n = /^[0-9]+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
  if (!Number.isInteger(n) || n <= 0) return null;
  return `${n}${m[2] ?? ''}`;
}
