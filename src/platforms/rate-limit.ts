// A sliding-window limit shared by all processes (a sorted set of send times per key and window,
// on Redis's clock). `acquire` waits until a slot is free in every window of the limit and takes
// it: a send over the limit is delayed, never dropped. Limits are kept below the documented ones:
// - WeCom group robot webhook: 20 messages/minute per robot —
//   https://developer.work.weixin.qq.com/document/path/91770 → 18/min;
// - WeCom app message to one member: 30/minute and 1000/hour, beyond that "超过部分会被丢弃不下发"
//   (silently dropped) — https://developer.work.weixin.qq.com/document/path/90454 → 25/min and
//   900/h (the hour matters: at 25 a minute a member would reach 1000 in 40 minutes, and the
//   rest of that hour's notices would vanish without an error);
// - WeCom appchat: each member at most 200 app messages/minute in groups (dropped without an
//   error) — https://developer.work.weixin.qq.com/document/path/90248 → 100/min per chat;
// - DingTalk robot in a group: 20 messages/minute, then blocked for 10 minutes (errcode 130101
//   "send too fast, exceed 20 times per minute") → 18/min per conversation.

import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect.js';
import { luaScript } from '../redis/lua-script.js';
import { rateWindowKey } from '../store/keys.js';
import { sleep } from './retry.js';

export interface Window {
  max: number;
  windowMs: number;
}
/** One window, or several that must all have room (the first is kept under the caller's key). */
export type Limit = Window | readonly Window[];

export const LIMITS = {
  wecomWebhook: { max: 18, windowMs: 60_000 },
  wecomAppUser: [
    { max: 25, windowMs: 60_000 },
    { max: 900, windowMs: 3_600_000 },
  ],
  wecomAppchat: { max: 100, windowMs: 60_000 },
  dingtalkGroup: { max: 18, windowMs: 60_000 },
  dingtalkUser: { max: 25, windowMs: 60_000 },
} satisfies Record<string, Limit>;

// KEYS: one sorted set per window. ARGV: window ms and max of each window, in KEYS' order, then
// the member. Takes a slot in every window, or none and returns how long until all have one.
const TAKE = luaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i = 1, #KEYS do
  local win, max = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - win)
  local n = redis.call('ZCARD', KEYS[i])
  if n >= max then
    -- room comes when the entry max places from the newest leaves the window
    local e = redis.call('ZRANGE', KEYS[i], n - max, n - max, 'WITHSCORES')
    wait = math.max(wait, tonumber(e[2]) + win - now + 1)
  end
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[2 * #KEYS + 1])
  redis.call('PEXPIRE', KEYS[i], ARGV[2 * i - 1])
end
return 0
`);

export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    /**
     * waiting longer than this throws RateLimitWait, and the job is put back until the slot
     * (jobs/outbound.ts): one busy group chat must not hold the worker's slots that every other
     * chat's replies need
     */
    private readonly maxWaitMs = 2_000,
  ) {}

  /** Take a slot under `key`, waiting as long as needed (up to maxWaitMs). Returns the wait. */
  async acquire(key: string, limit: Limit): Promise<number> {
    const windows: readonly Window[] = Array.isArray(limit) ? limit : [limit as Window];
    const keys = windows.map((w, i) => (i === 0 ? key : rateWindowKey(key, w.windowMs)));
    const bounds = windows.flatMap((w) => [w.windowMs, w.max]);
    let waited = 0;
    for (;;) {
      const member = `${Date.now()}-${randomBytes(4).toString('hex')}`;
      const wait = Number(await TAKE.run(this.redis, keys, [...bounds, member]));
      if (wait <= 0) return waited;
      if (waited + wait > this.maxWaitMs) throw new RateLimitWait(key, wait);
      await sleep(wait);
      waited += wait;
    }
  }
}

/** Thrown when a slot is too far away: the job is retried later (nothing is dropped). */
export class RateLimitWait extends Error {
  constructor(
    public readonly key: string,
    public readonly waitMs: number,
  ) {
    super(`rate limit: next slot in ${waitMs} ms`);
    this.name = 'RateLimitWait';
  }
}
