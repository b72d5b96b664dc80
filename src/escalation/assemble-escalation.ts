import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { ConsultationLog } from '../consultation/consultation-log.js';
import { ConfigError } from '../config.js';
import { errorFields } from '../http/handle-errors.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../time/clock.js';
import type { Classification } from '../understanding/classification.js';
import { createCaseMessages } from './case-messages.js';
import { openCaseStore } from './case-store.js';
import { createCaseService, type CaseService } from './create-case-service.js';
import { createDeliver } from './create-deliver.js';
import { createEscalation } from './create-escalation.js';
import { createFollowUp } from './create-follow-up.js';
import { openDialogueStore } from './dialogue-store.js';
import type { Escalation } from './escalation.js';
import { createMediatorCommands, type MediatorCommandHandler } from './handle-mediator-command.js';
import { loadRoster } from './load-roster.js';
import type { NotifyVia } from './mediator-notice.js';
import { notifyRoutes, type MediatorNotifier } from './mediator-notifier.js';
import { dutyMediatorOf } from './roster.js';
import { openOutbox } from './outbox.js';
import { openResidentInbox } from './resident-inbox.js';
import type { Roster } from './roster.js';
import { createSignedWebhookNotifier } from './signed-webhook-notifier.js';
import { createWecomAppNotifier, type WecomMessenger } from './wecom-app-notifier.js';
import { createWecomRobotNotifier } from './wecom-robot-notifier.js';

export interface AssembledEscalation {
  escalation: Escalation;
  cases: CaseService;
  roster: Roster;
  handleMediatorCommand: MediatorCommandHandler;
  /** The clock's work, called every minute by main.ts: follow-ups, expiry, notification retries. */
  tick(now: Date): Promise<void>;
}

export interface EscalationOptions {
  config: Config;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  classify: (text: string) => Classification;
  /** The consultation log: an intake's village goes back to the consultation it came from. */
  consultations: Pick<ConsultationLog, 'recordVillage'>;
  /** A WeCom app client, when WeCom is configured: mediators with a wecomUserId then get app messages. */
  wecom?: WecomMessenger | undefined;
}

/** Builds escalation from the config: roster, the four state files under DATA_DIR/mediation, notifiers. */
export async function assembleEscalation(options: EscalationOptions): Promise<AssembledEscalation> {
  const { config, clock, logger } = options;
  const rosterFile = resolve(config.ROSTER_FILE);
  const roster = await loadRoster(rosterFile);
  const dir = join(options.dataDir, 'mediation');
  await mkdir(dir, { recursive: true, mode: 0o700 });

  const needsSecret = roster.mediators.some((m) => m.webhook?.kind === 'signed');
  if (needsSecret && !config.MEDIATOR_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  MEDIATOR_WEBHOOK_SECRET: must be set, the roster has a signed webhook');
  }
  const notifiers: Partial<Record<NotifyVia, MediatorNotifier>> = {
    wecom_robot: createWecomRobotNotifier(),
    ...(options.wecom ? { wecom_app: createWecomAppNotifier(options.wecom) } : {}),
    ...(config.MEDIATOR_WEBHOOK_SECRET ? { signed: createSignedWebhookNotifier({ secret: config.MEDIATOR_WEBHOOK_SECRET, clock }) } : {}),
  };
  const available = new Set(Object.keys(notifiers) as NotifyVia[]);

  const [store, dialogues, inbox] = await Promise.all([
    openCaseStore(join(dir, 'cases.json')),
    openDialogueStore(join(dir, 'dialogues.json')),
    openResidentInbox(join(dir, 'resident-notices.json'), clock),
  ]);
  const deliver = createDeliver({ roster, notifiers, residents: { fallback: inbox } });
  const outbox = await openOutbox(join(dir, 'outbox.json'), deliver, logger);
  const messages = createCaseMessages({ roster, outbox, available, logger });
  const cases = createCaseService({ store, roster, messages, clock, township: config.TOWNSHIP_NAME, followUpDays: config.CASE_FOLLOW_UP_DAYS });
  const followUp = createFollowUp({ store, roster, messages, township: config.TOWNSHIP_NAME, acceptHours: config.CASE_ACCEPT_HOURS, logger });
  const dutyReachable = notifyRoutes(dutyMediatorOf(roster), available).length > 0;
  const escalation = { ...createEscalation({ cases, dialogues, inbox, roster, clock, logger, classify: options.classify, consultations: options.consultations, acceptHours: config.CASE_ACCEPT_HOURS }), dutyReachable };
  if (!dutyReachable) {
    logger.error(
      { dutyMediator: roster.dutyMediator },
      'THE DUTY MEDIATOR CANNOT BE NOTIFIED: urgent messages open cases nobody is told about. Give the duty mediator a webhook or set up WeCom. Until then residents in danger are told to call 110 and the township (TOWNSHIP_PHONE).',
    );
  }

  const unreachable = roster.mediators.filter((m) => m.active && notifyRoutes(m, available).length === 0).map((m) => m.id);
  if (unreachable.length > 0) {
    logger.warn({ mediators: unreachable }, 'these mediators cannot be notified (no webhook, and WeCom is not set up): they see cases only through the API');
  }
  if (rosterFile.endsWith('roster.example.yaml')) logger.warn({}, 'using the example roster of made-up mediators: set ROSTER_FILE to the real one');

  const steps: [string, (now: Date) => Promise<void>][] = [
    ['follow-ups', followUp.run],
    ['dialogue expiry', dialogues.purge],
    ['notice expiry', inbox.purge],
    ['outbox', outbox.deliverDue],
  ];
  return {
    escalation,
    cases,
    roster,
    handleMediatorCommand: createMediatorCommands(cases, roster),
    async tick(now) {
      for (const [name, step] of steps) {
        try {
          await step(now);
        } catch (err) {
          logger.error({ step: name, err: errorFields(err) }, 'escalation tick step failed');
        }
      }
    },
  };
}
