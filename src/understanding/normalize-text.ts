import { COMMON_TYPOS } from './common-typos.js';
import { createReplacer } from './create-replacer.js';
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chars.js';

const fixTypos = createReplacer(COMMON_TYPOS);
const TRADITIONAL = new RegExp(`[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].join('')}]`, 'gu');

/** Anything that is not a letter or a digit (Chinese and other scripts count as letters). */
const NOISE = /[^\p{L}\p{N}]+/gu;

/** Names hidden as xxx, XX, ** or 某某 in the questions people post. */
const PLACEHOLDER = /(?:x{2,}|\*{2,}|某{2,})/g;

/**
 * One spelling for the same words: full-width → half-width (NFKC), lower case, traditional →
 * simplified, common typos in legal words fixed, placeholders collapsed to `x`, and every run of
 * spaces or punctuation turned into one space. Classifier and retriever both read text through it,
 * so a message and a curated question compare character for character.
 */
export function normalizeText(text: string): string {
  const simplified = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(PLACEHOLDER, 'x')
    .replace(TRADITIONAL, (char) => TRADITIONAL_TO_SIMPLIFIED.get(char) ?? char);
  return fixTypos(simplified).replace(NOISE, ' ').trim();
}
