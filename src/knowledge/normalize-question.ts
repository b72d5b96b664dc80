/** Folds a phrasing for duplicate detection: no punctuation, spaces or case differences. */
export function normalizeQuestion(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}
