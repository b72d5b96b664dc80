import { beforeAll, describe, expect, it } from 'vitest';
import { findArticleRequests } from '../../../src/knowledge/laws/find-article-requests.js';
import { loadLawCorpus, type LawCorpus } from '../../../src/knowledge/laws/load-law-corpus.js';
import { quoteArticle } from '../../../src/knowledge/laws/quote-article.js';
import { statuteCorpusDir } from '../../support/statute-corpus.js';

const LAWS_DIR = statuteCorpusDir();
let corpus: LawCorpus;

beforeAll(async () => {
  if (LAWS_DIR) corpus = await loadLawCorpus(LAWS_DIR);
});

describe.skipIf(!LAWS_DIR)('the statute corpus', () => {
  it('reads every law with the article count its manifest gives', () => {
    expect(corpus.laws.get('民法典')?.articles.size).toBe(1260);
    expect(corpus.laws.get('刑法')?.articles.has('133之一')).toBe(true);
    expect(corpus.article('民法典', 1079)).toContain('准予离婚');
    expect(corpus.article('民法典', 1261)).toBeUndefined();
    expect(corpus.article('婚姻法', 1)).toBeUndefined();
  });
});

describe.skipIf(!LAWS_DIR)('findArticleRequests', () => {
  it.each([
    ['民法典第一千零七十九条', { law: '民法典', article: '1079' }],
    ['民法典1079条是什么意思', { law: '民法典', article: '1079' }],
    ['劳动合同法第82条', { law: '劳动合同法', article: '82' }],
    ['《刑法》第一百三十三条之一', { law: '刑法', article: '133之一' }],
    ['中华人民共和国民法典第 1122 条', { law: '民法典', article: '1122' }],
    ['劳动法第四十四条', { law: '劳动法', article: '44' }],
  ])('finds %s', (text, expected) => {
    expect(findArticleRequests(text, corpus.names)).toEqual([expected]);
  });

  it('finds nothing in an ordinary question', () => {
    expect(findArticleRequests('老板欠我工资三个月', corpus.names)).toEqual([]);
  });
});

describe.skipIf(!LAWS_DIR)('quoteArticle', () => {
  it('quotes the article with the law’s title and version date', () => {
    const quote = quoteArticle(corpus, { law: '民法典', article: '1079' });
    expect(quote).toContain('《中华人民共和国民法典》（2020-05-28版）第1079条');
    expect(quote).toContain('准予离婚');
  });

  it('trims a long article at a sentence end', () => {
    const quote = quoteArticle(corpus, { law: '民法典', article: '1079' });
    expect([...quote].length).toBeLessThan(420);
  });

  it('says plainly when the article does not exist', () => {
    expect(quoteArticle(corpus, { law: '民法典', article: '9999' })).toBe('《中华人民共和国民法典》没有第9999条（这部法共1260条），请核对条文号。');
  });
});
