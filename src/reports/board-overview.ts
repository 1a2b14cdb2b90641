import {
  addDays,
  addMonths,
  dayInZone,
  diffDays,
  endOfMonth,
  startOfMonth,
  startOfWeek,
} from '../domain/day.js';
import type { Item } from '../domain/records.js';
import { scopeCovers, scopeView, type BoardScope } from '../board/scope.js';
import type { BoardData } from './board-data.js';
import { colorOf, emptyTally, sumTallies, tallyOpen, type OpenColor, type OpenRules } from './open-tally.js';
import type { ReportScope } from './scope.js';
import { statsFromData, type StatsRow } from './stats-report.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The numbers the board draws (`GET /board/api/overview`, docs/spec/interfaces.md → Leaders' board), for a
 * scope and day D from the data at the end of D (board-data.ts). Nothing here is computed twice:
 * - open / overdue / escalated / due soon and every school's colour: open-tally.ts, as the digest
 *   and `GET /api/v1/stats` (`open`, `overdue`) count them, judged on D;
 * - the month figures of a zone (visits, schools visited, schools, the problems raised by the
 *   month's visits and how many of them were closed, on time or late) and each supervisor's
 *   visits against their schools: stats-report.ts's statsFromData, the computation behind
 *   `GET /api/v1/stats?month=` — for this month (up to D) and last month;
 * - closedThisMonth = closedOnTime + closedLate of the month's problems; onTimeRate =
 *   closedOnTime / closedThisMonth; closureRate = closedThisMonth / problems (null when nothing to
 *   divide by);
 * - weeks: the 12 weeks (Monday first) ending with D's: items raised in each, and items closed in
 *   each (as they stood at the end of D: a closing later undone by a reopening does not count);
 * - supervisors: visits this month (in the scope) against `planned`, the active schools of their
 *   zones — each school once a month (挂牌督导), the month's 工作安排 entries alongside;
 * - unvisited: the scope's active schools with no visit in the last 30 days (D − 29 … D), split
 *   into those with none in 60 days and those last visited 30–59 days ago.
 * A principal's board (school scope) has no zone line and no supervisor: its figures are its school's.
 */
export interface OverviewRules extends OpenRules {
  timeZone: string;
}

export interface ZoneMonth {
  visits: number;
  schoolsVisited: number;
  schools: number;
  problems: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  closureRate: number | null;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

function month(row: StatsRow | undefined): ZoneMonth {
  const r = row ?? {
    visits: 0,
    schoolsVisited: 0,
    schools: 0,
    problems: 0,
    closedOnTime: 0,
    closedLate: 0,
  };
  const closed = r.closedOnTime + r.closedLate;
  return {
    visits: r.visits,
    schoolsVisited: r.schoolsVisited,
    schools: r.schools,
    problems: r.problems,
    closed,
    closedOnTime: r.closedOnTime,
    onTimeRate: rate(r.closedOnTime, closed),
    closureRate: rate(closed, r.problems),
  };
}

export type BoardOverview = ReturnType<typeof boardOverview>;

export function boardOverview(d: BoardData, scope: BoardScope, rules: OverviewRules) {
  const D = d.day;
  const covered = (zone: string, school: string) => scopeCovers(scope, zone, school);
  const items = d.items.filter((x) => covered(x.item.zone, x.item.school));
  const records = d.records.filter((r) => covered(r.zone, r.school) && r.date <= D);
  const open = items.filter((x) => x.status !== 'closed');
  const schoolById = new Map(d.schools.map((s) => [s.id, s]));
  const zoneName = new Map(d.zones.map((z) => [z.id, z.name]));

  // --- open items, judged on D: one tally for zones, schools and the total
  const byZone = tallyOpen(open, {
    day: D,
    rules,
    deadline: (x) => x.item.deadline,
    key: (x) => x.item.zone,
  });
  const bySchool = tallyOpen(open, {
    day: D,
    rules,
    deadline: (x) => x.item.deadline,
    key: (x) => x.item.school,
  });

  // --- this month's and last month's figures through the stats computation
  const asThen = (x: (typeof items)[number]): Item =>
    x.closedAt ? { ...x.item, status: x.status, closedAt: x.closedAt } : { ...x.item, status: x.status };
  const itemById = new Map(items.map((x) => [x.item.id, asThen(x)]));
  const zoneScope: ReportScope | undefined = scope.all
    ? { all: true }
    : scope.zones.length
      ? { all: false, zones: scope.zones }
      : undefined;
  const monthStats = (from: string, to: string) => {
    if (!zoneScope) return undefined;
    const recs = records.filter(
      (r) => r.date >= from && r.date <= to && (scope.all || scope.zones.includes(r.zone)),
    );
    return statsFromData({
      from,
      to,
      scope: zoneScope,
      today: D,
      timeZone: rules.timeZone,
      zones: d.zones,
      schools: d.schools,
      people: d.people,
      records: recs,
      items: recs.flatMap((r) => r.items.map((id) => itemById.get(id)).filter((x): x is Item => !!x)),
    });
  };
  const thisFrom = startOfMonth(D);
  const lastFrom = startOfMonth(addMonths(D, -1));
  const thisMonth = monthStats(thisFrom, D);
  const lastMonth = monthStats(lastFrom, endOfMonth(lastFrom));

  const zoneIds = scope.all ? d.zones.map((z) => z.id) : scope.zones;
  const zones = zoneIds.map((id) => {
    const now = byZone.get(id) ?? emptyTally();
    const m = month(thisMonth?.zones.find((z) => z.id === id));
    return {
      zone: { id, name: zoneName.get(id) ?? id },
      open: now.open,
      overdue: now.overdue,
      escalated: now.escalated,
      dueSoon: now.dueSoon,
      closedThisMonth: m.closed,
      onTimeRate: m.onTimeRate,
      closureRate: m.closureRate,
      problemsThisMonth: m.problems,
      visitsThisMonth: m.visits,
      schoolsVisited: m.schoolsVisited,
      schools: m.schools,
      lastMonth: month(lastMonth?.zones.find((z) => z.id === id)),
    };
  });

  // --- the 三色 table: every active school of the scope, and any school with open items in it
  const schoolIds = new Set<string>();
  for (const s of d.schools) if (s.active && covered(s.zone, s.id)) schoolIds.add(s.id);
  for (const id of bySchool.keys()) schoolIds.add(id);
  const rank: Record<OpenColor, number> = { red: 0, yellow: 1, green: 2 };
  const schools = [...schoolIds]
    .map((id) => {
      const t = bySchool.get(id) ?? emptyTally();
      const s = schoolById.get(id);
      return {
        id,
        name: s?.name ?? zh.domain.goneSchool,
        zone: s?.zone ?? open.find((x) => x.item.school === id)?.item.zone ?? '',
        color: colorOf(t),
        open: t.open,
        overdue: t.overdue,
        escalated: t.escalated,
        dueSoon: t.dueSoon,
      };
    })
    .sort(
      (a, b) =>
        rank[a.color] - rank[b.color] ||
        b.overdue - a.overdue ||
        b.open - a.open ||
        a.name.localeCompare(b.name, 'zh'),
    );
  const total = sumTallies(bySchool.values());

  // --- 12 weeks of items raised and closed
  const firstMonday = addDays(startOfWeek(D), -77);
  const weeks = Array.from({ length: 12 }, (_, i) => ({
    week: addDays(firstMonday, i * 7),
    opened: 0,
    closed: 0,
  }));
  const weekOf = (day: string) =>
    day < firstMonday || day > D ? -1 : Math.floor(diffDays(firstMonday, day) / 7);
  for (const x of items) {
    const w = weekOf(dayInZone(new Date(x.item.createdAt), rules.timeZone));
    if (w >= 0) weeks[w]!.opened++;
    if (x.status === 'closed' && x.closedAt) {
      const c = weekOf(dayInZone(new Date(x.closedAt), rules.timeZone));
      if (c >= 0) weeks[c]!.closed++;
    }
  }

  // --- supervisors: this month's visits against their schools (statsFromData's supervisor rows)
  const supervisors = (thisMonth?.supervisors ?? []).map((s) => ({
    id: s.id,
    name: s.name,
    visitsThisMonth: s.visits,
    planned: s.schools,
  }));

  // --- schools not visited in 30 / 60 days
  const lastVisit = new Map<string, string>();
  for (const r of records) if ((lastVisit.get(r.school) ?? '') < r.date) lastVisit.set(r.school, r.date);
  const from30 = addDays(D, -29);
  const from60 = addDays(D, -59);
  const active = d.schools.filter((s) => s.active && covered(s.zone, s.id));
  const named = (s: (typeof active)[number]) => ({ id: s.id, name: s.name, zone: s.zone });
  const notIn30 = active.filter((s) => (lastVisit.get(s.id) ?? '') < from30);
  const unvisited = {
    over60: notIn30.filter((s) => (lastVisit.get(s.id) ?? '') < from60).map(named),
    over30: notIn30
      .filter((s) => (lastVisit.get(s.id) ?? '') >= from60)
      .map((s) => ({ ...named(s), lastVisit: lastVisit.get(s.id)! })),
  };

  return {
    scope: scopeView(scope, d.zones, d.schools),
    date: D,
    asOf: d.at.toISOString(),
    total: {
      ...total,
      red: schools.filter((s) => s.color === 'red').length,
      yellow: schools.filter((s) => s.color === 'yellow').length,
      green: schools.filter((s) => s.color === 'green').length,
    },
    zones,
    schools,
    weeks,
    supervisors,
    plan: d.plan
      .filter((p) => p.month === D.slice(0, 7))
      .map((p) => ({ content: p.content, topic: p.topic })),
    unvisited,
  };
}
