import { toCanonicalWords } from './canonical-words.js';
import { listLexiconTerms } from './category-lexicon.js';
import { toCharNgrams } from './char-ngrams.js';
import { normalizeText } from './normalize-text.js';

/** Characters that carry the asking, not the matter: a pair with one of them says nothing about the topic. */
const FUNCTION_CHARS = /[的了吗呢吧啊呀么什怎样是在有和与及或也都就还要会能可以被把给让对从向于为着过得地这那哪谁个些每各我你他她它们自己咱吧嘛呗该想请问一下多少几如果但然后因所没不很太]/;

export function canonicalizeText(text: string): string {
  return toCanonicalWords(normalizeText(text));
}

/**
 * How well an entry covers a message, 0-1, given each entry's whole text (phrasings, answer, details
 * and steps, canonicalized): half from the share of the message's topic-bearing character pairs
 * (weighted by rarity) found anywhere in the entry, half from the share of its legal words (category
 * lexicon) that the entry also uses, damped when the message has only one such word. A message about
 * something the knowledge base lacks shares only asking words ("需要","怎么") and scores low, whatever
 * entry ranks first.
 */
export function createAnswerability(
  texts: readonly string[],
  /** Further grams per entry (from real questions it answers, see retrieval-examples.ts): their pairs count too. */
  extraGrams: readonly (readonly string[])[] = [],
): (canonical: string) => (entry: number) => number {
  const vocabularies = texts.map((text, entry) => new Set([...toTopicPairs(text), ...(extraGrams[entry] ?? []).filter(isTopicPair)]));
  const frequency = new Map<string, number>();
  for (const vocabulary of vocabularies) {
    for (const pair of vocabulary) frequency.set(pair, (frequency.get(pair) ?? 0) + 1);
  }
  const rarities = new Map([...frequency].map(([pair, count]) => [pair, Math.log(1 + texts.length / count)]));
  const unseen = Math.log(1 + texts.length / 0.5);
  const legalWords = [...new Set(listLexiconTerms().map(({ term }) => toCanonicalWords(term)))].filter(
    (term) => term.length >= 2,
  );
  const findLegalWords = createOccurrenceFinder(legalWords);
  // Which legal words each entry's text contains, found once here rather than searched for per message.
  const entryWords = texts.map((text) => new Set(findLegalWords(text)));

  return (canonical) => {
    const pairs = [...new Set(toTopicPairs(canonical))].map((pair) => ({ pair, rarity: rarities.get(pair) ?? unseen }));
    const mass = pairs.reduce((sum, { rarity }) => sum + rarity, 0);
    const words = findLegalWords(canonical);
    return (entry) => {
      const vocabulary = vocabularies[entry];
      const has = entryWords[entry];
      if (!vocabulary || !has) return 0;
      const found = pairs.reduce((sum, { pair, rarity }) => sum + (vocabulary.has(pair) ? rarity : 0), 0);
      const covered = mass === 0 ? 0 : found / mass;
      const shared = words.length === 0 ? 0 : words.filter((word) => has.has(word)).length / words.length;
      return 0.5 * covered + 0.5 * shared * Math.min(1, words.length / 2);
    };
  };
}

function toTopicPairs(canonical: string): string[] {
  return toCharNgrams(canonical, 2).filter(isTopicPair);
}

function isTopicPair(gram: string): boolean {
  return gram.length === 2 && !FUNCTION_CHARS.test(gram);
}

/**
 * Every word of `words` that occurs anywhere in a text, overlaps included (unlike the classifier's
 * leftmost-longest matcher): words are indexed by first character, so a message is scanned once rather
 * than once per word.
 */
function createOccurrenceFinder(words: readonly string[]): (text: string) => string[] {
  const byFirstChar = new Map<string, string[]>();
  for (const word of words) byFirstChar.set(word.charAt(0), [...(byFirstChar.get(word.charAt(0)) ?? []), word]);
  return (text) => {
    const found = new Set<string>();
    for (let position = 0; position < text.length; position++) {
      for (const word of byFirstChar.get(text.charAt(position)) ?? []) {
        if (text.startsWith(word, position)) found.add(word);
      }
    }
    return [...found];
  };
}
