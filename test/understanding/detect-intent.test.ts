import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../src/understanding/detect-intent.js';
import { readLabelledQuestions } from '../../src/understanding/labelled-question.js';
import { readSocialSet } from '../../src/understanding/read-social-set.js';

const SOCIAL = fileURLToPath(new URL('../fixtures/social', import.meta.url));
const EVAL = fileURLToPath(new URL('../../../shared/eval', import.meta.url));
const FRIENDLY = ['social', 'greeting', 'thanks'];

describe('detectIntent', () => {
  it.each(['谢谢你啊闺女', '你吃饭了没 今天天真冷', '你是机器人吗', '说的啥呀 一点用没有', '好人一生平安', '老师好 吃了饭没得'])(
    'takes small talk, thanks and praise for social: %s',
    (text) => {
      expect(FRIENDLY).toContain(detectIntent(text));
    },
  );

  it.each(['我不想活了 谢谢你', '谢谢 我儿子打我', '你好 我想问问离婚', '你好，钱宝网倒闭了我钱还能追回来吗', '宅基地证丢了怎么补办', '您好;我住X城'])(
    'keeps a legal question a question, however friendly: %s',
    (text) => {
      expect(detectIntent(text)).toBe('question');
    },
  );

  it('gives most messages written by independent writers in residents’ styles the friendly reply', async () => {
    const messages = await readSocialSet(SOCIAL);
    expect(new Set(messages.map(({ writer }) => writer)).size).toBeGreaterThanOrEqual(4);
    expect(messages.length).toBeGreaterThanOrEqual(200);
    const friendly = messages.filter(({ text }) => FRIENDLY.includes(detectIntent(text)));
    // Tuned on writers a and b; c and d were written later and only measured (npm run eval prints each).
    expect(friendly.length / messages.length).toBeGreaterThanOrEqual(0.7);
  });

  it.skipIf(!existsSync(`${EVAL}/train.tsv`))('takes none of the 2,329 real questions for small talk', async () => {
    const real = [...(await readLabelledQuestions(`${EVAL}/dev.tsv`)), ...(await readLabelledQuestions(`${EVAL}/train.tsv`))];
    expect(real.filter(({ question }) => detectIntent(question) !== 'question').map(({ id }) => id)).toEqual([]);
  });
});
