import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { readTsvRows } from './read-tsv-rows.js';

const SocialRowSchema = z.object({ kind: z.string().min(1), text: z.string().trim().min(1) });

/** A message that is not a legal question (thanks, small talk…), written by one of several writers. */
export interface SocialMessage {
  writer: string;
  kind: string;
  text: string;
}

/** Every `*.tsv` in `dir` (header `kind<TAB>text`), one file per writer, named after the file. */
export async function readSocialSet(dir: string): Promise<SocialMessage[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.tsv')).sort();
  const messages: SocialMessage[] = [];
  for (const name of names) {
    for (const { row } of await readTsvRows(join(dir, name), SocialRowSchema)) messages.push({ writer: basename(name, '.tsv'), ...row });
  }
  return messages;
}
