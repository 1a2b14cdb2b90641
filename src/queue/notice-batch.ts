import type { RedisClient } from '../redis/connect.js';
import { createHash } from 'node:crypto';
import { cardKinds, type CardKind } from '../domain/card.js';
import { orderKeys, overflowKeys } from '../store/keys.js';
import { luaScript } from '../redis/lua-script.js';
import { OUTBOUND_DEDUP_SECONDS } from './job-options.js';

/**
 * A person's notices past their line's overflow, merged into one message; a bound chat's too
 * (a group robot takes 18 messages a minute, an appchat 100: src/platforms/rate-limit.ts), its
 * batches owned by its line's key (`c|zone|<id>`) instead of a person's id.
 *
 * A person may be sent 30 app messages a minute by WeCom, and what goes beyond is dropped without
 * an error ("超过部分会被丢弃不下发", https://developer.work.weixin.qq.com/document/path/90454); we
 * keep 25 (src/platforms/rate-limit.ts). A principal whose schools' records come faster than that
 * would get their notices later and later, and each waiting notice would hold a queued job of a
 * few KB in Redis: a backlog that only grows. So once OVERFLOW_AT replies wait in a person's line
 * (src/queue/reply-order.ts), a further notice to them is not queued as a job: it is kept as a
 * small entry in the person's open batch (its cards' kind, title and item ids: about 100 B), and
 * ONE digest job per batch, placed in the line where the batch's first notice would have been,
 * sends the batch as one message when its turn and its rate-limit slot come
 * (jobs/outbound-digest.ts). While a batch is open every notice to the person joins it (so none
 * overtakes another); when the digest's turn comes it closes the batch (the generation moves on),
 * and the notices after that open the next batch, with its own digest job behind this one, or —
 * once the line is short again — go as jobs as before.
 */

/**
 * How many replies may wait in a person's line before further notices are merged: more than a
 * minute of their platform's allowance (25/min), which no real office reaches; a flood (the soak
 * sends a principal three times what WeCom lets through) does within a minute.
 */
export const OVERFLOW_AT = 30;

/** A batch not sent within this long is dropped (its digest failed for good): as a failed job's ledger. */
export const BATCH_TTL_S = 14 * 86_400;

/** One notice as kept for the digest: its cards' kind, title and item ids, in order. */
export interface KeptCard {
  kind: CardKind;
  title: string;
  items: string[];
}

/**
 * What a notice's entry holds: `[kind, title, items]` per card, the kind as its place in cardKinds
 * (JSON arrays, no key names: about 60 B a card). A batch lives minutes, at
 * most BATCH_TTL_S; a kind the list no longer has reads as `info` (the digest shows titles only).
 */
export const encodeKept = (cards: KeptCard[]): string =>
  JSON.stringify(cards.map((c) => [cardKinds.indexOf(c.kind), c.title, c.items]));

const decodeKept = (json: string): KeptCard[] =>
  (JSON.parse(json) as [number, string, string[]][]).map(([k, title, items]) => ({
    kind: cardKinds[k] ?? 'info',
    title,
    items,
  }));

/** A notice's field in its batch: its would-be job's id, hashed short (job ids run to 100 B). */
export const batchField = (jobId: string) =>
  createHash('sha256').update(jobId).digest('base64url').slice(0, 12);

export interface BatchEntry {
  /** whose batch: the person's id, or the bound chat's line */
  owner: string;
  /** the recipient's line (orderKeyOf: `p|<personId>`, `c|<binding>`) */
  order: string;
  /** the job the notice would have been: names its entry, and its deduplication key marks it kept */
  jobId: string;
  /** the would-be job's Redis keys: its hash and its deduplication key (a queued or kept notice has one) */
  jobKeys: [string, string];
  cards: KeptCard[];
}

/**
 * For each notice: the generation of the batch it is kept in, or undefined when it goes as a job
 * (its person's line is short and no batch is open; or it was added before, as a job or in a batch
 * already sent — then its job's add is ignored by its deduplication key, as any re-add). One
 * script call. Idempotent: a producer run again finds its notice in the open batch (the same
 * generation back, the same digest job to add) or its deduplication key set.
 */
export async function keepInBatch(
  redis: RedisClient,
  prefix: string,
  entries: BatchEntry[],
  overflowAt = OVERFLOW_AT,
): Promise<(number | undefined)[]> {
  if (!entries.length) return [];
  const o = orderKeys(prefix);
  const b = overflowKeys(prefix);
  const r = (await KEEP.run(
    redis,
    entries.flatMap((e) => [o.chat(e.order), b.gen(e.owner), ...e.jobKeys]),
    [
      overflowAt,
      OUTBOUND_DEDUP_SECONDS * 1000,
      BATCH_TTL_S,
      entries.length,
      ...entries.flatMap((e) => [b.batchBase(e.owner), batchField(e.jobId), e.jobId, encodeKept(e.cards)]),
    ],
  )) as number[];
  return r.map((g) => (g >= 0 ? g : undefined));
}

// KEYS per entry: the person's line, their batch generation, the would-be job's hash and its
// deduplication key. ARGV: the overflow, the deduplication TTL (ms, as outboundDedup), the batch
// TTL (s), the number of entries, then per entry the batch key without its generation, the entry's
// field, the job id, the entry. An entry is stored as `<n> <json>`, n its place in the batch (a
// big hash keeps no order).
const KEEP = luaScript(`
local at, dedupMs, batchTtl, n = tonumber(ARGV[1]), ARGV[2], ARGV[3], tonumber(ARGV[4])
local out = {}
for i = 1, n do
  local line, gen, job, de = KEYS[4 * i - 3], KEYS[4 * i - 2], KEYS[4 * i - 1], KEYS[4 * i]
  local a = 4 + 4 * (i - 1)
  local base, field, id, value = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
  local g = tonumber(redis.call('GET', gen) or '0')
  local batch = base .. g
  local r = -1
  if redis.call('HEXISTS', batch, field) == 1 then
    r = g
  elseif redis.call('EXISTS', job, de) == 0
    and (redis.call('EXISTS', batch) == 1 or redis.call('ZCARD', line) >= at) then
    redis.call('HSETNX', batch, field, (redis.call('HLEN', batch) + 1) .. ' ' .. value)
    redis.call('EXPIRE', batch, batchTtl)
    redis.call('SET', de, id, 'PX', dedupMs)
    r = g
  end
  out[i] = r
end
return out
`);

/**
 * Close batch `gen` of a person and read it, in its order (jobs/outbound-digest.ts). Closing moves
 * the generation on only while it is still `gen`, so the digest job run again reads the same
 * batch, which nothing adds to any more. One script call.
 */
export async function closeBatch(
  redis: RedisClient,
  prefix: string,
  owner: string,
  gen: number,
): Promise<KeptCard[][]> {
  const b = overflowKeys(prefix);
  const flat = (await CLOSE.run(redis, [b.gen(owner), b.batch(owner, gen)], [gen])) as string[];
  const notices: { n: number; cards: KeptCard[] }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const v = flat[i + 1]!;
    const sp = v.indexOf(' ');
    notices.push({ n: Number(v.slice(0, sp)), cards: decodeKept(v.slice(sp + 1)) });
  }
  return notices.sort((x, y) => x.n - y.n).map((x) => x.cards);
}

// KEYS: the generation, the batch. ARGV: the batch's generation.
const CLOSE = luaScript(`
if tonumber(redis.call('GET', KEYS[1]) or '0') == tonumber(ARGV[1]) then redis.call('INCR', KEYS[1]) end
return redis.call('HGETALL', KEYS[2])
`);
