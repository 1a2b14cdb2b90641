import type { Runtime } from '../src/runtime.js';
import { jobOptions, outboundDedup } from '../src/queue/job-options.js';
import { createCalendar, type WorkCalendar } from '../src/domain/calendar.js';
import { createStore } from '../src/store/redis-store.js';
import type { FullStore } from '../src/store/store.js';
import type { ReminderPolicy } from '../src/reminders/plan-reminders.js';
import type { OutboundJob } from '../src/queue/outbound-job.js';

/** One outbound send, with its deterministic job id. */
export interface OutboundAdd {
  jobId: string;
  data: OutboundJob;
}

/**
 * What the time jobs (reminder pass, daily digest, monthly plan) need from a runtime, built once
 * per runtime: the store on the retrying connection, the working-day calendar, the policy from
 * the configuration, and an all-or-nothing enqueue of outbound sends.
 */
export interface TimeDeps {
  store: FullStore;
  calendar: WorkCalendar;
  policy: ReminderPolicy;
  enqueue(jobs: OutboundAdd[]): Promise<void>;
}

/** Outbound sends made by the time jobs (src/queue/job-options.ts). */
export const SEND_JOB_OPTS = jobOptions.timeSend;

const cache = new WeakMap<Runtime, TimeDeps>();

export function timeDeps(rt: Runtime): TimeDeps {
  let d = cache.get(rt);
  if (!d) {
    const c = rt.config;
    d = {
      store: createStore(rt.redis, rt.prefix),
      calendar: createCalendar(),
      policy: {
        beforeWorkdays: c.REMINDER_WORKDAYS_BEFORE,
        escalateAfterWorkdays: c.ESCALATE_AFTER_WORKDAYS,
        workHours: c.WORK_HOURS,
        timeZone: c.TIMEZONE,
      },
      async enqueue(jobs) {
        if (jobs.length === 0) return;
        await rt.jobQueues.outbound.addBulk(
          jobs.map((j) => ({
            name: 'send',
            data: j.data,
            opts: { jobId: j.jobId, ...SEND_JOB_OPTS, deduplication: outboundDedup(j.jobId) },
          })),
        );
      },
    };
    cache.set(rt, d);
  }
  return d;
}
