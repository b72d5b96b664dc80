/**
 * Character n-grams of normalized text (see normalize-text.ts), the features both the classifier and
 * the retriever count. Chinese has no spaces, and a word segmenter splits 宅基地 or 彩礼 in ways that
 * lose them; overlapping 1-3 character grams keep every word whole in some gram, typos only break the
 * grams that touch the wrong character. Digits are folded to one symbol, runs of Latin letters kept whole.
 */
export function toCharNgrams(normalized: string, maxN = 3): string[] {
  const grams: string[] = [];
  for (const segment of normalized.split(' ')) {
    const units = toUnits(segment);
    for (let start = 0; start < units.length; start += 1) {
      let gram = '';
      for (let n = 0; n < maxN && start + n < units.length; n += 1) {
        gram += units[start + n];
        grams.push(gram);
      }
    }
  }
  return grams;
}

/**
 * Each Chinese character is a unit; a run of digits is one `0`; a run of Latin letters one unit.
 * Normalized text has only half-width digits and lower-case letters.
 */
function toUnits(segment: string): string[] {
  const units: string[] = [];
  let latin = '';
  let inDigits = false;
  for (const char of segment) {
    if (char >= 'a' && char <= 'z') {
      latin += char;
      inDigits = false;
      continue;
    }
    if (latin) {
      units.push(latin);
      latin = '';
    }
    if (char >= '0' && char <= '9') {
      if (!inDigits) units.push('0');
      inDigits = true;
      continue;
    }
    inDigits = false;
    units.push(char);
  }
  if (latin) units.push(latin);
  return units;
}
