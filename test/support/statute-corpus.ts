import { accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/laws` beside the repository: where this project keeps its statute texts when LAWS_DIR is unset. */
export const SHARED_LAWS_DIR = fileURLToPath(new URL('../../../shared/laws', import.meta.url));

export type StatuteCorpusLookup = { dir: string; missing?: undefined } | { dir?: undefined; missing: string };

/**
 * Where the tests read the statute texts: LAWS_DIR when it is set (relative to the working directory, as the
 * app reads it), else `../shared/laws` beside the repository. A set LAWS_DIR is never passed over for the
 * default, so a wrong setting is reported instead of hidden. `missing` says what is missing and how to fix it.
 */
export function findStatuteCorpus(env: Record<string, string | undefined> = process.env): StatuteCorpusLookup {
  const setting = env.LAWS_DIR?.trim();
  const dir = setting ? resolve(setting) : SHARED_LAWS_DIR;
  if (isReadable(join(dir, 'manifest.json'))) return { dir };
  const what = setting
    ? `LAWS_DIR is set to ${setting}, but ${join(dir, 'manifest.json')} cannot be read.`
    : `LAWS_DIR is not set, and there is no ${join(SHARED_LAWS_DIR, 'manifest.json')} (../shared/laws beside the repository).`;
  return {
    missing: [
      what,
      'Statute texts are a folder in the LawRefBook/Laws format (manifest.json and one Markdown file per law):',
      'put one at ../shared/laws beside the repository, or run: LAWS_DIR=/path/to/laws npm test',
    ].join('\n'),
  };
}

let found: StatuteCorpusLookup | undefined;

/**
 * The statute corpus folder for tests, or undefined when it is missing. Tests that need it skip themselves
 * (`describe.skipIf(!LAWS_DIR)`); the global set-up (statute-corpus-setup.ts) says why, once.
 */
export function statuteCorpusDir(): string | undefined {
  found ??= findStatuteCorpus();
  return found.dir;
}

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
