import type Router from '@koa/router';
import type { Runtime } from '../runtime.js';
import type { IngressDeps } from '../platforms/ingress.js';
import { mountSim } from './sim-mount.js';

/**
 * Every router the web role mounts, in one list. Each feature adds its line here.
 */
export function buildRouters(rt: Runtime, ingress: IngressDeps): Router[] {
  void rt;
  void ingress;
  const routers: Router[] = [];
  if (rt.config.SIM === 'on') routers.push(mountSim(rt, ingress));
  return routers;
}
