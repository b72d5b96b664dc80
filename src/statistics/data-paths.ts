import { join } from 'node:path';

/** Where the consultation log keeps its month files under DATA_DIR. */
export function consultationsDirOf(dataDir: string): string {
  return join(dataDir, 'consultations');
}

/** The marker `npm run seed-demo` leaves in a data directory it filled with demo data. */
export function demoMarkerOf(dataDir: string): string {
  return join(dataDir, 'DEMO');
}

/** The escalation case file (see src/escalation/assemble-escalation.ts: DATA_DIR/mediation/cases.json). */
export function casesFileOf(dataDir: string): string {
  return join(dataDir, 'mediation', 'cases.json');
}

/** Finished months' tallies, so a restart does not parse a year of logs again (derived; safe to delete). */
export function statisticsCacheDirOf(dataDir: string): string {
  return join(dataDir, 'statistics-cache');
}
