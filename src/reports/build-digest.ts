import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, diffDays, startOfWeek, weekdayCn } from '../domain/day.js';
import type { DigestData } from '../domain/report-data.js';
import type { Person } from '../domain/roster.js';
import type { VisitRecord } from '../domain/records.js';
import { roleNames } from '../domain/roster.js';
import type { Store } from '../store/store.js';
import { uniq } from './aggregate.js';
import { inScope, scopeName, scopeOfPerson, type ReportScope } from './scope.js';
import { loadSnapshot, type DistrictSnapshot } from './snapshot.js';
import { compareNatural } from '../domain/natural-order.js';
import { isOverdue, openJudge, sumTallies, tallyOpen, type OpenRules } from './open-tally.js';
import { byIdNumber } from '../domain/ids.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The daily digest (日报) of one scope, from a district snapshot at the start of the day
 * (snapshot.ts). Every count says what it counts, and they add up:
 *   open = Σ zones.open; overdue = Σ zones.overdue; awaitingRecheck, dueThisWeek, overdue ⊆ open
 *   and dueThisWeek ∩ overdue = ∅; coverage.visited = Σ zones.visited, coverage.total = Σ zones.schools;
 *   visits.count = Σ zones.visits; newProblems = the items of those visits.
 * Only what existed at the start of D counts: a record submitted on the morning of D for a visit on
 * D − 1 shows in the next digest's coverage, not in this one's visits (so a digest built twice,
 * or rebuilt later with `digest --date`, says the same).
 */
export interface DigestZoneLine {
  id: string;
  name: string;
  /** visits within the covered days */
  visits: number;
  open: number;
  overdue: number;
  /** active schools of the zone visited in the coverage month / all of them */
  visited: number;
  schools: number;
}

export interface DigestReport extends DigestData {
  /** '全区' or the zone names */
  scope: string;
  /** '周一' */
  weekday: string;
  /** the instant the state is taken at: 00:00 of `date` in TIMEZONE */
  asOf: string;
  /** of the overdue, those ESCALATE_AFTER_WORKDAYS or more working days overdue (escalated to leaders) */
  escalated: number;
  zones: DigestZoneLine[];
  /** active people in scope with neither a WeCom nor a DingTalk id: the bot cannot reach them */
  unreachable: { id: string; name: string; roles: string }[];
  /** sends about the scope's items that failed within the covered days */
  failedDeliveries: { count: number; people: string[] };
}

export interface DigestDeps {
  calendar: WorkCalendar;
  timeZone: string;
  escalateAfterWorkdays: number;
  /** how many overdue items to name at least (escalated ones are named up to 10) */
  worst?: number;
}

const WORST_MIN = 5;
const WORST_MAX = 10;

/** The digest of `who` (a leader's zones, or the whole district) for the morning of `day`. */
export async function buildDigestFor(
  store: Store,
  who: Pick<Person, 'zones'> | 'district',
  day: string,
  deps: DigestDeps,
): Promise<DigestReport> {
  const snap = await loadSnapshot(store, day, deps);
  return digestFromSnapshot(snap, who === 'district' ? { all: true } : scopeOfPerson(who), deps);
}

