import type { Queue } from 'bullmq';
import type { RedisClient } from '../redis/connect.js';
import type { Inbound } from '../domain/inbound.js';
import { jobId } from './names.js';

export type AcceptOutcome = 'accepted' | 'duplicate';
export type Accept = (inbound: Inbound) => Promise<AcceptOutcome>;

/** Completed inbound jobs are kept this long: the dedup window, far beyond any platform's retries. */
export const INBOUND_KEEP_SECONDS = 3 * 24 * 3600;

export const inboundJobId = (m: Pick<Inbound, 'channel' | 'id'>) => jobId('in', m.channel, m.id);

/**
 * Accept = store the message durably and deduplicate it, in one step: the job id is built from the
 * platform's message id, and BullMQ ignores an add whose id exists (completed jobs are kept for
 * INBOUND_KEEP_SECONDS). No separate SET NX: one round trip (the faster design: docs/spec/performance.md),
 * and no claim to release when the add fails (a failed add throws → 503 → the platform retries).
 *
 * Whether it was a duplicate is only needed for the metric: an EXISTS on the job key is pipelined
 * on the queue's own connection (`client`) just before the add (same round trip). Two copies racing in the same
 * millisecond may both count as `accepted`; the job itself is still created once.
 */
export function createAccept(queue: Queue, client: RedisClient): Accept {
  return async (inbound) => {
    const id = inboundJobId(inbound);
    const exists = client.exists(queue.toKey(id));
    const added = queue.add(inbound.kind, inbound, {
      jobId: id,
      removeOnComplete: { age: INBOUND_KEEP_SECONDS },
      removeOnFail: { age: 14 * 24 * 3600 },
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
    });
    const [existed] = await Promise.all([exists.catch(() => 0), added]);
    return existed ? 'duplicate' : 'accepted';
  };
}
