import type { Queue } from 'bullmq';
import type { RedisClient } from '../redis/connect.js';
import type { Recipient } from '../domain/reply.js';
import type { Origin } from './outbound-job.js';
import { orderKeys } from '../store/keys.js';
import { luaScript } from '../redis/lua-script.js';

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
 * `jobKeys`: the job's Redis keys — its hash, and its deduplication key, which outlives the job
 * (jobs/outbound.ts). A job that has any of them was added before, by an earlier run of its
 * producer: when it has left its line already (sent), it is not put back in — an entry whose job
 * will never be added again would hold the chat's next replies up until it is found stale.
 *
 * Returns the entries that are first in their chat and have no queued job yet: those may be sent
 * at once by their producer (a direct answer, jobs/inbound.ts), holding their place while they
 * are sent. One script call.
 */
export async function registerOrder(
  redis: RedisClient,
  prefix: string,
  entries: { key: string; jobId: string }[],
  now = Date.now(),
  jobKeys: (jobId: string) => string[] = () => [],
): Promise<Set<string>> {
  if (!entries.length) return new Set();
  const k = orderKeys(prefix);
  const perEntry = entries.map((e) => jobKeys(e.jobId));
  const width = Math.max(0, ...perEntry.map((x) => x.length));
  if (perEntry.some((x) => x.length !== width)) throw new Error('registerOrder: jobKeys of one width');
  const first = (await REGISTER.run(
    redis,
    [k.seq, ...entries.map((e) => k.chat(e.key)), ...perEntry.flat()],
    [now, entries.length, width, ...entries.map((e) => e.jobId)],
  )) as string[];
  return new Set(first);
}

// KEYS: the sequence, each entry's line, then each entry's job keys (ARGV[3] apiece).
// ARGV: now (ms), the number of entries, job keys per entry, then the entries' job ids.
const REGISTER = luaScript(`
local now, n, width = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local last = redis.call('INCRBY', KEYS[1], n)
local first = {}
for i = 1, n do
  local line, id = KEYS[1 + i], ARGV[3 + i]
  local queued = 0
  for j = 1, width do queued = queued + redis.call('EXISTS', KEYS[1 + n + (i - 1) * width + j]) end
  if queued == 0 or redis.call('ZSCORE', line, id) then
    local score = string.format('%.0f', now * 1000 + ((last - n + i) % 1000))
    redis.call('ZADD', line, 'NX', score, id)
    if queued == 0 and redis.call('ZRANGE', line, 0, 0)[1] == id then first[#first + 1] = id end
  end
end
return first
`);

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
    // not in the line (it left early: a smart bot's answer whose rest goes through the app,
    // jobs/outbound.ts chatDone; or its entry was never put back): it waits for nobody
    if (waiting) {
      const rank = await redis.zrank(chat, jobId);
      return rank === null ? 0 : Math.max(1, rank);
    }
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
