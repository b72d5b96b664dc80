import { describe, expect, it } from 'vitest';
import { toDisputeSignals } from '../../src/understanding/dispute-cues.js';
import { normalizeText } from '../../src/understanding/normalize-text.js';

const signalsOf = (text: string) => toDisputeSignals(normalizeText(text));

describe('toDisputeSignals', () => {
  it('marks a family member refusing something to the writer', () => {
    expect(signalsOf('离婚了，婆婆扣着户口本不给我怎么办')).toEqual(
      expect.arrayContaining(['family+refusing', 'self+party+refusing', 'what-to-do']),
    );
  });

  it('marks a complaint about a government body with no private party', () => {
    const signals = signalsOf('城管打电话过来要罚款，大概要罚多少');
    expect(signals).toContain('government-only');
    expect(signalsOf('邻居占了我家地，派出所不管')).not.toContain('government-only');
  });

  it('marks questions about punishment and about legality', () => {
    expect(signalsOf('打架把人砍伤了要判多久')).toContain('punishment');
    expect(signalsOf('小区物业收停车费合法吗')).toEqual(expect.arrayContaining(['legality-question', 'information-form']));
  });

  it('tells a short question from a long story by length', () => {
    expect(signalsOf('彩礼要退吗')).toContain('short');
    expect(signalsOf('我家住农村，邻居在我屋后一米处挖了个五米长三米宽的沟，下雨就往我家墙根灌水，跟他说了好几次都不听，去年村里调解过一次也没有用，现在墙都开裂了')).toContain('long');
  });
});
