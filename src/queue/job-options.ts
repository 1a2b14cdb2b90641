import type { JobsOptions, QueueOptions } from 'bullmq';

/**
 * Every job's options, in one table (docs/spec/architecture.md → Queues and jobs). A job's
 * retries, and how long it and its deduplication record are kept, are decided here and nowhere
 * else.
 */

const DAY_S = 86_400;

/**
 * How long an accepted message's id keeps deduplicating: far beyond any platform's retries
 * (WeCom retries within seconds, DingTalk Stream redelivers within minutes).
 */
export const INBOUND_KEEP_SECONDS = 3 * DAY_S;

export const jobOptions = {
  /**
   * One accepted message or click. What deduplicates the message is BullMQ's deduplication key
   * (`<queue>:de:<id>`, a string with a TTL of INBOUND_KEEP_SECONDS, set by the same script that
   * adds the job), not a kept job of 1–3 KB: only the last 100 handled jobs are kept, to look at
   * in /admin/queues, so their memory is bounded whatever the traffic.
   */
  inbound: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { age: 14 * DAY_S },
  },
  /**
   * A reply to a handled message: retried with backoff. A producer that runs again (a retried
   * inbound job) adds the same job ids: what ignores them is the deduplication key of each
   * (outboundDedup, 14 days: as long as a failed producer may be retried), not a kept job of
   * 1–4 KB with its card, so only the last 100 sent are kept, to look at in /admin/queues.
   */
  reply: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { age: 30 * DAY_S },
  },
  /** A send of the time jobs (reminders, digests, plan): as a reply, with fewer attempts; a notice. */
  timeSend: {
    priority: 10,
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { age: 30 * DAY_S },
  },
  /** A run of a time job (reminder pass, digest, monthly plan): the last 50 are kept to look at. */
  schedule: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
} as const satisfies Record<string, JobsOptions>;

/**
 * Options of every Queue object. BullMQ writes an event to `<queue>:events` at every step of every
 * job (added, waiting, active, completed, …) for QueueEvents listeners; dudao has none, so the
 * stream is kept short instead of BullMQ's default 10,000 entries a queue.
 */
/**
 * BullMQ takes jobs without a priority before prioritized ones. The answer to a message has none;
 * notices (to a person other than the sender, to a group, card updates, reminders) get this one,
 * so a flood of notices held back by the platforms' rate limits (a person's 25 a minute, a group's
 * 18) never holds an answer back behind it.
 */
export const NOTICE_PRIORITY = 10;

/**
 * How long a re-add of a sent reply's id is ignored: as long as its producer can run again — a
 * failed inbound job is kept, and may be retried by hand, for 14 days (`inbound.removeOnFail`).
 * What ignores it is this key alone: the reply's job is gone after the last 100, and its ledger
 * when it completed (jobs/outbound.ts). BullMQ keeps a deduplication key that has a TTL when the
 * job completes or is removed by removeOnComplete (moveToFinished-14.lua:
 * removeDeduplicationKeyIfNeededOnFinalization deletes only keys without one; removeJobsByMaxCount
 * passes shouldRemoveDeduplicationKey=false).
 */
export const OUTBOUND_DEDUP_SECONDS = 14 * DAY_S;
// Once its producer has COMPLETED, nothing can add the id again (a completed job never runs again:
// src/worker.ts), so an inbound job's replies' keys are deleted with it (jobs/enqueue-replies.ts):
// kept for 14 days, one per reply, they were the largest thing a busy day left in Redis.

/** An outbound job's deduplication: its own (deterministic) id, OUTBOUND_DEDUP_SECONDS. */
export const outboundDedup = (jobId: string) => ({ id: jobId, ttl: OUTBOUND_DEDUP_SECONDS * 1000 });

export const queueOptions = { streams: { events: { maxLen: 100 } } } as const satisfies Partial<QueueOptions>;
