import { timingSafeEqual } from 'node:crypto';
import { computeSignature, type SignatureParts } from './compute-signature.js';

/**
 * Whether `signature` (query `signature`, or `msg_signature` when `encrypt` is given) is what WeChat
 * would send for these parts. Compared in constant time so the expected value cannot be probed byte by byte.
 */
export function verifySignature(parts: SignatureParts & { signature: string }): boolean {
  const expected = Buffer.from(computeSignature(parts), 'utf8');
  const given = Buffer.from(parts.signature, 'utf8');
  // timingSafeEqual throws on unequal lengths; the expected length (40) is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
