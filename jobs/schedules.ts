import type { Runtime } from '../src/runtime.js';
import { jobOptions } from '../src/queue/job-options.js';
import { dayInZone } from '../src/domain/day.js';
import { jobId } from '../src/queue/names.js';
import { timeInZone } from '../src/reminders/plan-reminders.js';
import { timeDeps } from './time-deps.js';

/**
 * The time jobs' schedules, upserted on every boot of a worker (idempotent: a scheduler id is
 * upserted, never duplicated, however many workers start), all in TIMEZONE:
 *  - reminder-pass every 5 minutes (the pass itself stays quiet outside WORK_HOURS and on days off);
 *  - daily-digest at DIGEST_TIME (the job skips days off);
 *  - monthly-plan daily at 09:00, or at the start of WORK_HOURS when that is later.
 * A worker that boots after today's digest or plan time (it was down) also adds today's run once,
 * with a job id per day, so a late boot does not skip the day; the claims keep it to one send.
 */
export const MONTHLY_PLAN_TIME = '09:00';
const KEEP = jobOptions.schedule;

const cron = (hhmm: string) => {
  const [h, m] = hhmm.split(':');
  return `${Number(m)} ${Number(h)} * * *`;
};

export function monthlyPlanTime(workStart: string): string {
  return workStart > MONTHLY_PLAN_TIME ? workStart : MONTHLY_PLAN_TIME;
}

export async function upsertTimeSchedules(rt: Runtime): Promise<void> {
  const c = rt.config;
  const tz = c.TIMEZONE;
  const q = rt.jobQueues;
  const planTime = monthlyPlanTime(c.WORK_HOURS.start);
  await Promise.all([
    q['reminder-pass'].upsertJobScheduler(
      'reminder-pass',
      { pattern: '*/5 * * * *', tz },
      { name: 'pass', data: {}, opts: KEEP },
    ),
    q['daily-digest'].upsertJobScheduler(
      'daily-digest',
      { pattern: cron(c.DIGEST_TIME), tz },
      { name: 'digest', data: {}, opts: KEEP },
    ),
    q['monthly-plan'].upsertJobScheduler(
      'monthly-plan',
      { pattern: cron(planTime), tz },
      { name: 'plan', data: {}, opts: KEEP },
    ),
  ]);
  const now = rt.now();
  const day = dayInZone(now, tz);
  const time = timeInZone(now, tz);
  if (!timeDeps(rt).calendar.isWorkday(day) || time >= c.WORK_HOURS.end) return;
  if (time >= c.DIGEST_TIME)
    await q['daily-digest'].add('digest', { day }, { jobId: jobId('digest-late', day), ...KEEP });
  if (time >= planTime) await q['monthly-plan'].add('plan', {}, { jobId: jobId('plan-late', day), ...KEEP });
}
