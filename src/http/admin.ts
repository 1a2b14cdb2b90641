import type Router from '@koa/router';
import { createRouter } from './router.js';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import type { Queue } from 'bullmq';
import { adminAuth } from './admin-auth.js';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/**
 * `/admin/queues`: the bull-board dashboard over the queues, behind ADMIN_TOKEN (admin-auth.ts).
 * Mount only when ADMIN_TOKEN is set; without this router /admin is 404 (docs/spec/interfaces.md).
 *
 * @bull-board/koa's registerPlugin() returns a koa-mount middleware (its own Koa app with views,
 * statics and the JSON API under the base path); @koa/router only runs middleware for a matched
 * route, so one catch-all route `/admin{/*rest}` runs the auth check for everything under /admin
 * and then hands over to the mounted dashboard. Paths it does not serve fall through to 404.
 *
 * The queues given should be the ones on the retrying connection (rt.jobQueues): the dashboard
 * may wait for Redis; the callback path's fail-fast connection is not for it.
 */
export function adminRouter(queues: Queue[], token: string): Router {
  const board = new KoaAdapter();
  board.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'dudao' } },
  });
  const dashboard = board.registerPlugin();
  const r = createRouter();
  r.all('/admin{/*rest}', adminAuth(token), dashboard);
  return r;
}
