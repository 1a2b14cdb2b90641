import type { Runtime } from '../runtime.js';
import { dayInZone } from '../domain/day.js';
import { timeInZone } from '../platforms/sim/clock.js';
import { runLockedReminderPass } from '../../jobs/reminder-pass.js';
import { runDailyDigest } from '../../jobs/daily-digest.js';

/** What the page's clock reports after a move. */
export interface SimTimeRun {
  /** reminder, 督办 and escalation cards enqueued by the pass (null: another pass held the lease) */
  reminders: number | null;
  /** leaders' digests enqueued (0 when already sent that morning) */
  digests: number;
  /** why no digest ran: before DIGEST_TIME, or not a working day */
  digestSkipped?: 'before_digest_time' | 'not_workday';
}

/**
 * After the simulated clock moved: the reminder pass and the daily digest as of the new time,
 * exactly as the scheduled jobs would run them then (same functions, same once-only claims, so
 * moving the clock twice sends nothing twice). The digest goes out from DIGEST_TIME on working
 * days, as its schedule would.
 */
export function simTimeJobs(rt: Runtime): (at: Date) => Promise<SimTimeRun> {
  return async (at) => {
    const pass = await runLockedReminderPass(rt, { at }, 10_000);
    const reminders = pass === 'busy' ? null : pass.messages;
    if (timeInZone(at, rt.config.TIMEZONE) < rt.config.DIGEST_TIME)
      return { reminders, digests: 0, digestSkipped: 'before_digest_time' };
    const digest = await runDailyDigest(rt, { day: dayInZone(at, rt.config.TIMEZONE), workdaysOnly: true });
    return { reminders, digests: digest.sent, ...(digest.skipped ? { digestSkipped: digest.skipped } : {}) };
  };
}
