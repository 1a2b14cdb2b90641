import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Inbound } from '../domain/inbound.js';
import { jobId } from './names.js';
import { INBOUND_KEEP_SECONDS, jobOptions } from './job-options.js';

export type AcceptOutcome = 'accepted' | 'duplicate';
export type Accept = (inbound: Inbound) => Promise<AcceptOutcome>;

export { INBOUND_KEEP_SECONDS };

/** The message's deduplication id, from the platform's message id: the same for every delivery of it. */
export const inboundJobId = (m: Pick<Inbound, 'channel' | 'id'>) => jobId('in', m.channel, m.id);

/**
 * Accept = store the message durably and deduplicate it, in ONE command: BullMQ's add script with
 * a deduplication id built from the platform's message id (kept INBOUND_KEEP_SECONDS). No separate
 * SET NX (the faster design: docs/spec/performance.md), and no claim to release when the add fails
 * (a failed add throws → 503 → the platform retries).
 *
 * Each delivery proposes a job id of its own (the message's id and a random suffix): the script
 * answers with the id of the job that holds the message, so an answer other than the proposed id
 * is a duplicate — exact, even for two copies racing, and without a second command. One command
 * per callback also lets concurrent callbacks share Redis's fsyncs (appendfsync always fsyncs once
 * per event-loop turn, for every client's writes).
 */
export function createAccept(queue: Queue): Accept {
  // The proposal only has to differ from the id of any job already holding the message: a random
  // stem per accept function and a counter do that without a randomBytes call per callback
  // (16 µs each, the largest single cost of the accept path in bench:ingress's CPU profile).
  const stem = randomBytes(6).toString('hex');
  let n = 0;
  return async (inbound) => {
    const dedup = inboundJobId(inbound);
    const proposed = `${dedup}-${stem}${(n++).toString(36)}`;
    const job = await queue.add(inbound.kind, inbound, {
      ...jobOptions.inbound,
      jobId: proposed,
      deduplication: { id: dedup, ttl: INBOUND_KEEP_SECONDS * 1000 },
    });
    return job.id === proposed ? 'accepted' : 'duplicate';
  };
}
