import type Router from '@koa/router';
import type { Runtime } from '../runtime.js';
import type { IngressDeps } from '../platforms/ingress.js';
import { createStore } from '../store/redis-store.js';
import { connectRedis } from '../redis/connect.js';
import { createCalendar } from '../domain/calendar.js';
import { installSimClock } from '../platforms/sim/clock.js';
import { simRouter } from '../platforms/sim/routes.js';
import { simTimeJobs } from './sim-time.js';
import { boardLinks } from '../../jobs/board-link.js';
import { AppError } from '../errors.js';
import { DemoResetRefused, resetDemoDistrict } from './sim-reset.js';

/**
 * Composition of the simulator's routes (SIM=on only): the store's roster reads, a dedicated
 * Redis connection per open page, the simulated clock, and the time jobs to run when it moves.
 * Lives in src/http because the simulator itself may not import the store or the jobs.
 */
export function mountSim(rt: Runtime, ingress: IngressDeps): Router {
  const store = createStore(rt.redis, rt.prefix);
  return simRouter({
    config: rt.config,
    log: rt.log,
    ingress,
    roster: store,
    redis: rt.redis,
    prefix: rt.prefix,
    // 'worker' role: waits (offline queue) while Redis reconnects instead of failing the page
    connect: () => connectRedis(rt.redisUrl, { role: 'worker', name: 'dudao-sim-events' }),
    // normally installed by server.ts already; installSimClock returns that same clock
    clock: installSimClock(rt),
    calendar: createCalendar(),
    runTimeJobs: simTimeJobs(rt),
    boardLink: boardLinks(rt),
    resetDemo: () =>
      resetDemoDistrict(rt).catch((e: unknown) => {
        if (!(e instanceof DemoResetRefused)) throw e;
        throw e.reason === 'not_demo_roster'
          ? new AppError('not_demo_roster', 'the roster is not the demo district: nothing was reset', 409)
          : new AppError('not_sim', 'the simulator is off', 404);
      }),
  });
}
