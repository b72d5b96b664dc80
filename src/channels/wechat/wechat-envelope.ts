import { z } from 'zod';

/**
 * The outer body of a safe-mode (or compatible-mode) Official Account message and of every WeCom callback:
 * the real message is inside `Encrypt`. Other fields present in compatible mode are ignored.
 */
export const WechatEnvelopeSchema = z
  .object({
    ToUserName: z.string(),
    Encrypt: z.string().min(1),
    AgentID: z.string().min(1).optional(),
  })
  .transform((w) => ({ toUserName: w.ToUserName, encrypt: w.Encrypt, agentId: w.AgentID }));
export type WechatEnvelope = z.output<typeof WechatEnvelopeSchema>;
