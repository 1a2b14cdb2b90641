import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectRedis, type RedisClient } from '../../src/redis/connect.js';
import { createCalendar } from '../../src/domain/calendar.js';
import {
  createSimClock,
  installSimClock,
  resolveClockTarget,
  simNow,
  zonedInstant,
} from '../../src/platforms/sim/clock.js';
import { testPrefix } from '../helpers/service.js';

const tz = 'Asia/Shanghai';
const o = { timeZone: tz, digestTime: '08:30', calendar: createCalendar() };
const at = (iso: string) => new Date(iso);

describe('where the simulator clock moves to', () => {
  it('reads a wall-clock time in the office zone', () => {
    expect(zonedInstant('2026-10-08', '08:30', tz).toISOString()).toBe('2026-10-08T00:30:00.000Z');
    expect(zonedInstant('2026-03-01', '00:00', 'America/New_York').toISOString()).toBe(
      '2026-03-01T05:00:00.000Z',
    );
    expect(zonedInstant('2026-07-01', '00:00', 'America/New_York').toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    ); // DST
  });

  it("'+1workday' keeps the time of day and skips the National Day holiday", () => {
    // Wed 2026-09-30 15:20 in China; 10月1日–7日 off, so the next working day is Thu 10月8日
    expect(resolveClockTarget('+1workday', at('2026-09-30T07:20:00Z'), o)?.toISOString()).toBe(
      '2026-10-08T07:20:00.000Z',
    );
    // Friday → Monday
    expect(resolveClockTarget('+1workday', at('2026-12-04T02:00:00Z'), o)?.toISOString()).toBe(
      '2026-12-07T02:00:00.000Z',
    );
  });

  it("'next-0830' is today's digest time if still ahead on a working day, else the next working day's", () => {
    expect(resolveClockTarget('next-0830', at('2026-12-02T17:10:00Z'), o)?.toISOString()).toBe(
      '2026-12-03T00:30:00.000Z',
    ); // Thu 01:10 → Thu 08:30
    expect(resolveClockTarget('next-0830', at('2026-12-03T02:00:00Z'), o)?.toISOString()).toBe(
      '2026-12-04T00:30:00.000Z',
    ); // Thu 10:00 → Fri
    expect(resolveClockTarget('next-0830', at('2026-12-05T00:00:00Z'), o)?.toISOString()).toBe(
      '2026-12-07T00:30:00.000Z',
    ); // Sat → Mon
    // the swapped working Saturday 10月10日 counts as a working day
    expect(resolveClockTarget('next-0830', at('2026-10-09T03:00:00Z'), o)?.toISOString()).toBe(
      '2026-10-10T00:30:00.000Z',
    );
  });

  it('takes an ISO instant with a zone, and nothing vaguer', () => {
    expect(
      resolveClockTarget('2030-03-18T08:30:00+08:00', at('2026-01-01T00:00:00Z'), o)?.toISOString(),
    ).toBe('2030-03-18T00:30:00.000Z');
    for (const bad of ['2030-03-18T08:30', '2030-03-18', 'tomorrow', '+2workday', '2030-13-45T99:99:00Z']) {
      expect(resolveClockTarget(bad, at('2026-01-01T00:00:00Z'), o), bad).toBeUndefined();
    }
  });
});

describe('the simulated clock is shared through Redis', () => {
  let redis: RedisClient;
  const prefix = testPrefix();
  beforeAll(() => {
    redis = connectRedis(inject('redisUrl'), { role: 'worker', name: 'clock-test' });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('a move made by the web is seen by a worker process on its next refresh', async () => {
    const real = () => new Date('2026-12-02T02:00:00Z');
    const web = createSimClock(redis, prefix, real, 60_000);
    const worker = createSimClock(redis, prefix, real, 60_000);
    try {
      await web.setTo(new Date('2026-12-03T00:30:00Z'));
      expect(web.now().toISOString()).toBe('2026-12-03T00:30:00.000Z'); // at once, where it was moved
      await worker.refresh();
      expect(worker.now().toISOString()).toBe('2026-12-03T00:30:00.000Z');
      await web.reset();
      await worker.refresh();
      expect(worker.now().toISOString()).toBe('2026-12-02T02:00:00.000Z');
    } finally {
      web.stop();
      worker.stop();
    }
  });

  it('installSimClock wraps rt.now once; simNow reads Redis fresh', async () => {
    const host = { redis, prefix: testPrefix(), now: () => new Date('2026-12-02T02:00:00Z') };
    const clock = installSimClock(host);
    try {
      expect(installSimClock(host)).toBe(clock); // no stacked offsets
      const web = createSimClock(redis, host.prefix, () => new Date('2026-12-02T02:00:00Z'), 60_000);
      await web.setTo(new Date('2026-12-02T03:00:00Z'));
      web.stop();
      expect((await simNow(host)).toISOString()).toBe('2026-12-02T03:00:00.000Z'); // before this process refreshed
      await clock.refresh();
      expect(host.now().toISOString()).toBe('2026-12-02T03:00:00.000Z');
    } finally {
      clock.stop();
    }
  });
});
