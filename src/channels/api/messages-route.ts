import type Router from '@koa/router';
import { z } from 'zod';
import type { ConsultationService } from '../../consultation/create-consultation-service.js';
import { readJsonBody } from '../../http/read-json-body.js';

/** The public message contract other channels and outside checks rely on. */
export const MessageRequestSchema = z.object({
  userId: z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'must not be empty')
    .refine((t) => [...t].length <= 2000, 'must be at most 2000 characters'),
  messageId: z.string().min(1).max(128).optional(),
  channel: z.enum(['web', 'api']).default('api'),
  village: z.string().trim().min(1).max(40).optional(),
});

export function mountMessagesRoute(router: Router, service: ConsultationService): void {
  router.post('/api/messages', async (ctx) => {
    const body = await readJsonBody(ctx, MessageRequestSchema);
    const result = await service.handle({
      channel: body.channel,
      userId: body.userId,
      text: body.text,
      messageId: body.messageId ?? null,
      village: body.village ?? null,
    });
    ctx.body = {
      consultationId: result.consultationId,
      reply: result.reply,
      category: result.category,
      confidence: result.confidence,
      dispute: result.dispute,
      urgent: result.urgent,
      answerId: result.answerId,
      intent: result.intent,
    };
  });
}
