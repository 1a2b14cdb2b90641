import type Router from '@koa/router';
import { createRouter } from '../router.js';
import type { BoardDeps } from './deps.js';
import { API_MESSAGES } from './messages.js';
import { sendAsset, sendRefusal } from './pages.js';
import { apiRoutes } from './api-routes.js';
import { signInRoutes } from './sign-in-routes.js';

/**
 * `/board` and everything under it (docs/spec/interfaces.md → Leaders' board). Paths are exact and case-
 * sensitive (createRouter, src/http/router.ts): `/board/`, `/Board` or `/board/api/Overview` are 404, as are
 * unknown paths under /board — a Chinese page for a person, `{error}` for the API.
 */
export function boardRouter(deps: BoardDeps): Router {
  const router = createRouter();
  signInRoutes(router, deps);
  apiRoutes(router, deps);
  router.get('/board/static/:file', (ctx, next) => (sendAsset(ctx, ctx.path) ? undefined : next()));
  router.all('/board/api/{*rest}', (ctx) => {
    ctx.status = 404;
    ctx.body = { error: { code: 'not_found', message: API_MESSAGES.not_found } };
  });
  router.all('/board/{*rest}', (ctx) => sendRefusal(ctx, 'not_found', { status: 404 }));
  return router;
}
