import Koa from 'koa';
import type Router from '@koa/router';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { AppError } from '../errors.js';
import { createRouter, isExact } from './router.js';
import { pathGuard } from './path-guard.js';

export interface Readiness {
  ok: boolean;
  reason?: string;
}

export interface AppDeps {
  log: Logger;
  metrics: Metrics;
  /** Redis answers and the workers run (docs/spec/interfaces.md: /readyz) */
  ready: () => Promise<Readiness>;
  /** platform callbacks, API, admin, simulator: each mounts its own routes */
  routers: Router[];
  /** set while shutting down: callbacks get 503 so the platform retries elsewhere / later */
  isClosing?: () => boolean;
  /** TRUST_PROXY: read the client address from X-Forwarded-For (only behind a reverse proxy) */
  trustProxy?: boolean;
  /** the /metrics text, when it adds more than this registry (serve's worker threads) */
  metricsText?: () => Promise<string>;
}

/**
 * The Koa app. The error middleware comes first: client errors (AppError with expose) are shown,
 * anything else is a bare 500 and one log line with the code only, never a stack to the caller.
 */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  // X-Forwarded-* is anyone's to forge unless a proxy we trust overwrites it (docs/security.md)
  app.proxy = deps.trustProxy === true;
  app.silent = true;
  for (const r of deps.routers) {
    if (!isExact(r))
      throw new Error(
        `a router (${r.opts.prefix ?? 'no prefix'}) was not made with createRouter() (src/http/router.ts): routes must be exact and case-sensitive`,
      );
  }

  app.use(async (ctx, next) => {
    try {
      if (deps.isClosing?.() && ctx.path !== '/healthz' && ctx.path !== '/readyz') {
        throw new AppError('closing', 'shutting down', 503);
      }
      await next();
    } catch (err) {
      const e = err as Error & { status?: number; expose?: boolean };
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 600 ? e.status : 500;
      const expose = status < 500 || e.expose === true;
      ctx.status = status;
      const code = e instanceof AppError ? e.code : status === 500 ? 'internal' : 'error';
      const message = expose ? e.message : 'internal error';
      if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/admin')) {
        ctx.body = { error: { code, message } };
      } else {
        ctx.body = message;
      }
      if (status >= 500 && !(e instanceof AppError)) {
        deps.log.error({ path: ctx.path, err: { name: e.name, code } }, 'unhandled error in request');
      }
    }
  });

  const base = createRouter();
  base.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  base.get('/readyz', async (ctx) => {
    const r = await deps.ready();
    ctx.status = r.ok ? 200 : 503;
    ctx.body = r.ok ? { ok: true } : { ok: false, reason: r.reason };
  });
  base.get('/metrics', async (ctx) => {
    ctx.type = 'text/plain; version=0.0.4; charset=utf-8';
    ctx.body = deps.metricsText ? await deps.metricsText() : await deps.metrics.registry.metrics();
  });
  // one spelling per path, before any router sees it (path-guard.ts)
  app.use(pathGuard([base, ...deps.routers]));
  // the platforms' callbacks first: the hot path meets its router without passing another's
  // (paths are exact and distinct, so the order changes nothing else)
  for (const r of deps.routers) app.use(r.routes()).use(r.allowedMethods({ throw: false }));
  app.use(base.routes()).use(base.allowedMethods());
  return app;
}
