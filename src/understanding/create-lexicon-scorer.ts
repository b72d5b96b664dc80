import { CATEGORIES } from './category.js';
import { listLexiconTerms } from './category-lexicon.js';

/**
 * The hand-written lexicon on its own: for each category (in CATEGORIES order) the summed weights of
 * its words found anywhere in normalized text, overlapping matches included. The classifier adds this
 * to the trained scores, so that expert knowledge still counts where the training data were thin.
 */
export function createLexiconScorer(): (normalized: string) => number[] {
  const byFirstChar = new Map<string, { term: string; category: number; weight: number }[]>();
  for (const { term, category, weight } of listLexiconTerms()) {
    const bucket = byFirstChar.get(term.charAt(0)) ?? [];
    bucket.push({ term, category: CATEGORIES.indexOf(category), weight });
    byFirstChar.set(term.charAt(0), bucket);
  }
  return (normalized) => {
    const scores = new Array<number>(CATEGORIES.length).fill(0);
    const seen = new Set<string>();
    for (let position = 0; position < normalized.length; position += 1) {
      for (const { term, category, weight } of byFirstChar.get(normalized.charAt(position)) ?? []) {
        const key = `${term}:${category}`;
        if (seen.has(key) || !normalized.startsWith(term, position)) continue;
        seen.add(key);
        scores[category] = (scores[category] ?? 0) + weight;
      }
    }
    return scores;
  };
}
