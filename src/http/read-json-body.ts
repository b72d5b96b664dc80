import type { Context } from 'koa';
import type { z } from 'zod';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';

export const JSON_BODY_LIMIT = 16 * 1024;

/** Reads the raw body, refusing more than `limit` bytes without buffering the excess. */
export async function readRawBody(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || NaN);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
  // Plain stream events rather than `for await`: an async iterator per request costs more than the small body.
  const { req } = ctx;
  if (req.readableEnded) return Buffer.alloc(0);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > limit) {
        finish();
        req.destroy();
        reject(new PayloadTooLargeError(limit));
        return;
      }
      chunks.push(buf);
    };
    const onEnd = () => {
      finish();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      finish();
      reject(err);
    };
    const onClose = () => {
      finish();
      reject(new Error('request closed before its body ended'));
    };
    const finish = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Parses a JSON request body through `schema`; the 400 names the first bad field. */
export async function readJsonBody<S extends z.ZodType>(ctx: Context, schema: S, limit = JSON_BODY_LIMIT): Promise<z.infer<S>> {
  if (!ctx.is('application/json')) throw new UnsupportedMediaTypeError('application/json');
  const raw = await readRawBody(ctx, limit);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (cause) {
    throw new ValidationError('body is not valid JSON', { cause });
  }
  return parseWith(schema, value, 'body');
}

/** Runs a zod schema over outside data and turns the first issue into a ValidationError naming the field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : what;
  throw new ValidationError(`${field}: ${issue?.message ?? 'invalid'}`, { cause: result.error });
}
