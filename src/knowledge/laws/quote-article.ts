import type { ArticleRequest } from './find-article-requests.js';
import type { LawCorpus } from './load-law-corpus.js';

const QUOTE_MAX = 320;

/** An article for a resident to read: title, version, number and text, trimmed at a sentence end. */
export function quoteArticle(corpus: LawCorpus, request: ArticleRequest): string {
  const law = corpus.laws.get(request.law);
  if (!law) return `没有找到《${request.law}》。`;
  const text = law.articles.get(request.article);
  if (text === undefined) {
    return `《${law.title}》没有第${request.article}条（这部法共${countPlain(law.articles)}条），请核对条文号。`;
  }
  return `《${law.title}》（${law.version}版）第${request.article}条：\n${trim(text)}`;
}

function trim(text: string): string {
  if ([...text].length <= QUOTE_MAX) return text;
  const head = [...text].slice(0, QUOTE_MAX).join('');
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('\n'));
  return `${cut > QUOTE_MAX / 3 ? head.slice(0, cut + 1) : head}……（条文较长，全文可到司法所查阅）`;
}

function countPlain(articles: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const key of articles.keys()) if (!key.includes('之')) n++;
  return n;
}
