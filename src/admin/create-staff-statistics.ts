import type { CaseSource } from '../statistics/case-source.js';
import { createStatistics } from '../statistics/create-statistics.js';
import { consultationsDirOf, demoMarkerOf, statisticsCacheDirOf } from '../statistics/data-paths.js';
import type { VillageSource } from '../statistics/village-source.js';
import type { Clock } from '../time/clock.js';
import type { StaffStatistics } from './admin-routes.js';
import { createAdminSessions } from './admin-sessions.js';
import { createSignInThrottle } from './sign-in-throttle.js';

export interface StaffStatisticsOptions {
  dataDir: string;
  cases: CaseSource;
  villages: VillageSource;
  township: string;
  sessionHours: number;
  clock: Clock;
}

/** Statistics over DATA_DIR plus the dashboard's sessions, ready for createApp. */
export function createStaffStatistics(options: StaffStatisticsOptions): StaffStatistics {
  return {
    statistics: createStatistics({
      consultationsDir: consultationsDirOf(options.dataDir),
      cacheDir: statisticsCacheDirOf(options.dataDir),
      clock: options.clock,
      cases: options.cases,
      villages: options.villages,
      demoMarker: demoMarkerOf(options.dataDir),
    }),
    sessions: createAdminSessions({ clock: options.clock, ttlMs: options.sessionHours * 3_600_000 }),
    throttle: createSignInThrottle(options.clock),
    township: options.township,
    clock: options.clock,
  };
}
