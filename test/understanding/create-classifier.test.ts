import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/understanding/create-classifier.js';

const classifier = createClassifier();

describe('createClassifier', () => {
  it.each([
    ['离婚', 'marriage_family'],
    ['彩礼', 'marriage_family'],
    ['老板欠钱', 'labor_wages'],
    ['宅基地', 'land_homestead'],
    ['赡养', 'elder_support'],
    ['拆迁', 'expropriation'],
    ['遗产', 'inheritance'],
    ['车祸', 'traffic'],
    ['借条', 'debt_contract'],
    ['低保', 'administrative'],
    ['律师费', 'legal_procedure'],
  ] as const)('puts the short message %s in %s', (text, category) => {
    expect(classifier.classify(text).category).toBe(category);
  });

  it('reads a long first-person story for its underlying relationship', () => {
    const story =
      '我和老公结婚八年了，他这几年在外面打工很少回家，去年开始就不往家里寄钱，孩子上学的钱都是我借的，' +
      '现在他提出要离婚，还说孩子归他，房子是我们结婚后一起盖的，我想知道离婚的话孩子和房子怎么判';
    const result = classifier.classify(story);
    expect(result.category).toBe('marriage_family');
    expect(result.dispute).toBe(true);
    expect(result.urgent).toBe(false);
  });

  it('classifies through typos and traditional characters', () => {
    expect(classifier.classify('我想离昏，财礼要退吗').category).toBe('marriage_family');
    expect(classifier.classify('我想離婚，彩禮要退嗎').category).toBe('marriage_family');
    expect(classifier.classify('老闆拖欠工資三個月了').category).toBe('labor_wages');
    expect(classifier.classify('父親去世後遺產怎麼分').category).toBe('inheritance');
  });

  it('follows the taxonomy: the relationship, not the procedure', () => {
    expect(classifier.classify('包工头欠我工资，怎么起诉他').category).toBe('labor_wages');
    expect(classifier.classify('打官司律师费怎么收').category).toBe('legal_procedure');
    expect(classifier.classify('故意伤害罪判几年').category).toBe('criminal');
  });

  it.each(['今天天气不错', 'asdfgh', '你们几点下班'])('calls %s other with low confidence', (text) => {
    const result = classifier.classify(text);
    expect(result.category).toBe('other');
    expect(result.confidence).toBeLessThanOrEqual(0.3);
    expect(result.dispute).toBe(false);
  });

  it('is more confident about a clear question than about a vague one', () => {
    const clear = classifier.classify('离婚后孩子的抚养费一个月给多少').confidence;
    const vague = classifier.classify('他拿了我的东西不还').confidence;
    expect(clear).toBeGreaterThan(vague);
    for (const confidence of [clear, vague]) {
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('sees a dispute with a neighbour and not in a pure information question', () => {
    expect(classifier.classify('邻居盖房子占了我家宅基地一米多，找他理论他还骂人').dispute).toBe(true);
    expect(classifier.classify('故意伤害罪判几年').dispute).toBe(false);
  });

  it('flags danger happening now', () => {
    const result = classifier.classify('我老公喝了酒就打我，孩子吓得直哭');
    expect(result.urgent).toBe(true);
    expect(result.category).toBe('marriage_family');
  });
});