export function digestFromSnapshot(s: DistrictSnapshot, scope: ReportScope, deps: DigestDeps): DigestReport {
  const D = s.day;
  const atMs = s.at.getTime();
  const existed = (iso: string) => Date.parse(iso) < atMs;
  const personName = new Map(s.people.map((p) => [p.id, p.name]));
  const schoolName = new Map(s.schools.map((x) => [x.id, x.name]));
  const records = s.records.filter((r) => inScope(scope, r.zone) && existed(r.createdAt)).sort(byDateThenId);
  const monthRecords = s.monthRecords.filter((r) => inScope(scope, r.zone) && existed(r.createdAt));
  const items = s.items.filter((x) => inScope(scope, x.item.zone));
  const open = items.filter((x) => x.status !== 'closed');
  // open, overdue and escalated: the computation the board and /api/v1/stats share (open-tally.ts)
  const rules: OpenRules = { ...deps, dueSoonWorkdays: 0 };
  const judge = openJudge(D, rules);
  const overdue = open.filter((x) => isOverdue(judge(x.item.deadline)));
  const byZone = tallyOpen(open, {
    day: D,
    rules,
    deadline: (x) => x.item.deadline,
    key: (x) => x.item.zone,
  });
  const total = sumTallies(byZone.values());
  const weekEnd = addDays(startOfWeek(D), 6);

  const active = s.schools.filter((x) => x.active && inScope(scope, x.zone));
  const visited = new Set(monthRecords.map((r) => r.school));
  const zoneIds = uniq([
    ...(scope.all ? s.zones.map((z) => z.id) : scope.zones),
    ...records.map((r) => r.zone),
    ...items.map((x) => x.item.zone),
  ]);
  const zoneName = new Map(s.zones.map((z) => [z.id, z.name]));
  const zones: DigestZoneLine[] =
    zoneIds.length > 1
      ? zoneIds
          .map((z) => ({
            id: z,
            name: zoneName.get(z) ?? z,
            visits: records.filter((r) => r.zone === z).length,
            open: byZone.get(z)?.open ?? 0,
            overdue: byZone.get(z)?.overdue ?? 0,
            visited: active.filter((x) => x.zone === z && visited.has(x.id)).length,
            schools: active.filter((x) => x.zone === z).length,
          }))
          .sort((a, b) => compareNatural(a.name, b.name))
      : [];

  const worstCount = Math.max(deps.worst ?? WORST_MIN, Math.min(total.escalated, WORST_MAX));
  const worst = [...overdue]
    .sort((a, b) =>
      a.item.deadline !== b.item.deadline
        ? a.item.deadline < b.item.deadline
          ? -1
          : 1
        : byIdNumber(a.item.id, b.item.id),
    )
    .slice(0, worstCount)
    .map((x) => ({
      item: x.item.id,
      school: schoolName.get(x.item.school) ?? zh.domain.goneSchool,
      text: x.item.text,
      daysOverdue: diffDays(x.item.deadline, D),
      supervisor: personName.get(x.item.supervisor) ?? zh.domain.gonePerson,
    }));

  const failed = items.flatMap((x) => x.failed);
  return {
    date: D,
    weekday: weekdayCn(D),
    from: s.from,
    to: s.to,
    asOf: s.at.toISOString(),
    scope: scopeName(scope, s.zones),
    // distinct by id, then named: two schools (or supervisors) sharing a name are still two
    visits: {
      count: records.length,
      supervisors: uniq(records.map((r) => r.supervisor)).map(
        (id) => personName.get(id) ?? zh.domain.gonePerson,
      ),
      schools: uniq(records.map((r) => r.school)).map((id) => schoolName.get(id) ?? zh.domain.goneSchool),
    },
    newProblems: records.reduce((n, r) => n + r.items.length, 0),
    closed: items.length - open.length,
    open: total.open,
    awaitingRecheck: open.filter((x) => x.status === 'submitted').length,
    dueThisWeek: open.filter((x) => x.item.deadline >= D && x.item.deadline <= weekEnd).length,
    overdue: total.overdue,
    escalated: total.escalated,
    worst,
    zones,
    coverage: {
      month: s.month,
      visited: active.filter((x) => visited.has(x.id)).length,
      total: active.length,
    },
    unreachable: unreachableIn(s, scope),
    failedDeliveries: { count: failed.length, people: uniq(failed.map((d) => personName.get(d.to) ?? d.to)) },
  };
}

/** Active people the digest's scope depends on who have no platform id at all. */
function unreachableIn(s: DistrictSnapshot, scope: ReportScope): DigestReport['unreachable'] {
  const schoolZone = new Map(s.schools.map((x) => [x.id, x.zone]));
  const relevant = (p: Person) => {
    if (scope.all) return true;
    if (p.school && inScope(scope, schoolZone.get(p.school) ?? '')) return true;
    return p.zones.some((z) => z === '*' || inScope(scope, z));
  };
  return s.people
    .filter(
      (p) => p.active && !p.wecomId && !p.dingtalkId && p.roles.some((r) => r !== 'admin') && relevant(p),
    )
    .map((p) => ({ id: p.id, name: p.name, roles: p.roles.map((r) => roleNames[r]).join(zh.cards.listSep) }));
}

const byDateThenId = (a: VisitRecord, b: VisitRecord) =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : byIdNumber(a.id, b.id);
