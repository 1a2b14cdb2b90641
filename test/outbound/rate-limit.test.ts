import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { LIMITS, RateLimiter, RateLimitWait } from '../../src/platforms/rate-limit.js';
import { outboundKeys, rateWindowKey } from '../../src/store/keys.js';

// The limits shared by every process (src/platforms/rate-limit.ts): a send over a platform's
// limit waits for its slot, and WeCom's per-member hour (1000/h, the rest silently dropped,
// https://developer.work.weixin.qq.com/document/path/90454) holds as well as its minute.
describe('rate limits, on a real Redis', () => {
  const redis = new Redis(inject('redisUrl'));
  afterAll(() => redis.quit());
  const member = () => {
    const prefix = `{rl-${randomUUID().slice(0, 8)}}`;
    const key = outboundKeys(prefix).rate('wecom-user', 'zhang');
    return { key, hour: rateWindowKey(key, 3_600_000) };
  };

  it('a member gets 25 app messages a minute; the 26th waits for the oldest to leave', async () => {
    const { key, hour } = member();
    const limiter = new RateLimiter(redis, 0);
    for (let i = 0; i < 25; i++) expect(await limiter.acquire(key, LIMITS.wecomAppUser)).toBe(0);
    const e = await limiter.acquire(key, LIMITS.wecomAppUser).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitWait);
    expect((e as RateLimitWait).waitMs).toBeGreaterThan(55_000);
    expect(await redis.zcard(key)).toBe(25);
    expect(await redis.zcard(hour)).toBe(25);
    expect(await redis.pttl(hour)).toBeGreaterThan(3_500_000);
  });

  it('900 in the last hour hold the next one back even with the minute free, and take no minute slot', async () => {
    const { key, hour } = member();
    const now = Number((await redis.time())[0]) * 1000;
    // 900 sends spread over the last 50 minutes, the oldest 50 minutes ago
    const args: (string | number)[] = [];
    for (let i = 0; i < 900; i++) args.push(now - 50 * 60_000 + i * 3000, `s${i}`);
    await redis.zadd(hour, ...args);
    const limiter = new RateLimiter(redis, 0);
    const e = await limiter.acquire(key, LIMITS.wecomAppUser).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitWait);
    // the oldest leaves the hour 10 minutes from now
    expect((e as RateLimitWait).waitMs).toBeGreaterThan(9 * 60_000);
    expect((e as RateLimitWait).waitMs).toBeLessThan(11 * 60_000);
    expect(await redis.zcard(key)).toBe(0); // refused by one window: no slot taken in the other
    expect(await redis.zcard(hour)).toBe(900);
  });

  it('a one-window limit keeps its single key', async () => {
    const { key, hour } = member();
    const limiter = new RateLimiter(redis, 0);
    for (let i = 0; i < 18; i++) await limiter.acquire(key, LIMITS.wecomWebhook);
    await expect(limiter.acquire(key, LIMITS.wecomWebhook)).rejects.toBeInstanceOf(RateLimitWait);
    expect(await redis.exists(hour)).toBe(0);
  });

  it('two processes racing for the last slots of a minute take exactly the limit', async () => {
    const { key } = member();
    const other = new Redis(inject('redisUrl'));
    try {
      const a = new RateLimiter(redis, 0);
      const b = new RateLimiter(other, 0);
      const got = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).acquire(key, LIMITS.wecomAppUser)),
      );
      expect(got.filter((g) => g.status === 'fulfilled')).toHaveLength(25);
      expect(await redis.zcard(key)).toBe(25);
    } finally {
      await other.quit();
    }
  });
});
