import { z } from 'zod';
import type { ApiRoutes } from './deps.js';
import { parseQuery } from './deps.js';
import { buildStatsReport, monthRange, type StatsRow } from '../../reports/stats-report.js';
import { emptyTally, type OpenTally } from '../../reports/open-tally.js';
import { openTallyIn } from '../../reports/stats.js';

export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
const statsQuery = z.strictObject({ month: monthParam.optional() });

/**
 * A row as JSON: the month's cohort counts (the month's visits and the problems they raised, in
 * their state today; the cohort's overdue ones as `problemsOverdue`), coverage as a ratio (null
 * with no schools), and — for the total and each zone — every open item as it stands now.
 */
function rowJson({ id: _id, name: _name, overdue, ...r }: StatsRow, now?: OpenTally) {
  return {
    ...r,
    problemsOverdue: overdue,
    coverage: r.schools ? Math.round((r.schoolsVisited / r.schools) * 1000) / 1000 : null,
    ...(now ? { open: now.open, overdue: now.overdue, escalated: now.escalated, dueSoon: now.dueSoon } : {}),
  };
}

/**
 * GET stats?month=YYYY-MM (default: this month): the district's statistics for the visits dated in
 * the month, per zone and per supervisor (src/reports/stats-report.ts says what each count counts;
 * problems = closedOnTime + closedLate + pending + problemsOverdue in every row). The total and the
 * zones also carry, as docs/spec/interfaces.md asks, `open` (items not closed, whenever raised) and `overdue`
 * as of the answer, with `escalated` and `dueSoon` — the same computation as the digest's and the
 * board's (src/reports/open-tally.ts).
 */
export const statsRoutes: ApiRoutes = (router, { store, today, reports }) => {
  router.get('/stats', async (ctx) => {
    const q = parseQuery(ctx, statsQuery);
    const day = today();
    const month = q.month ?? day.slice(0, 7);
    const { from, to } = monthRange(month);
    const scope = { all: true } as const;
    const [r, now] = await Promise.all([
      buildStatsReport(store, { from, to, scope, today: day, timeZone: reports.timeZone }),
      openTallyIn(store, scope, day, reports),
    ]);
    ctx.body = {
      month,
      from,
      to,
      asOf: day,
      total: rowJson(r.total, now.total),
      zones: r.zones.map((z) => ({
        zone: { id: z.id, name: z.name },
        ...rowJson(z, now.zones.get(z.id) ?? emptyTally()),
      })),
      supervisors: r.supervisors.map((s) => ({ supervisor: { id: s.id, name: s.name }, ...rowJson(s) })),
    };
  });
};
