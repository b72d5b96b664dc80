import type { Context } from 'koa';

/**
 * Scripts, styles and data only from this server, no inline code, no framing, no form posts elsewhere.
 * Chart.js draws on canvas and sets sizes through the DOM, which this policy allows.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers for every dashboard response. */
export function setAdminHeaders(ctx: Context, cache: 'no-store' | 'asset'): void {
  ctx.set('Content-Security-Policy', ADMIN_CSP);
  ctx.set('X-Content-Type-Options', 'nosniff');
  // Not no-referrer: under it browsers send `Origin: null` with form posts, and sign-in checks the origin.
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Cache-Control', cache === 'asset' ? 'private, max-age=3600' : 'no-store');
}
