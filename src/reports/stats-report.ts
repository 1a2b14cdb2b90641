import { dayInZone, diffDays, endOfMonth } from '../domain/day.js';
import type { Item, VisitRecord } from '../domain/records.js';
import { ALL_ZONES, type Person, type School } from '../domain/roster.js';
import type { Store } from '../store/store.js';
import { median, uniq } from './aggregate.js';
import { inScope, scopeName, type ReportScope } from './scope.js';
import { recordsIn } from './stats.js';

/**
 * Statistics of a period per zone and per supervisor (GET stats, the export's 统计 sheet).
 *
 * A row counts the visits dated within the period and the items those visits raised (the period's
 * "cohort"), in their state today. Every row adds up:
 *   problems = closedOnTime + closedLate + pending + overdue
 * and the zone rows (and the supervisor rows) add up to the total, since every visit has exactly
 * one zone and one supervisor. Coverage: distinct active schools visited at least once / active
 * schools; for a supervisor, the schools of their own zones (全部: every school) visited by them.
 * Closed on time: closed on or before the deadline (an approved extension's new deadline counts).
 * Median days to close: calendar days from the item's creation to its closing, over the closed.
 */
export interface StatsRow {
  id: string;
  name: string;
  visits: number;
  schoolsVisited: number;
  schools: number;
  problems: number;
  closedOnTime: number;
  closedLate: number;
  /** not closed, deadline today or later */
  pending: number;
  /** not closed, deadline before today */
  overdue: number;
  medianDaysToClose: number | null;
}

export interface StatsReport {
  from: string;
  to: string;
  /** the day "today" was for the state of the items */
  today: string;
  scope: string;
  total: StatsRow;
  zones: StatsRow[];
  supervisors: StatsRow[];
}

export interface StatsReportInput {
  from: string;
  to: string;
  scope: ReportScope;
  today: string;
  timeZone: string;
}

/** A month's statistics ('YYYY-MM'). */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: endOfMonth(from) };
}

export async function buildStatsReport(store: Store, i: StatsReportInput): Promise<StatsReport> {
  const [zones, schools, people, records] = await Promise.all([
    store.listZones(),
    store.listSchools(),
    store.listPeople(),
    recordsIn(store, i.scope, i.from, i.to),
  ]);
  const items = await store.getItems(records.flatMap((r) => r.items));
  return statsFromData({ ...i, zones, schools, people, records, items });
}

export interface StatsSource extends StatsReportInput {
  zones: { id: string; name: string }[];
  schools: School[];
  people: Person[];
  records: VisitRecord[];
  items: Item[];
}

/** Pure: the report from loaded data (the export reuses the records and items it loaded). */
export function statsFromData(d: StatsSource): StatsReport {
  const active = d.schools.filter((s) => s.active && inScope(d.scope, s.zone));
  const closedDay = (it: Item) => dayInZone(new Date(it.closedAt!), d.timeZone);
  const createdDay = (it: Item) => dayInZone(new Date(it.createdAt), d.timeZone);

  const row = (
    id: string,
    name: string,
    recs: VisitRecord[],
    its: Item[],
    schools: School[],
    visitedBy: VisitRecord[] = recs,
  ): StatsRow => {
    const ids = new Set(schools.map((s) => s.id));
    const closed = its.filter((it) => it.status === 'closed' && it.closedAt);
    const onTime = closed.filter((it) => closedDay(it) <= it.deadline).length;
    const open = its.filter((it) => it.status !== 'closed');
    return {
      id,
      name,
      visits: recs.length,
      schoolsVisited: uniq(visitedBy.map((r) => r.school)).filter((s) => ids.has(s)).length,
      schools: schools.length,
      problems: its.length,
      closedOnTime: onTime,
      closedLate: closed.length - onTime,
      pending: open.filter((it) => it.deadline >= d.today).length,
      overdue: open.filter((it) => it.deadline < d.today).length,
      medianDaysToClose: median(closed.map((it) => diffDays(createdDay(it), closedDay(it)))),
    };
  };

  const zoneIds = uniq([
    ...(d.scope.all ? d.zones.map((z) => z.id) : d.scope.zones),
    ...d.records.map((r) => r.zone),
  ]);
  const zoneName = new Map(d.zones.map((z) => [z.id, z.name]));
  const zoneRows = zoneIds.map((z) =>
    row(
      z,
      zoneName.get(z) ?? z,
      d.records.filter((r) => r.zone === z),
      d.items.filter((it) => it.zone === z),
      active.filter((s) => s.zone === z),
    ),
  );

  const byId = new Map(d.people.map((p) => [p.id, p]));
  const supIds = uniq([
    ...d.people
      .filter(
        (p) =>
          p.active &&
          p.roles.includes('supervisor') &&
          (d.scope.all || p.zones.some((z) => z === ALL_ZONES || inScope(d.scope, z))),
      )
      .map((p) => p.id),
    ...d.records.map((r) => r.supervisor),
  ]);
  const supRows = supIds.map((id) => {
    const p = byId.get(id);
    const own = p ? active.filter((s) => p.zones.includes(ALL_ZONES) || p.zones.includes(s.zone)) : [];
    const recs = d.records.filter((r) => r.supervisor === id);
    return row(
      id,
      p?.name ?? id,
      recs,
      d.items.filter((it) => it.supervisor === id),
      own,
    );
  });

  return {
    from: d.from,
    to: d.to,
    today: d.today,
    scope: scopeName(d.scope, d.zones),
    total: row('*', scopeName(d.scope, d.zones), d.records, d.items, active),
    zones: zoneRows,
    supervisors: supRows,
  };
}
