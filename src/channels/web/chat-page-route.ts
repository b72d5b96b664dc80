import { readFileSync } from 'node:fs';
import type Router from '@koa/router';

/** The try-it chat page: township staff can talk to Mingbai with no WeChat account. */
export function mountChatPage(router: Router): void {
  const page = readFileSync(new URL('./chat.html', import.meta.url), 'utf8');
  router.get('/chat', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
    ctx.body = page;
  });
  router.get('/', (ctx) => ctx.redirect('/chat'));
}
