import type { Queue } from 'bullmq';
import type { RedisClient } from '../redis/connect.js';
import type { Recipient } from '../domain/reply.js';
import type { Origin } from './outbound-job.js';
import { orderKeys } from '../store/keys.js';

/**
 * Replies reach each chat in the order they were enqueued, even when one of them is retrying.
 *
 * Every outbound job is retried on its own with backoff, so without a gate a reply that failed
 * during an outage would be overtaken by a later message's reply. The gate: at enqueue each
 * reply is registered in its chat's sorted set with a global sequence number; a job may send
 * only when it is the lowest entry, otherwise it is deferred (not failed: no attempt is used);
 * it leaves the set when it is done for good (sent, or failed on its last attempt). An entry
 * whose job no longer waits (completed, failed, removed, or never added because the enqueue
 * failed) is dropped by whoever finds it at the head, so the gate heals itself.
 *
 * Recipients, not platform addresses, are the "chat": the resolved address is only known when
 * the job runs, and one recipient always resolves to the same conversation.
 */
export function orderKeyOf(to: Recipient, origin: Origin | undefined): string | undefined {
  if (to.type === 'person') return `p|${to.personId}`;
  if (to.type === 'bound_chat') return `c|${to.binding.type}|${to.binding.id}`;
  if (!origin) return undefined;
  return `o|${origin.platform}|${origin.conversation?.id ?? origin.senderId}`;
}

/**
 * Register jobs in their chats' order, before they are added to the queue. Idempotent (NX keeps
 * the first place). The score is the registration time in ms × 1000 plus a sequence, so entries
 * sort by time, and by enqueue order within a millisecond; the time also tells a fresh entry
 * whose job is about to be added from a stale one whose job never was.
 *
 * Returns the entries that are first in their chat and have no queued job yet (`jobKeys`: the
 * job's Redis keys, of which none may exist — its hash, and its deduplication key, which outlives
 * the job by a day, as its ledger does not: jobs/outbound.ts; without it, none): those may be
 * sent at once by their producer (a direct answer, jobs/inbound.ts), holding their place while
 * they are sent. Same round trip.
 */
export async function registerOrder(
  redis: RedisClient,
  prefix: string,
  entries: { key: string; jobId: string }[],
  now = Date.now(),
  jobKeys?: (jobId: string) => string[],
): Promise<Set<string>> {
  const first = new Set<string>();
  if (!entries.length) return first;
  const k = orderKeys(prefix);
  const last = await redis.incrby(k.seq, entries.length);
  const m = redis.multi();
  entries.forEach((e, i) =>
    m.zadd(k.chat(e.key), 'NX', now * 1000 + ((last - entries.length + 1 + i) % 1000), e.jobId),
  );
  if (jobKeys) for (const e of entries) m.zrange(k.chat(e.key), 0, 0).exists(...jobKeys(e.jobId));
  const r = (await m.exec()) ?? [];
  if (jobKeys)
    entries.forEach((e, i) => {
      const [head, queued] = [r[entries.length + 2 * i]?.[1], r[entries.length + 2 * i + 1]?.[1]];
      if (Array.isArray(head) && head[0] === e.jobId && queued === 0) first.add(e.jobId);
    });
  return first;
}

/** An entry without a job this old was never added (its enqueue failed): it holds nobody up. */
const UNADDED_AFTER_MS = 30_000;

const WAITING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** true when this job is first in its chat (stale heads are dropped on the way). */
export async function isMyTurn(
  redis: RedisClient,
  prefix: string,
  queue: Queue,
  key: string,
  jobId: string,
  now = Date.now(),
): Promise<boolean> {
  return (await placeInLine(redis, prefix, queue, key, jobId, now)) === 0;
}

/**
 * 0 when this job is first in its chat (stale heads are dropped on the way), otherwise how many
 * replies wait before it (at least 1): a reply far back in a long line (a principal's notices of
 * several records) need not look again as soon as the next one.
 */
export async function placeInLine(
  redis: RedisClient,
  prefix: string,
  queue: Queue,
  key: string,
  jobId: string,
  now = Date.now(),
): Promise<number> {
  const chat = orderKeys(prefix).chat(key);
  for (let i = 0; i < 50; i++) {
    const [head, score] = await redis.zrange(chat, 0, 0, 'WITHSCORES');
    if (head === undefined || head === jobId) return 0;
    const state = await queue.getJobState(head);
    const waiting =
      WAITING.has(state) || (state === 'unknown' && now - Number(score) / 1000 < UNADDED_AFTER_MS); // being added
    if (waiting) return Math.max(1, (await redis.zrank(chat, jobId)) ?? 1);
    await redis.zrem(chat, head); // its job is done or gone: it holds nobody up
  }
  return 1;
}

/**
 * Leave the chat's line: the job is done for good. With `queue`, the reply now first in line is
 * woken at once if it is waiting for its turn (a deferred job is delayed until it looks again:
 * without this wake-up each reply behind another would poll), in the same round trip as leaving.
 */
export async function leaveOrder(
  redis: RedisClient,
  prefix: string,
  key: string,
  jobId: string,
  queue?: Queue,
): Promise<void> {
  const chat = orderKeys(prefix).chat(key);
  if (!queue) {
    await redis.zrem(chat, jobId);
    return;
  }
  const r = (await redis.multi().zrem(chat, jobId).zrange(chat, 0, 0).exec()) ?? [];
  const next = (r[1]?.[1] as string[] | undefined)?.[0];
  if (!next) return;
  // only a delayed job can be promoted; one that is running or waiting already needs nothing
  await queue
    .getJob(next)
    .then((j) => j?.promote())
    .catch(() => undefined);
}
