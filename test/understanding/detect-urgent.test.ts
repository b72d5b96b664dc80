import { describe, expect, it } from 'vitest';
import { detectUrgent, explainUrgent } from '../../src/understanding/detect-urgent.js';
import { normalizeText } from '../../src/understanding/normalize-text.js';

const isUrgent = (text: string) => detectUrgent(normalizeText(text));

describe('detectUrgent', () => {
  it.each([
    '我老公天天打我，我该怎么办',
    '男方长期家暴，我想离婚',
    '他喝了酒就打我妈，已经好几次了',
    '他说要弄死我全家',
    '借钱不还还找混混来威胁我',
    '有人每天发短信恐吓我',
    '我不想活了',
    '我爸喝了农药',
    '活不下去了，欠了一屁股债',
    '孩子被他爸锁在家里好几天了',
    '我妈八十多了，几个儿子现在都不管，一个人在家没饭吃',
    '村里有人拿刀堵在我家门口',
    '他扬言要烧我家房子',
    '前夫总来骚扰我，还跟踪我',
    '我被家爆了',
    '我老公經常打我',
    '他从来没打过我，但是天天威胁我',
    '我想不开',
    '我姐因为家暴自杀身亡，现在姐夫又打我',
    '俺爹八十了，大哥把他撵出来了，这两天睡在村口',
    '我侄女被骗去搞传销，身份证被收了，说不让回家',
    '屋里燃气管子漏了一股味，老人还在里面',
    '欠了网贷还不上，我真的熬不下去了',
    '他说我不撤诉就把我娃带走',
    '当年他就打过我，现在又天天动手',
  ])('flags danger now: %s', (text) => {
    expect(isUrgent(text)).toBe(true);
  });

  it.each([
    '十年前被人打过一次，现在还能起诉吗',
    '去年邻居打了我爸，医药费谁出',
    '小时候被继母虐待过',
    '我弟弟被暴力催收，导致他自杀了，能告贷款公司吗',
    '老板什么都不管，工资也不发',
    '经常打电话催我还钱的是什么人',
    '村委会要打官司，怎么请律师',
    '故意伤害罪判几年',
    '离婚需要什么材料',
    '他没有威胁我，只是不还钱',
    '一方失踪两年多了，能起诉离婚吗',
    '家暴怎么认定',
    '两年前被人打伤了，对方一直没赔，还能告吗',
    '我哥前年喝农药走了，他的保险能赔吗',
    '借条找不到了，还能要回钱吗',
    '村里要砍我家门口的树修路，补偿多少',
  ])('does not flag a past event or a plain question: %s', (text) => {
    expect(isUrgent(text)).toBe(false);
  });
});

describe('explainUrgent', () => {
  it('names the kind of danger and the words that show it', () => {
    expect(explainUrgent(normalizeText('他拿着刀在俺家门口说要砍死俺'))).toMatch(/violence: 拿着刀.*threat: /);
    expect(explainUrgent(normalizeText('老公一直打我'))).toBe('violence: 一直打');
  });

  it('leaves violence that is over alone when the message asks what follows it', () => {
    expect(explainUrgent(normalizeText('保安在上班中被客人无理殴打医药费谁付'))).toBeUndefined();
    expect(explainUrgent(normalizeText('婆婆一直打骂我 我能告婆婆吗'))).toBeDefined();
  });

  it('does not take harassing calls or a threat to sue for danger', () => {
    expect(explainUrgent(normalizeText('小额贷款公司催收电话经常骚扰我的家人怎么办'))).toBeUndefined();
    expect(explainUrgent(normalizeText('对方扬言要告我们'))).toBeUndefined();
  });
});
