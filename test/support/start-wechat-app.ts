import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import { createWechatRoutes } from '../../src/channels/wechat/create-wechat-routes.js';
import { loadConfig } from '../../src/config.js';
import { openConsultationLog } from '../../src/consultation/consultation-log.js';
import type { ConsultationResult, ConsultationService, IncomingMessage } from '../../src/consultation/create-consultation-service.js';
import { createPseudonymiser } from '../../src/consultation/pseudonymise.js';
import { createLogger } from '../../src/logger.js';
import { loadSecret } from '../../src/storage/load-secret.js';
import { toLocalMonth, type Clock } from '../../src/time/clock.js';

export interface RunningWechatApp {
  url: string;
  logLines: () => string[];
  close: () => Promise<void>;
}

/**
 * The real app and WeChat channels over `dataDir`, on a loopback port, with the consultation pipeline
 * replaced by `consultations` (a slow or failing one) and a short reply deadline.
 */
export async function startWechatApp(
  dataDir: string,
  options: {
    env: Record<string, string>;
    clock: Clock;
    consultations: ConsultationService;
    replyDeadlineMs: number;
    wecomCommands?: (userId: string, text: string) => Promise<string | undefined>;
  },
): Promise<RunningWechatApp> {
  const config = loadConfig({ DATA_DIR: dataDir, ...options.env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const { clock, consultations, replyDeadlineMs, wecomCommands } = options;
  const log = await openConsultationLog(join(dataDir, 'consultations'), toLocalMonth(clock.now()));
  const pseudonymise = createPseudonymiser(await loadSecret(dataDir));
  const channelRoutes = await createWechatRoutes(config, {
    consultations,
    pseudonymise,
    clock,
    logger,
    dataDir,
    replyDeadlineMs,
    ...(wecomCommands ? { wecomCommands } : {}),
  });
  const app = createApp({ logger, consultations, log, dataDir, adminToken: undefined, channelRoutes });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logLines: () => lines.slice(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface HeldConsultations {
  service: ConsultationService;
  /** Every message the service was asked to handle. */
  calls: IncomingMessage[];
  /** Lets every waiting and future message through. */
  release(): void;
  /** Makes future messages wait again until `release`. */
  hold(): void;
}

/**
 * A consultation service that answers `回复：<text>` (or `replies[text]`) once released, and fails for
 * the text `出错`: a slow dependency the test controls, instead of a timer race.
 */
export function heldConsultations(replies: Record<string, string> = {}): HeldConsultations {
  const calls: IncomingMessage[] = [];
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  return {
    calls,
    release: () => open(),
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    service: {
      async handle(message): Promise<ConsultationResult> {
        calls.push(message);
        await gate;
        if (message.text === '出错') throw new Error('the consultation log could not be written');
        return {
          consultationId: `c-${calls.length}`,
          reply: replies[message.text] ?? `回复：${message.text}`,
          intent: 'question',
          category: 'other',
          confidence: 0.5,
          dispute: false,
          urgent: false,
          answerId: null,
        };
      },
    },
  };
}
