import { createHmac } from 'node:crypto';

export type Pseudonymise = (channel: string, userId: string) => string;

/** A keyed hash: the same resident on the same channel always maps to the same id, which cannot be reversed. */
export function createPseudonymiser(secret: Buffer): Pseudonymise {
  return (channel, userId) => createHmac('sha256', secret).update(`${channel}\u0000${userId}`).digest('hex').slice(0, 24);
}
