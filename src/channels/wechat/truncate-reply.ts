/** WeChat refuses a text reply over 2048 UTF-8 bytes; the margin leaves room for the XML around it. */
export const DEFAULT_REPLY_BYTES = 2000;
export const DEFAULT_MORE_PROMPT = '（内容较长，回复“更多”看下文）';

export interface TruncateOptions {
  /** Budget for the head including the prompt, in UTF-8 bytes. */
  maxBytes?: number;
  prompt?: string;
}

export interface TruncatedReply {
  /** What to send now: the whole text, or its first sentences followed by the prompt. */
  head: string;
  /** What is left for the resident's "更多"; empty when nothing was cut. */
  rest: string;
}

const SENTENCE_ENDS = new Set(['。', '！', '？', '!', '?', '\n', '\r\n']);
/** Closing marks that belong to the sentence they end: `他说：“不行。”` is cut after the quote. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);
const CLAUSE_ENDS = new Set(['；', '，', '、', '：', ';', ',', ' ']);
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Splits a reply that is over budget at the last sentence end that fits, else the last clause end, else
 * the last whole character (never inside a multi-byte character or an emoji), and adds `prompt`.
 * Call again on `rest` for the next part.
 */
export function truncateReply(text: string, options: TruncateOptions = {}): TruncatedReply {
  const { maxBytes = DEFAULT_REPLY_BYTES, prompt = DEFAULT_MORE_PROMPT } = options;
  if (byteLength(text) <= maxBytes) return { head: text, rest: '' };

  const budget = maxBytes - byteLength(`\n${prompt}`);
  if (budget < 16) throw new RangeError(`maxBytes ${maxBytes} leaves no room beside the prompt`);

  let used = 0;
  let fitted = 0;
  let sentenceCut = 0;
  let clauseCut = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    used += byteLength(segment);
    if (used > budget) break;
    const end = index + segment.length;
    fitted = end;
    if (SENTENCE_ENDS.has(segment) || (CLOSERS.has(segment) && sentenceCut > 0 && sentenceCut === index)) {
      sentenceCut = end;
    } else if (CLAUSE_ENDS.has(segment)) {
      clauseCut = end;
    }
  }

  // Only a single grapheme larger than the budget (stacked combining marks) gets here; split it by code point.
  if (fitted === 0) fitted = fitCodePoints(text, budget);
  // A cut in the first half would waste most of the message; a clause or a hard cut reads better then.
  const half = Math.floor(fitted / 2);
  const cut = sentenceCut > half ? sentenceCut : clauseCut > half ? clauseCut : fitted;
  const head = text.slice(0, cut).trimEnd();
  const rest = text.slice(cut).trimStart();
  if (rest === '') return { head, rest: '' };
  return { head: `${head}\n${prompt}`, rest };
}

function fitCodePoints(text: string, budget: number): number {
  let used = 0;
  let fitted = 0;
  for (const char of text) {
    used += byteLength(char);
    if (used > budget) break;
    fitted += char.length;
  }
  return fitted;
}
