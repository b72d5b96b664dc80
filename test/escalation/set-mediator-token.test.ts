import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/escalation/load-roster.js';
import { newMediatorToken, setMediatorToken } from '../../src/escalation/set-mediator-token.js';

describe('mediator tokens', () => {
  it('makes a long random token and keeps only its sha256', () => {
    const { token, sha256 } = newMediatorToken();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(sha256).toBe(createHash('sha256').update(token).digest('hex'));
    expect(newMediatorToken().token).not.toBe(token);
  });

  it('writes the hash into the roster for one mediator, keeping the comments, and replaces an older one', async () => {
    const text = await readFile('data/roster.example.yaml', 'utf8');
    const first = setMediatorToken(text, 'lin-shufen', 'a'.repeat(64), 'roster.yaml');
    const second = setMediatorToken(first, 'lin-shufen', 'b'.repeat(64), 'roster.yaml');
    expect(second).toContain('# Example roster of people');
    const roster = parseRoster(second, 'roster.yaml');
    expect(roster.mediators.find((m) => m.id === 'lin-shufen')?.tokenSha256).toBe('b'.repeat(64));
    expect(roster.mediators.filter((m) => m.tokenSha256 !== undefined)).toHaveLength(1);
  });

  it('refuses a mediator who is not on the roster', async () => {
    const text = await readFile('data/roster.example.yaml', 'utf8');
    expect(() => setMediatorToken(text, 'nobody', 'a'.repeat(64), 'roster.yaml')).toThrow('no mediator with id nobody');
  });
});
