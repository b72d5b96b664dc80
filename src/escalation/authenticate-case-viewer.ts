import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { CaseViewer } from './case-actor.js';
import type { Roster } from './roster.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/**
 * Who is calling the case API: `Authorization: Bearer <token>` is the admin token or one mediator's token.
 * Mediators' tokens are kept only as sha256 hashes in the roster; every comparison is constant-time.
 */
export function createCaseAuth(roster: Roster, adminToken: string | undefined): (ctx: Context) => CaseViewer {
  const admin = adminToken ? sha256(adminToken) : undefined;
  const mediators = roster.mediators.flatMap((m) => (m.tokenSha256 ? [{ mediator: m, hash: Buffer.from(m.tokenSha256, 'hex') }] : []));
  return (ctx) => {
    if (!admin && mediators.length === 0) {
      throw new ForbiddenError('case endpoints are closed: set ADMIN_TOKEN or give mediators tokens (npm run mediator-token)');
    }
    const match = /^Bearer\s+(.+)$/i.exec(ctx.get('authorization'));
    if (!match) throw new UnauthorizedError();
    const presented = sha256(match[1]!.trim());
    if (admin && timingSafeEqual(presented, admin)) return { kind: 'admin' };
    const found = mediators.find((m) => timingSafeEqual(presented, m.hash));
    if (!found) throw new UnauthorizedError();
    return { kind: 'mediator', mediator: found.mediator };
  };
}
