import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type Koa from 'koa';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openConsultationLog, type ConsultationLog } from './consultation/consultation-log.js';
import { createConsultationService } from './consultation/create-consultation-service.js';
import { createPseudonymiser } from './consultation/pseudonymise.js';
import { loadLawCorpus } from './knowledge/laws/load-law-corpus.js';
import { loadKnowledgeBase } from './knowledge/load-knowledge-base.js';
import type { Logger } from './logger.js';
import { loadSecret } from './storage/load-secret.js';
import { toLocalMonth, type Clock } from './time/clock.js';
import { createClassifier } from './understanding/create-classifier.js';
import { createRetriever } from './understanding/create-retriever.js';

export interface Assembled {
  app: Koa;
  log: ConsultationLog;
}

/**
 * Builds every dependency from the config and hands them to createApp. Shared by main.ts, the tests and the
 * benchmark so all three run the same wiring. Reads data files; never listens.
 */
export async function assemble(config: Config, runtime: { clock: Clock; logger: Logger }): Promise<Assembled> {
  const dataDir = resolve(config.DATA_DIR);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const [secret, entries, laws] = await Promise.all([
    loadSecret(dataDir),
    loadKnowledgeBase(resolve(config.KB_DIR)),
    config.LAWS_DIR ? loadLawCorpus(resolve(config.LAWS_DIR)) : undefined,
  ]);
  const log = await openConsultationLog(join(dataDir, 'consultations'), toLocalMonth(runtime.clock.now()));

  const consultations = createConsultationService({
    log,
    classifier: createClassifier(),
    retriever: createRetriever(entries),
    knowledge: new Map(entries.map((e) => [e.id, e])),
    laws,
    pseudonymise: createPseudonymiser(secret),
    clock: runtime.clock,
    township: config.TOWNSHIP_NAME,
  });

  const app = createApp({ logger: runtime.logger, consultations, log, dataDir, adminToken: config.ADMIN_TOKEN });
  return { app, log };
}
