import { findStatuteCorpus } from './statute-corpus.js';

/**
 * Vitest global set-up. When the statute corpus is missing, the tests that need it skip themselves and this
 * says why once, after the summary, instead of one ENOENT stack trace per test. Under CI a missing corpus
 * is a broken checkout, so the run stops here before any test.
 */
export default function setup(): (() => void) | undefined {
  const { missing } = findStatuteCorpus();
  if (!missing) return undefined;
  if (isCI(process.env.CI)) {
    const message = `Statute texts not found, and CI is set: the run stops here.\n${missing}`;
    // Only the message: a stack into this file would bury what to do.
    throw Object.assign(new Error(message), { stack: message });
  }
  return () => console.warn(`\nStatute texts not found: the tests that quote or check statute articles were skipped.\n${missing}\n`);
}

function isCI(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
