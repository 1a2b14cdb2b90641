import { z } from 'zod';
import type { ApiRoutes } from './deps.js';
import { parseQuery } from './deps.js';
import { buildStatsReport, monthRange, type StatsRow } from '../../reports/stats-report.js';

export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
const statsQuery = z.strictObject({ month: monthParam.optional() });

/** A row as JSON: the counts, coverage as a ratio (null with no schools), ids with names. */
function rowJson({ id: _id, name: _name, ...r }: StatsRow) {
  return { ...r, coverage: r.schools ? Math.round((r.schoolsVisited / r.schools) * 1000) / 1000 : null };
}

/**
 * GET stats?month=YYYY-MM (default: this month): the district's statistics for the visits dated in
 * the month, per zone and per supervisor (src/reports/stats-report.ts says what each count counts;
 * problems = closedOnTime + closedLate + pending + overdue in every row).
 */
export const statsRoutes: ApiRoutes = (router, { store, today, reports }) => {
  router.get('/stats', async (ctx) => {
    const q = parseQuery(ctx, statsQuery);
    const day = today();
    const month = q.month ?? day.slice(0, 7);
    const { from, to } = monthRange(month);
    const r = await buildStatsReport(store, {
      from,
      to,
      scope: { all: true },
      today: day,
      timeZone: reports.timeZone,
    });
    ctx.body = {
      month,
      from,
      to,
      asOf: day,
      total: rowJson(r.total),
      zones: r.zones.map((z) => ({ zone: { id: z.id, name: z.name }, ...rowJson(z) })),
      supervisors: r.supervisors.map((s) => ({ supervisor: { id: s.id, name: s.name }, ...rowJson(s) })),
    };
  });
};
