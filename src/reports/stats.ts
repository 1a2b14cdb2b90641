import type { Item, VisitRecord } from '../domain/records.js';
import type { StatsData } from '../domain/report-data.js';
import type { Store } from '../store/store.js';
import { collect } from '../store/collect.js';
import { inScope, scopeName, type ReportScope } from './scope.js';
import { sumTallies, tallyOpen, type OpenRules, type OpenTally } from './open-tally.js';

/**
 * Statistics for a period (统计 in a chat): computed from the store's queries, nothing cached.
 * Every count says what it counts (report-data.ts). The per-zone and per-supervisor report of the
 * API and the export is stats-report.ts.
 */

export { collect };

export async function recordsIn(
  store: Store,
  scope: ReportScope,
  from: string,
  to: string,
): Promise<VisitRecord[]> {
  if (scope.all) return collect((cursor) => store.queryRecords({ from, to, cursor, limit: 500 }));
  const lists = await Promise.all(
    scope.zones.map((zone) =>
      collect((cursor) => store.queryRecords({ from, to, zone, cursor, limit: 500 })),
    ),
  );
  return lists.flat();
}

/** Items not closed, in scope. */
export async function openItemsIn(store: Store, scope: ReportScope): Promise<Item[]> {
  const status: Item['status'][] = ['open', 'in_progress', 'submitted'];
  if (scope.all) return collect((cursor) => store.queryItems({ status, cursor, limit: 500 }));
  const lists = await Promise.all(
    scope.zones.map((zone) => collect((cursor) => store.queryItems({ status, zone, cursor, limit: 500 }))),
  );
  return lists.flat();
}

/**
 * The scope's open items as they stand now, judged on `today`, per zone and in total: the numbers
 * `GET /api/v1/stats` gives as `open`, `overdue`, `escalated`, `dueSoon` (open-tally.ts, shared
 * with the digest and the board).
 */
export async function openTallyIn(
  store: Store,
  scope: ReportScope,
  today: string,
  rules: OpenRules,
): Promise<{ total: OpenTally; zones: Map<string, OpenTally> }> {
  const open = await openItemsIn(store, scope);
  const zones = tallyOpen(open, { day: today, rules, deadline: (it) => it.deadline, key: (it) => it.zone });
  return { total: sumTallies(zones.values()), zones };
}

export interface StatsInput {
  from: string;
  to: string;
  scope: ReportScope;
  /** for "overdue now" */
  today: string;
}

export async function buildStats(store: Store, i: StatsInput): Promise<StatsData> {
  const [zones, schools, records, open] = await Promise.all([
    store.listZones(),
    store.listSchools(),
    recordsIn(store, i.scope, i.from, i.to),
    openItemsIn(store, i.scope),
  ]);
  const activeSchools = schools.filter((s) => s.active && inScope(i.scope, s.zone));
  const problemIds = records.flatMap((r) => r.items);
  const problems = await store.getItems(problemIds);
  const overdueNow = open.filter((it) => it.deadline < i.today);
  const zoneIds = i.scope.all ? zones.map((z) => z.id) : i.scope.zones;
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  return {
    from: i.from,
    to: i.to,
    scope: scopeName(i.scope, zones),
    visits: records.length,
    schoolsVisited: new Set(records.map((r) => r.school)).size,
    schools: activeSchools.length,
    problems: problems.length,
    closed: problems.filter((p) => p.status === 'closed').length,
    open: open.length,
    overdue: overdueNow.length,
    // one line per zone only when there are several to compare
    zones:
      zoneIds.length > 1
        ? zoneIds.map((z) => ({
            name: zoneName.get(z) ?? z,
            visits: records.filter((r) => r.zone === z).length,
            problems: problems.filter((p) => p.zone === z).length,
            closed: problems.filter((p) => p.zone === z && p.status === 'closed').length,
            overdue: overdueNow.filter((p) => p.zone === z).length,
          }))
        : [],
  };
}
