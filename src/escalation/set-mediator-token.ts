import { createHash, randomBytes } from 'node:crypto';
import { isMap, isSeq, parseDocument } from 'yaml';
import { parseRoster } from './load-roster.js';

/** A new API token for a mediator and the sha256 the roster keeps instead of it. */
export function newMediatorToken(): { token: string; sha256: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, sha256: createHash('sha256').update(token).digest('hex') };
}

/**
 * The roster text with one mediator's `tokenSha256` set (replacing an old one, which stops working). Comments
 * and layout are kept; the result is checked like any roster before it is returned.
 */
export function setMediatorToken(text: string, mediatorId: string, tokenSha256: string, path: string): string {
  const doc = parseDocument(text);
  const mediators = doc.get('mediators');
  if (!isSeq(mediators)) throw new Error(`${path} has no mediators list`);
  const entry = mediators.items.find((m) => isMap(m) && m.get('id') === mediatorId);
  if (!isMap(entry)) throw new Error(`${path} has no mediator with id ${mediatorId}`);
  entry.set('tokenSha256', tokenSha256);
  const next = doc.toString({ flowCollectionPadding: false });
  parseRoster(next, path);
  return next;
}
