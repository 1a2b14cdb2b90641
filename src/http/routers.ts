import type Router from '@koa/router';
import type { Runtime } from '../runtime.js';
import type { IngressDeps } from '../platforms/ingress.js';
import { apiRouter } from './api/index.js';
import { createStore } from '../store/redis-store.js';
import { wecomRouter } from '../platforms/wecom/routes.js';
import { dingtalkRouter } from '../platforms/dingtalk/routes.js';
import { adminRouter } from './admin.js';
import { mountSim } from './sim-mount.js';
import { mountBoard } from './board-mount.js';
import { simActive } from '../config.js';

/**
 * Every router the web role mounts, in one list. Each feature adds its line here.
 */
export function buildRouters(rt: Runtime, ingress: IngressDeps): Router[] {
  void rt;
  void ingress;
  const routers: Router[] = [];
  // platform callbacks: each mounts only the routes whose variables are set (else 404)
  routers.push(wecomRouter(ingress), dingtalkRouter(ingress));
  if (rt.config.ADMIN_TOKEN) routers.push(adminRouter(Object.values(rt.jobQueues), rt.config.ADMIN_TOKEN));
  // the leaders' board: its own sessions, never the admin token
  routers.push(mountBoard(rt));
  // loadConfig already refuses SIM=on beside a platform; checked again here, where it is mounted
  if (simActive(rt.config)) routers.push(mountSim(rt, ingress));
  if (rt.config.ADMIN_TOKEN) routers.push(apiRouter(rt, createStore(rt.redis, rt.prefix)));
  return routers;
}
