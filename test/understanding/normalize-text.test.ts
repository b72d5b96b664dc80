import { describe, expect, it } from 'vitest';
import { toCanonicalWords } from '../../src/understanding/canonical-words.js';
import { normalizeText } from '../../src/understanding/normalize-text.js';

describe('normalizeText', () => {
  it('turns full-width letters, digits and spaces into half-width', () => {
    expect(normalizeText('ＡＢＣ１２３　老板')).toBe('abc123 老板');
  });

  it('turns traditional characters of legal words into simplified ones', () => {
    expect(normalizeText('離婚 賠償 繼承 遺產 欠債 彩禮 贍養 土地 勞動 工資 報警')).toBe(
      '离婚 赔偿 继承 遗产 欠债 彩礼 赡养 土地 劳动 工资 报警',
    );
    expect(normalizeText('老闆拖欠工資，我該怎麼辦？')).toBe('老板拖欠工资 我该怎么办');
  });

  it('fixes common same-sound typos in legal words', () => {
    expect(normalizeText('我想离昏，财礼能要回来吗')).toBe('我想离婚 彩礼能要回来吗');
    expect(normalizeText('房子要被折迁了，宅机地怎么赔尝')).toBe('房子要被拆迁了 宅基地怎么赔偿');
  });

  it('collapses punctuation and space runs into one space and hides placeholder names', () => {
    expect(normalizeText('  你好！！！ xxx公司……欠钱？？ ')).toBe('你好 x公司 欠钱');
  });

  it('leaves ordinary simplified text as it is', () => {
    const text = '父母的宅基地能继承吗';
    expect(normalizeText(text)).toBe(text);
  });

  it('folds everyday words to one word for retrieval without touching other text', () => {
    expect(toCanonicalWords('娃判给谁 闺女 工钱没给')).toBe('孩子判给谁 女儿 工资没给');
    expect(toCanonicalWords('儿媳妇')).toBe('儿媳');
  });
});
