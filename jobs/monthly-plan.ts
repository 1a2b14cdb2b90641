import type { Runtime } from '../src/runtime.js';
import type { WorkCalendar } from '../src/domain/calendar.js';
import { dayInZone, endOfMonth, startOfMonth } from '../src/domain/day.js';
import { ALL_ZONES, type Person } from '../src/domain/roster.js';
import { outboundJobId } from '../src/queue/outbound-job.js';
import { collect } from '../src/store/collect.js';
import { monthlyPlanCard } from '../cards/monthly-plan.js';
import type { Processor } from './types.js';
import { timeDeps } from './time-deps.js';

/**
 * The monthly plan job, run daily (jobs/schedules.ts):
 *  - from the first working day of a month (up to its 5th, to catch up after downtime), every active
 *    supervisor gets the month's entries of the yearly plan (工作安排表) and theme;
 *  - from the 5th-last working day of the month, each supervisor with schools of their zones not yet
 *    visited this month gets one nudge listing them.
 * Once per (month, person, kind): claimOnce before enqueueing, released if the enqueue fails.
 */
export const MONTHLY_SCOPE = 'monthly';
const CLAIM_TTL_S = 70 * 86_400;
/** the plan still goes out after downtime within this many working days of the month's start */
const PLAN_CATCH_UP_WORKDAYS = 5;
/** the nudge window starts on this working day counted back from the month's last one */
const NUDGE_FROM_LAST_WORKDAY = 5;

export type MonthlyKind = 'plan' | 'nudge';

/** Which kinds are due on a day (pure). */
export function monthlyKindsDue(day: string, cal: WorkCalendar): MonthlyKind[] {
  if (!cal.isWorkday(day)) return [];
  const first = cal.workdayOnOrAfter(startOfMonth(day));
  const end = endOfMonth(day);
  const last = cal.isWorkday(end) ? end : cal.previousWorkday(end);
  const nudgeFrom = cal.addWorkdays(last, -(NUDGE_FROM_LAST_WORKDAY - 1));
  const out: MonthlyKind[] = [];
  if (day >= first && cal.workdaysBetween(first, day) < PLAN_CATCH_UP_WORKDAYS) out.push('plan');
  if (day >= nudgeFrom) out.push('nudge');
  return out;
}

export interface MonthlyRunResult {
  day: string;
  kinds: MonthlyKind[];
  sent: { person: string; kind: MonthlyKind; unvisited?: string[] }[];
}

export async function runMonthlyPlan(
  rt: Runtime,
  o: { day?: string; dryRun?: boolean } = {},
): Promise<MonthlyRunResult> {
  const d = timeDeps(rt);
  const day = o.day ?? dayInZone(rt.now(), rt.config.TIMEZONE);
  const kinds = monthlyKindsDue(day, d.calendar);
  const result: MonthlyRunResult = { day, kinds, sent: [] };
  if (kinds.length === 0) return result;
  const month = day.slice(0, 7);
  const [people, schools, plan] = await Promise.all([
    d.store.listPeople(),
    d.store.listSchools(),
    d.store.listPlan(),
  ]);
  const entries = plan.filter((e) => e.month === month);
  const supervisors = people.filter((p) => p.active && p.roles.includes('supervisor'));
  let visited = new Set<string>();
  if (kinds.includes('nudge')) {
    const records = await collect((cursor) =>
      d.store.queryRecords({ from: startOfMonth(day), to: day, cursor, limit: 500 }),
    );
    visited = new Set(records.map((r) => r.school));
  }
  const schoolsOf = (p: Person) =>
    schools.filter((s) => s.active && (p.zones.includes(ALL_ZONES) || p.zones.includes(s.zone)));

  for (const p of supervisors) {
    for (const kind of kinds) {
      let unvisited: string[] | undefined;
      if (kind === 'nudge') {
        unvisited = schoolsOf(p)
          .filter((s) => !visited.has(s.id))
          .map((s) => s.name);
        if (unvisited.length === 0) continue; // all covered: nothing to nudge about
      }
      const claim = `${month}|${p.id}|${kind}`;
      if (!o.dryRun) {
        if (!(await d.store.claimOnce(MONTHLY_SCOPE, claim, CLAIM_TTL_S))) continue;
        const card = monthlyPlanCard(unvisited ? { month, entries, unvisited } : { month, entries });
        try {
          await d.enqueue([
            {
              jobId: outboundJobId(MONTHLY_SCOPE, claim),
              data: { kind: 'send', to: { type: 'person', personId: p.id }, card, items: [] },
            },
          ]);
        } catch (e) {
          await d.store.releaseOnce(MONTHLY_SCOPE, claim).catch(() => {});
          throw e;
        }
      }
      result.sent.push(unvisited ? { person: p.id, kind, unvisited } : { person: p.id, kind });
    }
  }
  rt.log.info({ day, kinds, sent: result.sent.length }, 'monthly plan done');
  return result;
}

export const processMonthlyPlan: Processor = async (_data, ctx) => {
  const r = await runMonthlyPlan(ctx.rt);
  return { day: r.day, kinds: r.kinds, sent: r.sent.length };
};
