import { z } from 'zod';
import type { ApiRoutes } from './deps.js';
import { parseQuery } from './deps.js';
import { day } from './params.js';
import { buildDigestFor } from '../../reports/build-digest.js';

const digestQuery = z.strictObject({ date: day.optional() });

/**
 * GET digest?date=YYYY-MM-DD (default: today): the district-wide digest sent on the morning of that
 * day: the days it covers, the state at 00:00 of it (src/reports/build-digest.ts).
 */
export const digestRoutes: ApiRoutes = (router, { store, today, reports }) => {
  router.get('/digest', async (ctx) => {
    const q = parseQuery(ctx, digestQuery);
    ctx.body = await buildDigestFor(store, 'district', q.date ?? today(), reports);
  });
};
