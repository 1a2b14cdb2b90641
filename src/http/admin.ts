import type Router from '@koa/router';
import { createRouter } from './router.js';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import type { Queue } from 'bullmq';
import type Koa from 'koa';
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
    // a completed job is never run again: what made its run exactly-once (an outbound job's
    // ledger) is deleted when it completes (src/worker.ts), so the dashboard offers retries of
    // failed jobs only, and noCompletedRetries refuses the API's retry of a completed one
    // (the option is the base adapter's; BullMQAdapter passes its options on but does not type it)
    queues: queues.map((q) => new BullMQAdapter(q, { allowCompletedRetries: false } as object)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'dudao' } },
  });
  const dashboard = board.registerPlugin();
  const r = createRouter();
  r.all('/admin{/*rest}', adminAuth(token), noCompletedRetries(queues), dashboard);
  return r;
}

/** The dashboard API's retries (@bull-board/api routes.js): of a whole status, and of one job. */
const RETRY_ALL = new RegExp(`^${ADMIN_QUEUES_PATH}/api/queues/([^/]+)/retry/([^/]+)$`);
const RETRY_ONE = new RegExp(`^${ADMIN_QUEUES_PATH}/api/queues/([^/]+)/([^/]+)/retry$`);

/**
 * bull-board's API retries completed jobs too (its allowCompletedRetries only hides the button):
 * refused here with 409, before the dashboard sees the request.
 */
function noCompletedRetries(queues: Queue[]): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'PUT') {
      const all = RETRY_ALL.exec(ctx.path);
      if (all && decodeURIComponent(all[2]!) === 'completed') return refuse(ctx);
      const one = RETRY_ONE.exec(ctx.path);
      if (one) {
        const q = queues.find((x) => x.name === decodeURIComponent(one[1]!));
        const state = q ? await q.getJobState(decodeURIComponent(one[2]!)) : undefined;
        if (state === 'completed') return refuse(ctx);
      }
    }
    await next();
  };
}

function refuse(ctx: Koa.Context) {
  ctx.status = 409;
  ctx.body = { error: 'a completed job is not run again' };
}
