/**
 * Replaces whole words from a fixed table, longest match first, scanning once. A first-character index
 * keeps this linear: a regular expression with a hundred alternatives tries each at every position and
 * was the slowest step of building the retriever.
 */
export function createReplacer(table: Readonly<Record<string, string>>): (text: string) => string {
  const byFirstChar = new Map<string, string[]>();
  for (const word of Object.keys(table)) {
    const bucket = byFirstChar.get(word.charAt(0)) ?? [];
    bucket.push(word);
    byFirstChar.set(word.charAt(0), bucket);
  }
  for (const bucket of byFirstChar.values()) bucket.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = '';
    let copied = 0;
    let position = 0;
    while (position < text.length) {
      const word = byFirstChar.get(text.charAt(position))?.find((candidate) => text.startsWith(candidate, position));
      if (word) {
        out += text.slice(copied, position) + (table[word] ?? word);
        position += word.length;
        copied = position;
      } else {
        position += 1;
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
