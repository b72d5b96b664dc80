import { timingSafeEqual, createHash } from 'node:crypto';
import type { Middleware } from 'koa';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

/**
 * Guards admin-only routes with `Authorization: Bearer <ADMIN_TOKEN>`. With no token configured the routes
 * stay closed for everyone.
 */
export function requireAdmin(adminToken: string | undefined): Middleware {
  const expected = adminToken ? digest(adminToken) : undefined;
  return async (ctx, next) => {
    if (!expected) throw new ForbiddenError('admin endpoints are closed: set ADMIN_TOKEN to open them');
    const match = /^Bearer\s+(.+)$/i.exec(ctx.get('authorization'));
    if (!match || !timingSafeEqual(digest(match[1]!.trim()), expected)) throw new UnauthorizedError();
    await next();
  };
}

const digest = (token: string) => createHash('sha256').update(token).digest();
