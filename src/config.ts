import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Every setting Mingbai reads from the environment; `.env.example` documents each one. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./var'),
  KB_DIR: z.string().trim().min(1).default('./data/kb'),
  /** The justice office's phone, given to a resident in danger when the duty mediator cannot be notified. */
  TOWNSHIP_PHONE: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 -]{4,19}$/, 'a phone number such as 0371-12345678')
    .optional(),
  /** What to tell a resident when no curated entry answers, per category (data/routes.yaml). */
  ROUTES_FILE: z.string().trim().min(1).default('./data/routes.yaml'),
  LAWS_DIR: optionalText,
  ADMIN_TOKEN: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (use a long random string)').optional(),
  ),
  ADMIN_SESSION_HOURS: z.coerce.number().positive('must be a positive number of hours').max(24 * 7).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOWNSHIP_NAME: z.string().trim().min(1).max(40).default('本乡镇'),

  // WeChat Official Account (公众号): the /wechat routes are mounted only when token, app id and secret are set.
  WECHAT_TOKEN: optionalText,
  WECHAT_APP_ID: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_ENCODING_AES_KEY: optionalText.pipe(z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),

  // WeCom (企业微信) self-built app: the /wecom routes are mounted only when all five are set.
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText.pipe(z.string().regex(/^\d+$/, 'must be the numeric AgentId').optional()),
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: optionalText.pipe(z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),

  // People's mediation (人民调解): the roster of villages and mediators, and the follow-up clock.
  ROSTER_FILE: z.string().trim().min(1).default('./data/roster.example.yaml'),
  CASE_ACCEPT_HOURS: z.coerce.number().positive('must be a positive number of hours').max(24 * 7).default(4),
  CASE_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  MEDIATOR_WEBHOOK_SECRET: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (use a long random string)').optional(),
  ),
});
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once; a bad value stops start-up with the variable's name. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}
