import { z } from 'zod';
import { WechatApiError } from './wechat-api-error.js';

/** The part of `fetch` the API clients use, so a caller may pass its own. */
export type Fetch = (input: URL, init: RequestInit) => Promise<Response>;

export const DEFAULT_API_TIMEOUT_MS = 10_000;

const ErrorReplySchema = z.object({ errcode: z.number().int(), errmsg: z.string().optional() });

export interface ApiRequest {
  fetch: Fetch;
  base: string;
  /** Relative to `base`, e.g. `cgi-bin/stable_token`. Only this appears in errors: the query holds secrets. */
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON with POST; without it the call is a GET. */
  json?: unknown;
  timeoutMs: number;
}

/**
 * One call to a WeChat or WeCom API: JSON in and out, a timeout, a non-zero `errcode` turned into a
 * `WechatApiError`, and the answer checked against `schema`.
 */
export async function callWechatApi<S extends z.ZodType>(request: ApiRequest, schema: S): Promise<z.infer<S>> {
  const url = new URL(request.path, request.base.endsWith('/') ? request.base : `${request.base}/`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const init: RequestInit =
    request.json === undefined
      ? { method: 'GET' }
      : { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(request.json) };

  let body: unknown;
  try {
    const res = await request.fetch(url, { ...init, signal: AbortSignal.timeout(request.timeoutMs) });
    if (!res.ok) throw new WechatApiError(undefined, `${request.path} answered HTTP ${res.status}`);
    body = await res.json();
  } catch (cause) {
    if (cause instanceof WechatApiError) throw cause;
    throw new WechatApiError(undefined, `${request.path} could not be reached or did not answer JSON`, { cause });
  }
  const failure = ErrorReplySchema.safeParse(body);
  if (failure.success && failure.data.errcode !== 0) {
    const { errcode, errmsg } = failure.data;
    throw new WechatApiError(errcode, `${request.path} refused: ${errcode} ${errmsg ?? ''}`.trimEnd());
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new WechatApiError(undefined, `${request.path} answered an unexpected shape:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
