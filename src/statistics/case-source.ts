import type { CaseRecord } from '../escalation/case-record.js';

/**
 * Where statistics read mediation cases from: in the app, escalation's case service; in `npm run report`,
 * the case file (createCaseFileSource).
 */
export interface CaseSource {
  listCases(): Promise<readonly CaseRecord[]>;
}
