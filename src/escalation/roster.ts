import { z } from 'zod';
import { CategorySchema } from '../understanding/category.js';

/** Ids appear in timelines as `mediator:<id>`, so they keep to the characters ActorSchema allows. */
export const MediatorIdSchema = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'an id is 1-40 lowercase letters, digits, - or _');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Notifications leave the township's server only over HTTPS; plain HTTP is for a stand-in on this machine. */
export const NotifyUrlSchema = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, 'must be an https:// address (http:// only for 127.0.0.1)');

export const MediatorWebhookSchema = z.object({
  /** `wecom_robot`: a WeCom group robot (群机器人); `signed`: any HTTPS endpoint, HMAC-signed JSON. */
  kind: z.enum(['wecom_robot', 'signed']),
  url: NotifyUrlSchema,
});

export const MediatorSchema = z
  .object({
    id: MediatorIdSchema,
    name: z.string().trim().min(1).max(20),
    villages: z.array(z.string().trim().min(1)).default([]),
    categories: z.array(CategorySchema).default([]),
    wecomUserId: z.string().trim().min(1).max(64).optional(),
    webhook: MediatorWebhookSchema.optional(),
    active: z.boolean().default(true),
    /** sha256 (hex) of the mediator's API token, made by `npm run mediator-token`; the token itself is never stored. */
    tokenSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be the 64-character sha256 hex that npm run mediator-token prints')
      .optional(),
  })
  .refine((m) => m.wecomUserId !== undefined || m.webhook !== undefined, {
    message: 'needs a wecomUserId or a webhook, or the mediator is never told about cases',
    path: ['wecomUserId'],
  });
export type Mediator = z.infer<typeof MediatorSchema>;

export const VillageSchema = z.object({
  name: z.string().trim().min(1).max(20),
  kind: z.enum(['village', 'community']).default('village'),
  /** Other names residents use (`上坪` for 上坪村). */
  aliases: z.array(z.string().trim().min(1)).default([]),
});
export type Village = z.infer<typeof VillageSchema>;

/** The township's villages and communities, its people's mediators and who is on duty. */
export const RosterSchema = z
  .object({
    villages: z.array(VillageSchema).min(1),
    dutyMediator: MediatorIdSchema,
    mediators: z.array(MediatorSchema).min(1),
  })
  .superRefine((roster, ctx) => {
    const villageNames = new Set<string>();
    roster.villages.forEach((v, i) => {
      if (villageNames.has(v.name)) ctx.addIssue({ code: 'custom', path: ['villages', i, 'name'], message: `${v.name} is listed twice` });
      villageNames.add(v.name);
    });
    const ids = new Set<string>();
    const tokens = new Set<string>();
    roster.mediators.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['mediators', i, 'id'], message: `${m.id} is listed twice` });
      ids.add(m.id);
      if (m.tokenSha256 !== undefined) {
        if (tokens.has(m.tokenSha256)) ctx.addIssue({ code: 'custom', path: ['mediators', i, 'tokenSha256'], message: 'two mediators share a token' });
        tokens.add(m.tokenSha256);
      }
      m.villages.forEach((v, j) => {
        if (!villageNames.has(v)) ctx.addIssue({ code: 'custom', path: ['mediators', i, 'villages', j], message: `${v} is not in villages` });
      });
    });
    const duty = roster.mediators.find((m) => m.id === roster.dutyMediator);
    if (!duty) ctx.addIssue({ code: 'custom', path: ['dutyMediator'], message: `${roster.dutyMediator} is not in mediators` });
    else if (!duty.active) ctx.addIssue({ code: 'custom', path: ['dutyMediator'], message: `${duty.id} is not active` });
  });
export type Roster = z.infer<typeof RosterSchema>;

export function findMediator(roster: Roster, id: string | null): Mediator | undefined {
  return id === null ? undefined : roster.mediators.find((m) => m.id === id);
}

export function dutyMediatorOf(roster: Roster): Mediator {
  const duty = findMediator(roster, roster.dutyMediator);
  if (!duty) throw new Error('the roster schema guarantees a duty mediator');
  return duty;
}
