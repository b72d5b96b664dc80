import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseWith, readJsonBody } from '../http/read-json-body.js';
import { MONTH_PATTERN } from '../time/clock.js';
import type { CaseViewer } from './case-actor.js';
import { CaseIdSchema, CaseOutcomeSchema, CaseStatusSchema, type CaseRecord } from './case-record.js';
import type { CaseService } from './create-case-service.js';
import { MediatorIdSchema } from './roster.js';

const ListQuerySchema = z.object({
  status: CaseStatusSchema.optional(),
  village: z.string().trim().min(1).max(20).optional(),
  month: z.string().regex(MONTH_PATTERN, 'must be a month like 2026-11').optional(),
  mediatorId: MediatorIdSchema.optional(),
});
const ParamsSchema = z.object({ id: CaseIdSchema });
const NoteSchema = z.strictObject({ text: z.string().trim().min(1, 'must not be empty').max(2000) });
const ReassignSchema = z.strictObject({ mediatorId: MediatorIdSchema, reason: z.string().trim().min(1).max(200).optional() });
const CloseSchema = z.strictObject({
  outcome: CaseOutcomeSchema,
  agreementSummary: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  judicialConfirmationAdvised: z.boolean().optional(),
  followUpDate: z.iso.date('must be a date like 2026-12-28').optional(),
});

/** A case in a list: everything but the contact, the notes and the timeline (open the case for those). */
export function toCaseSummary(c: CaseRecord) {
  const { contact, notes, timeline, ...rest } = c;
  return { ...rest, hasContact: contact !== null, notes: notes.length };
}

/**
 * `/api/cases…` for mediators (their own cases) and the admin (all): list and filter, view, accept, note,
 * reassign (admin), close. Unknown case 404, not yours 403, wrong status 409, bad input 400 naming the field.
 */
export function mountCasesRoute(router: Router, cases: CaseService, authenticate: (ctx: Context) => CaseViewer): void {
  const caseId = (ctx: Context) => parseWith(ParamsSchema, ctx.params, 'id').id;

  router.get('/api/cases', (ctx) => {
    const viewer = authenticate(ctx);
    const filter = parseWith(ListQuerySchema, ctx.query, 'query');
    const found = cases.list(viewer, filter);
    ctx.body = { count: found.length, cases: found.map(toCaseSummary) };
  });

  router.get('/api/cases/:id', (ctx) => {
    const viewer = authenticate(ctx);
    ctx.body = { case: cases.get(viewer, caseId(ctx)) };
  });

  router.post('/api/cases/:id/accept', async (ctx) => {
    const viewer = authenticate(ctx);
    ctx.body = { case: await cases.accept(viewer, caseId(ctx)) };
  });

  router.post('/api/cases/:id/notes', async (ctx) => {
    const viewer = authenticate(ctx);
    const id = caseId(ctx);
    const body = await readJsonBody(ctx, NoteSchema);
    ctx.body = { case: await cases.addNote(viewer, id, body.text) };
  });

  router.post('/api/cases/:id/reassign', async (ctx) => {
    const viewer = authenticate(ctx);
    const id = caseId(ctx);
    const body = await readJsonBody(ctx, ReassignSchema);
    ctx.body = { case: await cases.reassign(viewer, id, body.mediatorId, body.reason) };
  });

  router.post('/api/cases/:id/close', async (ctx) => {
    const viewer = authenticate(ctx);
    const id = caseId(ctx);
    const body = await readJsonBody(ctx, CloseSchema);
    ctx.body = { case: await cases.close(viewer, id, body) };
  });
}
