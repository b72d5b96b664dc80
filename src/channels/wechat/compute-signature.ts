import { createHash } from 'node:crypto';

export interface SignatureParts {
  token: string;
  timestamp: string;
  nonce: string;
  /** The `Encrypt` value: present for `msg_signature` (safe mode, WeCom), absent for plaintext `signature`. */
  encrypt?: string;
}

/** WeChat's signature: sha1 hex of the parts sorted as strings and joined without a separator. */
export function computeSignature({ token, timestamp, nonce, encrypt }: SignatureParts): string {
  const parts = encrypt === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypt];
  // Every part is ASCII, so the default UTF-16 sort is the byte order WeChat's reference code uses.
  return createHash('sha1').update(parts.sort().join('')).digest('hex');
}
