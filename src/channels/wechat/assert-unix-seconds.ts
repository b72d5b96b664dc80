/**
 * Throws unless `value` is whole Unix seconds. WeChat wants seconds; a millisecond value (13 digits)
 * is the usual slip, and it is refused here rather than sent.
 */
export function assertUnixSeconds(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 1e10) {
    throw new RangeError(`${field} must be whole Unix seconds, got ${value}`);
  }
}
