import Router from '@koa/router';
import Koa from 'koa';
import { mountAdminRoutes, type StaffStatistics } from './admin/admin-routes.js';
import { mountMessagesRoute } from './channels/api/messages-route.js';
import { mountChatPage } from './channels/web/chat-page-route.js';
import type { ConsultationLog } from './consultation/consultation-log.js';
import { mountConsultationsRoute } from './consultation/consultations-route.js';
import type { ConsultationService } from './consultation/create-consultation-service.js';
import { createCaseAuth } from './escalation/authenticate-case-viewer.js';
import { mountCasesRoute } from './escalation/cases-route.js';
import type { CaseService } from './escalation/create-case-service.js';
import type { Roster } from './escalation/roster.js';
import { mountHealthRoute } from './health/health-route.js';
import { handleErrors } from './http/handle-errors.js';
import { logRequests } from './http/log-requests.js';
import { requireAdmin } from './http/require-admin.js';
import type { Logger } from './logger.js';
import { mountStatsRoutes } from './statistics/stats-routes.js';

/** Everything the app needs, assembled by main.ts (or a test). */
export interface AppDeps {
  logger: Logger;
  consultations: ConsultationService;
  log: ConsultationLog;
  dataDir: string;
  adminToken: string | undefined;
  /** Channel routes that exist only when configured (WeChat, WeCom). */
  channelRoutes?: ((router: Router) => void)[];
  /** Monthly statistics: the staff API (/api/stats/…) and the dashboard (/admin). */
  statistics?: StaffStatistics;
  /** People's mediation cases: /api/cases… for mediators (their tokens in the roster) and the admin. */
  cases?: { service: CaseService; roster: Roster };
}

/** Builds the Koa app. It never listens: main.ts or a test decides where it runs. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: true });
  app.silent = true;
  const router = new Router();
  const admin = requireAdmin(deps.adminToken);

  mountHealthRoute(router, deps.dataDir);
  mountMessagesRoute(router, deps.consultations);
  mountChatPage(router);
  mountConsultationsRoute(router, deps.log, admin);
  for (const mount of deps.channelRoutes ?? []) mount(router);
  if (deps.cases) mountCasesRoute(router, deps.cases.service, createCaseAuth(deps.cases.roster, deps.adminToken));
  if (deps.statistics) {
    mountStatsRoutes(router, deps.statistics.statistics, admin);
    mountAdminRoutes(router, { ...deps.statistics, adminToken: deps.adminToken });
  }

  app.use(logRequests(deps.logger));
  app.use(handleErrors(deps.logger));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: false }));
  return app;
}
