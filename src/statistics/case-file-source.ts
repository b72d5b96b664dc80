import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { CaseRecordSchema, type CaseRecord } from '../escalation/case-record.js';
import { JsonFileAdapter } from '../storage/json-file-adapter.js';
import type { CaseSource } from './case-source.js';

const CaseFileSchema = z.object({ cases: z.array(CaseRecordSchema) });

/**
 * Reads the escalation case file (a lowdb JSON document, replaced atomically on every change) for a process
 * that does not hold the case store itself, such as `npm run report`. Re-read only when the file changed;
 * no file yet means no cases.
 */
export function createCaseFileSource(path: string): CaseSource {
  const adapter = new JsonFileAdapter(path, CaseFileSchema);
  let cached: { key: string; cases: readonly CaseRecord[] } | undefined;
  return {
    async listCases() {
      const info = await stat(path).catch(() => undefined);
      if (!info) return [];
      const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (cached?.key !== key) cached = { key, cases: (await adapter.read())?.cases ?? [] };
      return cached.cases;
    },
  };
}
