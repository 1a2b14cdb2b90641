// A sliding-window limit shared by all processes (a sorted set of send times per key, on
// Redis's clock). `acquire` waits until a slot is free and takes it: a send over the limit is
// delayed, never dropped. Limits are kept below the documented ones:
// - WeCom group robot webhook: 20 messages/minute per robot —
//   https://developer.work.weixin.qq.com/document/path/91770 → 18/min;
// - WeCom app message to one member: 30/minute, beyond that "超过部分会被丢弃不下发" (silently
//   dropped) — https://developer.work.weixin.qq.com/document/path/90454 → 25/min;
// - WeCom appchat: each member at most 200 app messages/minute in groups (dropped without an
//   error) — https://developer.work.weixin.qq.com/document/path/90248 → 100/min per chat;
// - DingTalk robot in a group: 20 messages/minute, then blocked for 10 minutes (errcode 130101
//   "send too fast, exceed 20 times per minute") → 18/min per conversation.

import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect.js';
import { sleep } from './retry.js';

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  wecomWebhook: { max: 18, windowMs: 60_000 },
  wecomAppUser: { max: 25, windowMs: 60_000 },
  wecomAppchat: { max: 100, windowMs: 60_000 },
  dingtalkGroup: { max: 18, windowMs: 60_000 },
  dingtalkUser: { max: 25, windowMs: 60_000 },
} satisfies Record<string, Limit>;

const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local win = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], win)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(oldest[2]) + win - now + 1
`;

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
    let waited = 0;
    for (;;) {
      const member = `${Date.now()}-${randomBytes(4).toString('hex')}`;
      const wait = Number(await this.redis.eval(TAKE, 1, key, limit.windowMs, limit.max, member));
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
