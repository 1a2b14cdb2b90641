// A job processor is a plain function of (data, context). src/worker.ts is the one place that
// adapts these to BullMQ; nothing in jobs/ touches a Worker or a Job object.

import type { Runtime } from '../src/runtime.js';
import type { QueueName } from '../src/queue/names.js';

export interface JobContext {
  rt: Runtime;
  /** the BullMQ job id (deterministic: built in src/queue) */
  jobId: string;
  /** 0 on the first try */
  attempt: number;
  /** the attempt limit of the job, so a processor can tell its last try */
  attempts: number;
  jobName: string;
  /**
   * Put the job back for `ms` without using an attempt (its turn has not come); never returns.
   * `wakeIf` is asked once the job is back: when it says yes, the job runs again at once. What
   * would have woken it may have come while it was still running (jobs/outbound.ts: the reply
   * before it leaving the line wakes only a job already put back).
   */
  defer(ms: number, wakeIf?: () => Promise<boolean>): Promise<never>;
  /**
   * Delete this Redis key once the job has COMPLETED (BullMQ moved it to completed: it never runs
   * again), not when it fails or is put back: what only a run of this job needs (an outbound
   * ledger) goes with it. Absent (tests, a direct answer's own context): the key keeps its TTL.
   */
  whenCompleted?(key: string): void;
}

export type Processor = (data: unknown, ctx: JobContext) => Promise<unknown>;
export type Processors = Partial<Record<QueueName, Processor>>;

/** Throw to fail a job for good (no retry): a permanent platform error, invalid data. */
export { UnrecoverableError as PermanentJobError } from 'bullmq';

/** What JobContext.defer throws: BullMQ's signal that the job was put back, not failed. */
export { DelayedError as JobDeferred } from 'bullmq';
