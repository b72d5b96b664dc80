import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CATEGORIES } from '../../src/understanding/category.js';
import { loadRoster, parseRoster } from '../../src/escalation/load-roster.js';
import { DataFileError } from '../../src/storage/data-file-error.js';

const EXAMPLE = 'data/roster.example.yaml';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function exampleWith(change: (roster: any) => void): Promise<string> {
  const roster = parse(await readFile(EXAMPLE, 'utf8'));
  change(roster);
  return stringify(roster);
}

describe('the example roster', () => {
  it('passes the roster schema: villages, an active duty mediator, known categories', async () => {
    const roster = await loadRoster(EXAMPLE);
    expect(roster.villages.length).toBeGreaterThanOrEqual(10);
    expect(roster.mediators.find((m) => m.id === roster.dutyMediator)?.active).toBe(true);
    for (const m of roster.mediators) for (const c of m.categories) expect(CATEGORIES).toContain(c);
  });

  it('holds no phone numbers, tokens or robot keys', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toMatch(/^\s*tokenSha256:/m);
    expect(text).not.toMatch(/^\s*[^#\n]*key=[A-Za-z0-9-]{8,}/m);
  });
});

describe('a roster with a mistake', () => {
  it.each([
    ['a mediator in a village that is not listed', (r: any) => r.mediators[1].villages.push('月亮村'), 'mediators.1.villages'],
    ['an inactive duty mediator', (r: any) => (r.mediators[0].active = false), 'dutyMediator'],
    ['a duty mediator who is not listed', (r: any) => (r.dutyMediator = 'nobody'), 'dutyMediator'],
    ['the same id twice', (r: any) => (r.mediators[2].id = r.mediators[1].id), 'mediators.2.id'],
    ['an unknown category', (r: any) => r.mediators[1].categories.push('tax'), 'mediators.1.categories'],
    ['a mediator nobody can notify', (r: any) => delete r.mediators[1].wecomUserId, 'mediators.1.wecomUserId'],
    ['a webhook over plain http', (r: any) => (r.mediators[1].webhook = { kind: 'signed', url: 'http://example.org/hook' }), 'mediators.1.webhook.url'],
    ['a token that is not a sha256', (r: any) => (r.mediators[1].tokenSha256 = 'secret'), 'mediators.1.tokenSha256'],
  ])('stops start-up on %s, naming the field', async (_, change, field) => {
    const text = await exampleWith(change);
    const error = (() => {
      try {
        parseRoster(text, 'roster.yaml');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(`roster.yaml: ${field}`);
  });

  it('names a missing roster file', async () => {
    await expect(loadRoster('/nonexistent/roster.yaml')).rejects.toThrow(/roster\.yaml.*ROSTER_FILE/);
  });
});
