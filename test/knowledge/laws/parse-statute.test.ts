import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../../src/knowledge/laws/chinese-numeral.js';
import { parseStatute } from '../../../src/knowledge/laws/parse-statute.js';

describe('parseStatute', () => {
  const text = [
    '# 中华人民共和国示例法',
    '',
    '2020年5月28日 通过',
    '',
    '<!-- INFO END -->',
    '',
    '## 第一章 总则',
    '',
    '第一条 为了示例，制定本法。',
    '',
    '第二条\u3000本条用全角空格分隔。',
    '',
    '第二款接着写。',
    '',
    '## 第二章 分则',
    '',
    '第二条之一 插入的条文。',
    '',
    '第一千零七十九条 大编号。',
  ].join('\n');

  it('reads articles after either an ideographic or an ASCII space, with 之一 and multi-paragraph bodies', () => {
    const statute = parseStatute(text);
    expect(statute.title).toBe('中华人民共和国示例法');
    expect([...statute.articles.keys()]).toEqual(['1', '2', '2之一', '1079']);
    expect(statute.articles.get('2')).toBe('本条用全角空格分隔。\n第二款接着写。');
    expect(statute.articles.get('2之一')).toBe('插入的条文。');
  });

  it('does not count chapter headings as article text', () => {
    expect(parseStatute(text).articles.get('2')).not.toContain('第二章');
  });
});

describe('Chinese numerals', () => {
  it('round-trips every article number below 10,000', () => {
    for (let n = 1; n < 10000; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it.each([
    ['十', 10],
    ['十二', 12],
    ['一百零一', 101],
    ['一千零七十九', 1079],
    ['一千二百六十', 1260],
  ])('reads %s as %i', (text, n) => expect(parseChineseNumeral(text)).toBe(n));

  it('rejects what is not a numeral', () => expect(parseChineseNumeral('第条')).toBeNaN());
});

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1079 → 一千零七十九, as statutes number their articles: the reference the round trip is checked against. */
function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) throw new RangeError(`cannot write ${n} as an article number`);
  const parts: string[] = [];
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let pendingZero = false;
  for (const [value, unit] of units) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (parts.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    parts.push(value === 10 && d === 1 && parts.length === 0 ? unit : NUMERALS[d]! + unit);
  }
  return parts.join('');
}
