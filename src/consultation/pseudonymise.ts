import { createHmac } from 'node:crypto';

export type Pseudonymise = (channel: string, userId: string) => string;

/* Residents write several messages in a row; remembering recent pseudonyms spares an HMAC per message. */
const REMEMBERED = 5000;

/** A keyed hash: the same resident on the same channel always maps to the same id, which cannot be reversed. */
export function createPseudonymiser(secret: Buffer): Pseudonymise {
  const recent = new Map<string, string>();
  return (channel, userId) => {
    const key = `${channel}\u0000${userId}`;
    const known = recent.get(key);
    if (known !== undefined) return known;
    const pseudonym = createHmac('sha256', secret).update(key).digest('hex').slice(0, 24);
    if (recent.size >= REMEMBERED) recent.delete(recent.keys().next().value!);
    recent.set(key, pseudonym);
    return pseudonym;
  };
}
