import type Router from '@koa/router';
import type { Runtime } from '../runtime.js';
import type { IngressDeps } from '../platforms/ingress.js';

/**
 * Every router the web role mounts, in one list. Each feature adds its line here.
 */
export function buildRouters(rt: Runtime, ingress: IngressDeps): Router[] {
  void rt;
  void ingress;
  const routers: Router[] = [];
  return routers;
}
