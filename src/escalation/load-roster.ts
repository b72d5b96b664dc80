import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { DataFileError } from '../storage/data-file-error.js';
import { RosterSchema, type Roster } from './roster.js';

/** Reads and checks the roster once at start-up; a bad roster stops the app with the file and the field. */
export async function loadRoster(path: string): Promise<Roster> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new DataFileError(path, 'cannot be read (set ROSTER_FILE to the roster)', { cause });
  }
  return parseRoster(text, path);
}

export function parseRoster(text: string, path: string): Roster {
  let value: unknown;
  try {
    value = parse(text);
  } catch (cause) {
    throw new DataFileError(path, 'is not valid YAML', { cause });
  }
  const parsed = RosterSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(path, `${issue?.path.join('.') || '(root)'}: ${issue?.message}`, { cause: parsed.error });
  }
  return Object.freeze(parsed.data);
}
