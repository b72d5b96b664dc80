import { CATEGORIES } from './category.js';
import { listLexiconTerms } from './category-lexicon.js';

/**
 * The hand-written lexicon on its own: for each category (in CATEGORIES order) the summed weights of
 * its words found anywhere in normalized text, overlapping matches included. The classifier adds this
 * to the trained scores, so that expert knowledge still counts where the training data were thin.
 */
export function createLexiconScorer(): (normalized: string) => number[] {
  const byFirstChar = new Map<string, { term: string; category: number; weight: number; slot: number }[]>();
  const known = new Set<string>();
  for (const { term, category, weight } of listLexiconTerms()) {
    // A word listed twice for one category counts once, with its first weight.
    const key = `${term}:${category}`;
    if (known.has(key)) continue;
    known.add(key);
    const bucket = byFirstChar.get(term.charAt(0)) ?? [];
    bucket.push({ term, category: CATEGORIES.indexOf(category), weight, slot: known.size - 1 });
    byFirstChar.set(term.charAt(0), bucket);
  }
  // Which message last counted each word: a stamp per call instead of a fresh set of seen words.
  const countedIn = new Uint32Array(known.size);
  let stamp = 0;
  return (normalized) => {
    stamp = stamp === 0xffffffff ? 1 : stamp + 1;
    if (stamp === 1) countedIn.fill(0);
    const scores = new Array<number>(CATEGORIES.length).fill(0);
    for (let position = 0; position < normalized.length; position += 1) {
      for (const { term, category, weight, slot } of byFirstChar.get(normalized.charAt(position)) ?? []) {
        if (countedIn[slot] === stamp || !normalized.startsWith(term, position)) continue;
        countedIn[slot] = stamp;
        scores[category] = (scores[category] ?? 0) + weight;
      }
    }
    return scores;
  };
}
