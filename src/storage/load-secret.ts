import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFileError } from './data-file-error.js';
import { writeFileAtomic } from './write-file-atomic.js';

const SECRET_FILE = 'secret.key';

/**
 * The key that pseudonymises residents' ids. Made on first start and kept in the data directory: losing it
 * only means residents get new pseudonyms; it never leaves the machine.
 */
export async function loadSecret(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, SECRET_FILE);
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (!/^[0-9a-f]{64}$/.test(text)) throw new DataFileError(path, 'is not a 64-character hex key');
    return Buffer.from(text, 'hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32);
  await writeFileAtomic(path, secret.toString('hex') + '\n');
  return secret;
}
