import type { Runtime } from '../src/runtime.js';
import { dayInZone } from '../src/domain/day.js';
import type { Card } from '../src/domain/card.js';
import type { Person } from '../src/domain/roster.js';
import { outboundJobId } from '../src/queue/outbound-job.js';
import { digestFromSnapshot, type DigestReport } from '../src/reports/build-digest.js';
import { scopeOfPerson } from '../src/reports/scope.js';
import { loadSnapshot } from '../src/reports/snapshot.js';
import { digestCard } from '../cards/digest.js';
import { unreachableCard } from '../cards/unreachable.js';
import type { Processor } from './types.js';
import { timeDeps } from './time-deps.js';
import { boardLinks } from './board-link.js';

/**
 * The daily digest (日报) job: at DIGEST_TIME on working days (jobs/schedules.ts), every active
 * leader gets the digest of their zones (全部: the district) for the morning of the day. One
 * district snapshot is read and shared by all scopes. Sent once per (day, leader): claimed with
 * claimOnce before it is enqueued (released if the enqueue fails), and the job id is deterministic.
 *
 * The people no platform can reach (无法送达) are the administrators' to fix in the roster, not the
 * leaders' to read about: the leaders' digest leaves them out, and each active administrator gets
 * the district's list beside it, once per (day, administrator), while the list is not empty.
 */
export const DIGEST_SCOPE = 'digest';
export const UNREACHABLE_SCOPE = 'digest-unreachable';
const CLAIM_TTL_S = 40 * 86_400;

export interface DigestRunOptions {
  /** the morning the digest is for (default: today in TIMEZONE) */
  day?: string;
  dryRun?: boolean;
  /** only on working days (the scheduled job); `digest --date` builds any day it is asked for */
  workdaysOnly?: boolean;
  onLeader?: (leader: Person, report: DigestReport, outcome: 'sent' | 'already_sent' | 'dry_run') => void;
  /** an administrator told who cannot be reached */
  onAdmin?: (admin: Person, people: number, outcome: 'sent' | 'already_sent' | 'dry_run') => void;
}

export interface DigestRunResult {
  day: string;
  skipped?: 'not_workday';
  /** the district-wide digest, for printing */
  district?: DigestReport;
  districtCard?: Card;
  leaders: number;
  sent: number;
  /** administrators sent the 无法送达 list (none when everyone can be reached) */
  admins: number;
}

export async function runDailyDigest(rt: Runtime, o: DigestRunOptions = {}): Promise<DigestRunResult> {
  const d = timeDeps(rt);
  const day = o.day ?? dayInZone(rt.now(), rt.config.TIMEZONE);
  if (o.workdaysOnly && !d.calendar.isWorkday(day))
    return { day, skipped: 'not_workday', leaders: 0, sent: 0, admins: 0 };
  const deps = {
    calendar: d.calendar,
    timeZone: rt.config.TIMEZONE,
    escalateAfterWorkdays: rt.config.ESCALATE_AFTER_WORKDAYS,
  };
  const snap = await loadSnapshot(d.store, day, deps);
  const district = digestFromSnapshot(snap, { all: true }, deps);
  /** claim once per (day, person), enqueue, give the claim back when the enqueue fails */
  const sendOnce = async (scope: string, person: Person, card: Card): Promise<boolean> => {
    const claim = `${day}|${person.id}`;
    if (!(await d.store.claimOnce(scope, claim, CLAIM_TTL_S))) return false;
    try {
      await d.enqueue([
        {
          jobId: outboundJobId(scope, claim),
          data: { kind: 'send', to: { type: 'person', personId: person.id }, card, items: [] },
        },
      ]);
    } catch (e) {
      await d.store.releaseOnce(scope, claim).catch(() => {});
      throw e;
    }
    return true;
  };
  const leaders = snap.people.filter((p) => p.active && p.roles.includes('leader'));
  let sent = 0;
  for (const leader of leaders) {
    const report = { ...digestFromSnapshot(snap, scopeOfPerson(leader), deps), unreachable: [] };
    if (o.dryRun) o.onLeader?.(leader, report, 'dry_run');
    // each leader's card carries their own signed board link (none without a public address)
    else if (
      await sendOnce(DIGEST_SCOPE, leader, digestCard(report, { boardUrl: await boardLinks(rt)(leader.id) }))
    ) {
      sent++;
      o.onLeader?.(leader, report, 'sent');
    } else o.onLeader?.(leader, report, 'already_sent');
  }
  let admins = 0;
  const unreachable = district.unreachable;
  if (unreachable.length) {
    for (const admin of snap.people.filter((p) => p.active && p.roles.includes('admin'))) {
      if (o.dryRun) o.onAdmin?.(admin, unreachable.length, 'dry_run');
      else if (await sendOnce(UNREACHABLE_SCOPE, admin, unreachableCard(day, unreachable))) {
        admins++;
        o.onAdmin?.(admin, unreachable.length, 'sent');
      } else o.onAdmin?.(admin, unreachable.length, 'already_sent');
    }
  }
  rt.log.info({ day, leaders: leaders.length, sent, admins, dryRun: !!o.dryRun }, 'daily digest done');
  return { day, district, districtCard: digestCard(district), leaders: leaders.length, sent, admins };
}

export const processDailyDigest: Processor = async (data, ctx) => {
  const day =
    typeof data === 'object' && data && 'day' in data && typeof data.day === 'string' ? data.day : undefined;
  const r = await runDailyDigest(ctx.rt, { day, workdaysOnly: true });
  return { day: r.day, skipped: r.skipped, leaders: r.leaders, sent: r.sent, admins: r.admins };
};
