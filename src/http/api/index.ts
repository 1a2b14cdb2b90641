import type Router from '@koa/router';
import { createRouter } from '../router.js';
import type { Runtime } from '../../runtime.js';
import type { FullStore } from '../../store/store.js';
import { adminAuth } from '../admin-auth.js';
import { dayInZone } from '../../domain/day.js';
import { createCalendar } from '../../domain/calendar.js';
import { notFound } from '../../errors.js';
import type { ApiDeps } from './deps.js';
import { itemsRoutes } from './items.js';
import { recordsRoutes } from './records.js';
import { schoolsRoutes } from './schools.js';
import { rosterRoutes } from './roster.js';
import { statsRoutes } from './stats.js';
import { digestRoutes } from './digest.js';
import { exportRoutes } from './export.js';

export const API_PREFIX = '/api/v1';

/**
 * `/api/v1`: the JSON read and admin API behind `Authorization: Bearer $ADMIN_TOKEN`. Mount it only
 * when ADMIN_TOKEN is set: without this router the whole of /api/v1 is 404 (docs/spec/interfaces.md).
 * Every path under the prefix, even an unknown one, asks for the token first.
 */
export function apiRouter(rt: Runtime, store: FullStore): Router {
  const token = rt.config.ADMIN_TOKEN;
  if (!token) throw new Error('apiRouter: ADMIN_TOKEN is not set; do not mount the API');
  const deps: ApiDeps = {
    store,
    today: () => dayInZone(rt.now(), rt.config.TIMEZONE),
    year: () => Number(dayInZone(rt.now(), rt.config.TIMEZONE).slice(0, 4)),
    reports: {
      timeZone: rt.config.TIMEZONE,
      escalateAfterWorkdays: rt.config.ESCALATE_AFTER_WORKDAYS,
      calendar: createCalendar(),
      dueSoonWorkdays: Math.max(0, ...rt.config.REMINDER_WORKDAYS_BEFORE),
      ...(rt.config.OFFICE_NAME ? { officeName: rt.config.OFFICE_NAME } : {}),
    },
  };
  const router = createRouter({ prefix: API_PREFIX });
  router.use(adminAuth(token));
  for (const routes of [
    itemsRoutes,
    recordsRoutes,
    schoolsRoutes,
    rosterRoutes,
    statsRoutes,
    digestRoutes,
    exportRoutes,
  ]) {
    routes(router, deps);
  }
  router.all('{/*rest}', () => {
    throw notFound('not_found', 'no such API route');
  });
  return router;
}
