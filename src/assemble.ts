import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type Koa from 'koa';
import { createStaffStatistics } from './admin/create-staff-statistics.js';
import { createApp } from './app.js';
import { createWechatRoutes } from './channels/wechat/create-wechat-routes.js';
import { createWecomClient } from './channels/wecom/create-wecom-client.js';
import type { Config } from './config.js';
import { openConsultationLog, type ConsultationLog } from './consultation/consultation-log.js';
import { createConsultationService } from './consultation/create-consultation-service.js';
import { createPseudonymiser } from './consultation/pseudonymise.js';
import { loadLawCorpus } from './knowledge/laws/load-law-corpus.js';
import { loadKnowledgeBase } from './knowledge/load-knowledge-base.js';
import type { Logger } from './logger.js';
import { assembleEscalation } from './escalation/assemble-escalation.js';
import type { MediatorCommandHandler } from './escalation/handle-mediator-command.js';
import { lastTwelveMonths } from './statistics/period.js';
import { fixedVillages } from './statistics/village-source.js';
import { loadSecret } from './storage/load-secret.js';
import { toLocalMonth, type Clock } from './time/clock.js';
import { createClassifier } from './understanding/create-classifier.js';
import { createRetriever } from './understanding/create-retriever.js';
import { toPickerEntries } from './understanding/answer-picker.js';
import { loadRetrievalModel, toExampleGrams } from './understanding/retrieval-model.js';
import { loadCategoryRoutes } from './knowledge/category-routes.js';

export interface Assembled {
  app: Koa;
  log: ConsultationLog;
  /** The clock's work (case follow-ups, expiry, notification retries): main.ts calls it every minute. */
  tick: (now: Date) => Promise<void>;
  /** Builds the tallies of the last twelve months (cached on disk), so the first staff report is quick. */
  warmStatistics: () => Promise<void>;
  /** `接单 TJ-…` / `结案 TJ-…` from a mediator's WeCom; undefined when the text is not a mediator command. */
  handleMediatorCommand: MediatorCommandHandler;
}

/**
 * Builds every dependency from the config and hands them to createApp. Shared by main.ts, the tests and the
 * benchmark so all three run the same wiring. Reads data files; never listens.
 */
export async function assemble(config: Config, runtime: { clock: Clock; logger: Logger }): Promise<Assembled> {
  const dataDir = resolve(config.DATA_DIR);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const [secret, entries, routes, laws] = await Promise.all([
    loadSecret(dataDir),
    loadKnowledgeBase(resolve(config.KB_DIR)),
    loadCategoryRoutes(resolve(config.ROUTES_FILE)),
    config.LAWS_DIR ? loadLawCorpus(resolve(config.LAWS_DIR)) : undefined,
  ]);
  const log = await openConsultationLog(join(dataDir, 'consultations'), toLocalMonth(runtime.clock.now()));
  const pseudonymise = createPseudonymiser(secret);
  const classifier = createClassifier();
  const retrievalModel = loadRetrievalModel();
  const { WECOM_CORP_ID: corpId, WECOM_AGENT_ID: agentId, WECOM_SECRET: wecomSecret } = config;
  const mediation = await assembleEscalation({
    config,
    dataDir,
    clock: runtime.clock,
    logger: runtime.logger,
    classify: (text) => classifier.classify(text),
    consultations: log,
    wecom:
      corpId && agentId && wecomSecret
        ? createWecomClient({ apiBase: config.WECOM_API_BASE, corpId, agentId, secret: wecomSecret, clock: runtime.clock })
        : undefined,
  });

  const consultations = createConsultationService({
    log,
    classifier,
    retriever: createRetriever(entries, {}, retrievalModel ? toExampleGrams(retrievalModel.examples) : {}),
    ...(retrievalModel ? { picker: { model: retrievalModel.picker, entries: toPickerEntries(entries, retrievalModel.examples) } } : {}),
    knowledge: new Map(entries.map((e) => [e.id, e])),
    routes,
    laws,
    pseudonymise,
    clock: runtime.clock,
    township: config.TOWNSHIP_NAME,
    ...(config.TOWNSHIP_PHONE ? { townshipPhone: config.TOWNSHIP_PHONE } : {}),
    escalation: mediation.escalation,
  });

  const channelRoutes = await createWechatRoutes(config, {
    consultations,
    pseudonymise,
    dataDir,
    clock: runtime.clock,
    logger: runtime.logger,
    wecomCommands: mediation.handleMediatorCommand,
  });
  const roster = mediation.roster;
  const statistics = createStaffStatistics({
    dataDir,
    // The case store the app already holds: statistics see every change at once, with no second read of the file.
    cases: { listCases: async () => mediation.cases.list({ kind: 'admin' }, {}) },
    villages: fixedVillages(roster.villages),
    township: config.TOWNSHIP_NAME,
    sessionHours: config.ADMIN_SESSION_HOURS,
    clock: runtime.clock,
  });
  const app = createApp({
    logger: runtime.logger,
    consultations,
    log,
    dataDir,
    adminToken: config.ADMIN_TOKEN,
    channelRoutes,
    statistics,
    cases: { service: mediation.cases, roster },
  });
  const warmStatistics = async () => {
    await statistics.statistics.report(lastTwelveMonths(toLocalMonth(runtime.clock.now())));
  };
  return { app, log, tick: mediation.tick, handleMediatorCommand: mediation.handleMediatorCommand, warmStatistics };
}
