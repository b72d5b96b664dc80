import type { Middleware } from 'koa';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * The one place errors become responses: JSON `{ error: { code, message } }`, one log line per failure,
 * and never an internal message or stack trace to the client.
 */
export function handleErrors(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: { code: 'not_found', message: `no route for ${ctx.method} ${ctx.path}` } };
      }
    } catch (err) {
      const known = err instanceof AppError ? err : undefined;
      const status = known?.status ?? 500;
      ctx.status = status;
      ctx.body = {
        error: known?.expose
          ? { code: known.code, message: known.message }
          : { code: 'internal_error', message: 'something went wrong on our side; please try again' },
      };
      const fields = { err: errorFields(err), method: ctx.method, path: ctx.path, status };
      if (status >= 500) logger.error(fields, 'request failed');
      else logger.warn(fields, 'request refused');
    }
  };
}

/** What a log line keeps of an error: its kind and message, never request data. */
export function errorFields(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof AppError) return { name: err.name, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { name: 'NonError', message: String(err) };
}
