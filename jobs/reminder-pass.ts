import type { Runtime } from '../src/runtime.js';
import { passLock } from '../src/store/pass-lock.js';
import { reminderScanStore } from '../src/store/open-scan.js';
import type { Processor } from './types.js';
import {
  runReminderPass,
  type ReminderPassDeps,
  type ReminderPassOptions,
  type ReminderPassResult,
} from './reminder-run.js';
import { timeDeps } from './time-deps.js';

/**
 * The `reminder-pass` job: scheduled every 5 minutes (jobs/schedules.ts); sends what is due as of
 * the runtime's clock. One pass at a time across all workers and `remind` commands (a lease); a
 * pass that finds the lease taken does nothing: the one holding it covers the same ground.
 */
export function reminderPassDeps(rt: Runtime): ReminderPassDeps {
  const d = timeDeps(rt);
  return {
    store: d.store,
    calendar: d.calendar,
    policy: d.policy,
    enqueue: d.enqueue,
    scan: reminderScanStore(rt.redis, rt.prefix),
    log: rt.log,
  };
}

export const REMINDER_LOCK = 'reminder-pass';

/** Run one pass under the lease; `busy` when another pass holds it (after waiting up to waitMs). */
export async function runLockedReminderPass(
  rt: Runtime,
  o: ReminderPassOptions,
  waitMs = 0,
): Promise<ReminderPassResult | 'busy'> {
  const lock = passLock(rt.redis, rt.prefix, REMINDER_LOCK);
  const until = Date.now() + waitMs;
  while (!(await lock.acquire())) {
    if (Date.now() >= until) return 'busy';
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await runReminderPass(reminderPassDeps(rt), o);
  } finally {
    await lock.release();
  }
}

/**
 * A pass job may name the time it runs as of (`{at: ISO}`, like `remind --at`): what a worker
 * does for a job someone with access to Redis enqueued by hand. The schedule's jobs carry none
 * and run as of now.
 */
function passTime(data: unknown, now: Date): Date {
  const at = (data as { at?: unknown } | null)?.at;
  if (typeof at !== 'string') return now;
  const t = new Date(at);
  return Number.isNaN(t.getTime()) ? now : t;
}

export const processReminderPass: Processor = async (data, ctx) => {
  const r = await runLockedReminderPass(ctx.rt, { at: passTime(data, ctx.rt.now()) });
  if (r === 'busy') return { skipped: 'busy' };
  return {
    day: r.window.day,
    open: r.window.open,
    scanned: r.scanned,
    stages: r.stages,
    messages: r.messages,
  };
};
