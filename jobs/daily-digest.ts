import type { Runtime } from '../src/runtime.js';
import { dayInZone } from '../src/domain/day.js';
import type { Card } from '../src/domain/card.js';
import type { Person } from '../src/domain/roster.js';
import { outboundJobId } from '../src/queue/outbound-job.js';
import { digestFromSnapshot, type DigestReport } from '../src/reports/build-digest.js';
import { scopeOfPerson } from '../src/reports/scope.js';
import { loadSnapshot } from '../src/reports/snapshot.js';
import { digestCard } from '../cards/digest.js';
import type { Processor } from './types.js';
import { timeDeps } from './time-deps.js';

/**
 * The daily digest (日报) job: at DIGEST_TIME on working days (jobs/schedules.ts), every active
 * leader gets the digest of their zones (全部: the district) for the morning of the day. One
 * district snapshot is read and shared by all scopes. Sent once per (day, leader): claimed with
 * claimOnce before it is enqueued (released if the enqueue fails), and the job id is deterministic.
 */
export const DIGEST_SCOPE = 'digest';
const CLAIM_TTL_S = 40 * 86_400;

export interface DigestRunOptions {
  /** the morning the digest is for (default: today in TIMEZONE) */
  day?: string;
  dryRun?: boolean;
  /** only on working days (the scheduled job); `digest --date` builds any day it is asked for */
  workdaysOnly?: boolean;
  onLeader?: (leader: Person, report: DigestReport, outcome: 'sent' | 'already_sent' | 'dry_run') => void;
}

export interface DigestRunResult {
  day: string;
  skipped?: 'not_workday';
  /** the district-wide digest, for printing */
  district?: DigestReport;
  districtCard?: Card;
  leaders: number;
  sent: number;
}

export async function runDailyDigest(rt: Runtime, o: DigestRunOptions = {}): Promise<DigestRunResult> {
  const d = timeDeps(rt);
  const day = o.day ?? dayInZone(rt.now(), rt.config.TIMEZONE);
  if (o.workdaysOnly && !d.calendar.isWorkday(day))
    return { day, skipped: 'not_workday', leaders: 0, sent: 0 };
  const deps = {
    calendar: d.calendar,
    timeZone: rt.config.TIMEZONE,
    escalateAfterWorkdays: rt.config.ESCALATE_AFTER_WORKDAYS,
  };
  const snap = await loadSnapshot(d.store, day, deps);
  const district = digestFromSnapshot(snap, { all: true }, deps);
  const leaders = snap.people.filter((p) => p.active && p.roles.includes('leader'));
  let sent = 0;
  for (const leader of leaders) {
    const report = digestFromSnapshot(snap, scopeOfPerson(leader), deps);
    if (o.dryRun) {
      o.onLeader?.(leader, report, 'dry_run');
      continue;
    }
    const claim = `${day}|${leader.id}`;
    if (!(await d.store.claimOnce(DIGEST_SCOPE, claim, CLAIM_TTL_S))) {
      o.onLeader?.(leader, report, 'already_sent');
      continue;
    }
    try {
      await d.enqueue([
        {
          jobId: outboundJobId(DIGEST_SCOPE, claim),
          data: {
            kind: 'send',
            to: { type: 'person', personId: leader.id },
            card: digestCard(report),
            items: [],
          },
        },
      ]);
    } catch (e) {
      await d.store.releaseOnce(DIGEST_SCOPE, claim).catch(() => {});
      throw e;
    }
    sent++;
    o.onLeader?.(leader, report, 'sent');
  }
  rt.log.info({ day, leaders: leaders.length, sent, dryRun: !!o.dryRun }, 'daily digest done');
  return { day, district, districtCard: digestCard(district), leaders: leaders.length, sent };
}

export const processDailyDigest: Processor = async (data, ctx) => {
  const day =
    typeof data === 'object' && data && 'day' in data && typeof data.day === 'string' ? data.day : undefined;
  const r = await runDailyDigest(ctx.rt, { day, workdaysOnly: true });
  return { day: r.day, skipped: r.skipped, leaders: r.leaders, sent: r.sent };
};
