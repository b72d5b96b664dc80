import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

/**
 * `warn`: start-up goes on without article look-up and says so loudly. `stop`: LAWS_DIR is set but holds no
 * statute texts, and start-up stops as it does for any bad setting.
 */
export type LawsDirCheck = { level: 'ok' } | { level: 'warn' | 'stop'; message: string };

const FORMAT = 'a folder of statute texts in the LawRefBook/Laws format (manifest.json and one Markdown file per law)';

/**
 * What start-up says about article look-up. `besideRepo` is the `../shared/laws` folder of this repository's
 * setting: when LAWS_DIR is unset and it holds statute texts, the warning names it, but it is never read
 * without LAWS_DIR (configuration stays explicit).
 */
export function checkLawsDir(lawsDir: string | undefined, besideRepo: string): LawsDirCheck {
  if (lawsDir) {
    if (hasManifest(lawsDir)) return { level: 'ok' };
    return {
      level: 'stop',
      message: `LAWS_DIR=${lawsDir}: cannot read ${join(lawsDir, 'manifest.json')}. Set LAWS_DIR to ${FORMAT}, or leave it empty to start without article look-up.`,
    };
  }
  const hint = hasManifest(besideRepo)
    ? ` ${besideRepo} holds statute texts: put LAWS_DIR=${besideRepo} in .env to use them.`
    : '';
  return {
    level: 'warn',
    message:
      'ARTICLE LOOK-UP IS OFF: LAWS_DIR is not set, so residents cannot read an article (民法典第1079条) and 法条 gives only ' +
      `the law's name and article number, not its text. Set LAWS_DIR to ${FORMAT}.${hint}`,
  };
}

function hasManifest(dir: string): boolean {
  try {
    accessSync(join(dir, 'manifest.json'), constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
