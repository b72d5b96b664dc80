/**
 * `npm run mediator-token -- <mediator-id> [--roster FILE]`: makes a new API token for one mediator, writes
 * its sha256 into the roster (ROSTER_FILE unless --roster; comments kept) and prints the token once. Give
 * the token to the mediator; it is not stored anywhere. Running it again replaces the old token. Restart
 * Mingbai afterwards: the roster is read at start-up.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { newMediatorToken, setMediatorToken } from '../src/escalation/set-mediator-token.js';
import { writeFileAtomic } from '../src/storage/write-file-atomic.js';

const { values, positionals } = parseArgs({ options: { roster: { type: 'string' } }, allowPositionals: true });
const [mediatorId] = positionals;
if (!mediatorId || positionals.length > 1) {
  console.error('usage: npm run mediator-token -- <mediator-id> [--roster FILE]');
  process.exit(2);
}
const path = resolve(values.roster ?? loadConfig(process.env).ROSTER_FILE);

try {
  const { token, sha256 } = newMediatorToken();
  const text = setMediatorToken(await readFile(path, 'utf8'), mediatorId, sha256, path);
  await writeFileAtomic(path, text, 0o600);
  console.log(`New API token for ${mediatorId} (written to ${path} as its sha256; restart Mingbai to use it):\n\n  ${token}\n`);
  console.log('Give it to the mediator once. It is not kept anywhere; run this again to replace a lost one.');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
