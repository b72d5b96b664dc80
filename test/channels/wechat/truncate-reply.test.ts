import { describe, expect, it } from 'vitest';
import { buildReplyXml } from '../../../src/channels/wechat/build-reply-xml.js';
import { parseWechatXml } from '../../../src/channels/wechat/parse-wechat-xml.js';
import { DEFAULT_MORE_PROMPT, truncateReply } from '../../../src/channels/wechat/truncate-reply.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** 30 characters, 90 bytes, ending in a full stop. */
const SENTENCE = '根据民法典规定，宅基地使用权人依法对集体所有的土地享有占有和使用的权利。'.slice(0, 29) + '。';
const PROMPT_BYTES = bytes(`\n${DEFAULT_MORE_PROMPT}`);

function withoutPrompt(head: string): string {
  return head.slice(0, head.length - `\n${DEFAULT_MORE_PROMPT}`.length);
}

describe('truncateReply', () => {
  it('leaves a reply within 2000 bytes untouched', () => {
    const text = SENTENCE.repeat(22);
    expect(bytes(text)).toBeLessThanOrEqual(2000);
    expect(truncateReply(text)).toEqual({ head: text, rest: '' });
  });

  it('cuts a long Chinese reply after the last full stop that fits with the prompt', () => {
    const text = SENTENCE.repeat(40);
    const { head, rest } = truncateReply(text);
    expect(bytes(head)).toBeLessThanOrEqual(2000);
    expect(head.endsWith(`。\n${DEFAULT_MORE_PROMPT}`)).toBe(true);
    expect(withoutPrompt(head) + rest).toBe(text);
    // 21 sentences (1890 bytes) plus the prompt fit in 2000 bytes; a 22nd would not.
    expect(withoutPrompt(head)).toBe(SENTENCE.repeat(21));
    expect(2000 - bytes(head)).toBeLessThan(bytes(SENTENCE));
  });

  it('cuts at ！, ？ and line breaks too, and starts the rest without the break', () => {
    const text = `${'问'.repeat(60)}？\n${'答'.repeat(60)}！\n${'注'.repeat(60)}`;
    const { head, rest } = truncateReply(text, { maxBytes: 450 });
    expect(withoutPrompt(head)).toBe(`${'问'.repeat(60)}？\n${'答'.repeat(60)}！`);
    expect(rest).toBe('注'.repeat(60));
  });

  it('keeps a closing quote with the sentence it ends', () => {
    const text = `他说：“${'不'.repeat(40)}。”${'后'.repeat(100)}`;
    const { head, rest } = truncateReply(text, { maxBytes: 250 });
    expect(withoutPrompt(head).endsWith('。”')).toBe(true);
    expect(rest.startsWith('后')).toBe(true);
  });

  it('cuts mid-sentence rather than keep less than half the budget', () => {
    const text = `${'甲'.repeat(20)}。${'乙'.repeat(200)}`;
    const { head, rest } = truncateReply(text, { maxBytes: 300 });
    expect(withoutPrompt(head)).toBe(`${'甲'.repeat(20)}。${'乙'.repeat(62)}`);
    expect(rest).toBe('乙'.repeat(138));
  });

  it('falls back to a comma when no sentence ends in the second half', () => {
    // 300 bytes leave 251 for text: 83 characters, so a comma after the 61st is in the second half.
    const text = `${'甲'.repeat(60)}，${'乙'.repeat(200)}`;
    const { head, rest } = truncateReply(text, { maxBytes: 300 });
    expect(withoutPrompt(head)).toBe(`${'甲'.repeat(60)}，`);
    expect(rest).toBe('乙'.repeat(200));
  });

  it('cuts between whole characters when there is no boundary at all, never inside an emoji', () => {
    const family = '👨‍👩‍👧';
    const text = `${'法'.repeat(5)}${family.repeat(40)}`;
    const { head, rest } = truncateReply(text, { maxBytes: 200 });
    expect(bytes(head)).toBeLessThanOrEqual(200);
    const kept = withoutPrompt(head);
    expect(kept + rest).toBe(text);
    expect(kept.slice(5).length % family.length).toBe(0);
    expect(rest.length % family.length).toBe(0);
  });

  it('still makes progress on a single character stacked beyond the budget', () => {
    const zalgo = `a${'\u0301'.repeat(200)}`;
    const { head, rest } = truncateReply(zalgo, { maxBytes: 200 });
    expect(bytes(head)).toBeLessThanOrEqual(200);
    expect(withoutPrompt(head).length).toBeGreaterThan(0);
    expect(withoutPrompt(head) + rest).toBe(zalgo);
  });

  it('pages through a long reply when called again on the rest', () => {
    const text = SENTENCE.repeat(100);
    const parts: string[] = [];
    let rest = text;
    while (rest !== '') {
      const next = truncateReply(rest);
      expect(bytes(next.head)).toBeLessThanOrEqual(2000);
      parts.push(next.rest === '' ? next.head : withoutPrompt(next.head));
      rest = next.rest;
    }
    expect(parts.join('')).toBe(text);
    expect(parts).toHaveLength(5);
  });

  it('keeps the reply XML within WeChat’s 2048-byte content limit', () => {
    const { head } = truncateReply('很长的回答。'.repeat(400));
    const xml = buildReplyXml({ toUserName: 'o1', fromUserName: 'gh', createTime: 1_732_780_800, content: head });
    expect(bytes(String(parseWechatXml(xml)['Content']))).toBeLessThanOrEqual(2048);
  });

  it('drops trailing whitespace that alone put a reply over budget, without a prompt', () => {
    const text = `${SENTENCE.repeat(21)}${' '.repeat(200)}`;
    expect(bytes(text)).toBeGreaterThan(2000);
    expect(truncateReply(text)).toEqual({ head: SENTENCE.repeat(21), rest: '' });
  });

  it('uses a caller’s prompt and budget', () => {
    const { head } = truncateReply(SENTENCE.repeat(5), { maxBytes: 200, prompt: '（未完）' });
    // 200 bytes less the 13-byte prompt line leave room for two 90-byte sentences.
    expect(head).toBe(`${SENTENCE.repeat(2)}\n（未完）`);
  });

  it('refuses a budget with no room beside the prompt', () => {
    expect(() => truncateReply(SENTENCE.repeat(5), { maxBytes: PROMPT_BYTES })).toThrow(RangeError);
  });
});
