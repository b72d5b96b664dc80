/** Finds which of a fixed set of terms occur in a text. */
export type TermMatcher = (text: string) => string[];

/**
 * Leftmost-longest, non-overlapping matching: in "宅基地证" only 宅基地 counts, not 宅基 and 地 as
 * well, so a long term is not counted twice through its own parts. Terms are indexed by first character,
 * which keeps matching linear in the text for a few thousand terms.
 */
export function createTermMatcher(terms: Iterable<string>): TermMatcher {
  const byFirstChar = new Map<string, string[]>();
  for (const term of new Set(terms)) {
    const first = term.charAt(0);
    if (!first) continue;
    const bucket = byFirstChar.get(first) ?? [];
    bucket.push(term);
    byFirstChar.set(first, bucket);
  }
  for (const bucket of byFirstChar.values()) bucket.sort((a, b) => b.length - a.length);

  return (text) => {
    const found: string[] = [];
    let position = 0;
    while (position < text.length) {
      const match = byFirstChar.get(text.charAt(position))?.find((term) => text.startsWith(term, position));
      if (match) {
        found.push(match);
        position += match.length;
      } else {
        position += 1;
      }
    }
    return found;
  };
}
