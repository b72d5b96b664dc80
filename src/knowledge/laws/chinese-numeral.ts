const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads a Chinese numeral below 10,000 as statutes write them (一千零七十九, 十二, 二十); NaN if it is not one. */
export function parseChineseNumeral(text: string): number {
  if (text.length === 0) return NaN;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return NaN;
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch]!;
      digit = null;
    } else {
      return NaN;
    }
  }
  return total + (digit ?? 0);
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1079 → 一千零七十九, as statutes number their articles. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) throw new RangeError(`cannot write ${n} as an article number`);
  const parts: string[] = [];
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let pendingZero = false;
  for (const [value, unit] of units) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (parts.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    parts.push(value === 10 && d === 1 && parts.length === 0 ? unit : NUMERALS[d]! + unit);
  }
  return parts.join('');
}
