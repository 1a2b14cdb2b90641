// The simulated clock. In sim mode a demo must be able to jump to "tomorrow 08:30" to see
// reminders and the digest, so time is real time plus an offset kept in Redis: every process
// (web, workers, several of each) reads the same offset and they agree. `rt.now()` stays
// synchronous (handlers call it everywhere), so each process caches the offset and refreshes it
// every second, and at once after a change it made itself.

import type { RedisClient } from '../../redis/connect.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { dayInZone } from '../../domain/day.js';
import { simClockKey } from '../../store/keys.js';

/** The parts of the runtime the clock needs (structural, so tests can pass a fake). */
export interface ClockHost {
  redis: RedisClient;
  prefix: string;
  now: () => Date;
}

export interface SimClock {
  /** real time (the runtime's original clock) plus the cached offset */
  now(): Date;
  offsetMs(): number;
  /** re-read the offset from Redis */
  refresh(): Promise<number>;
  /** move the simulated clock to `target` (stored for every process) */
  setTo(target: Date): Promise<number>;
  /** back to real time */
  reset(): Promise<void>;
  stop(): void;
}

const installed = new WeakMap<object, { clock: SimClock; base: () => Date }>();

function parseOffset(v: string | null): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function createSimClock(
  redis: RedisClient,
  prefix: string,
  base: () => Date,
  refreshMs = 1000,
): SimClock {
  const key = simClockKey(prefix);
  let offset = 0;
  // Reads and local moves are numbered; a result older than what is applied is dropped, so a
  // read that was on the wire while this process moved the clock cannot undo the move.
  let issued = 0;
  let applied = 0;
  const apply = (n: number, value: number) => {
    if (n > applied) {
      applied = n;
      offset = value;
    }
    return offset;
  };
  const refresh = () => {
    const n = ++issued;
    return redis.get(key).then(
      (v) => apply(n, parseOffset(v)),
      () => offset, // keep the last known offset; /readyz reports the outage
    );
  };
  // the timer keeps one read at a time: while Redis is away they would pile up in the offline queue
  let ticking = false;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    void refresh().finally(() => (ticking = false));
  }, refreshMs);
  timer.unref();
  void refresh();
  return {
    now: () => new Date(base().getTime() + offset),
    offsetMs: () => offset,
    refresh,
    async setTo(target) {
      const next = Math.round(target.getTime() - base().getTime());
      await redis.set(key, String(next));
      return apply(++issued, next);
    },
    async reset() {
      await redis.del(key);
      apply(++issued, 0);
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Sim mode only (src/server.ts): make `host.now` read simulated time. Returns the clock; calling
 * it twice on one runtime returns the first clock instead of stacking offsets.
 */
export function installSimClock(host: ClockHost): SimClock {
  const existing = installed.get(host);
  if (existing) return existing.clock;
  const base = host.now;
  const clock = createSimClock(host.redis, host.prefix, base);
  host.now = clock.now;
  installed.set(host, { clock, base });
  return clock;
}

/** The clock installed on this runtime, if any. */
export function simClockOf(host: ClockHost): SimClock | undefined {
  return installed.get(host)?.clock;
}

/** Simulated "now", read fresh from Redis (not the cached offset): for a job that must be exact. */
export async function simNow(host: ClockHost): Promise<Date> {
  const base = installed.get(host)?.base ?? host.now;
  const offset = parseOffset(await host.redis.get(simClockKey(host.prefix)));
  return new Date(base().getTime() + offset);
}

/** Minutes east of UTC of `timeZone` at `at`. */
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant the wall clock of `timeZone` reads `hhmm` on `day` (YYYY-MM-DD). */
export function zonedInstant(day: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, h, mi);
  // twice: the offset at the first guess may differ from the offset at the answer (DST zones)
  let t = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  t = naive - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

/** 'HH:MM' of `at` in `timeZone`. */
export function timeInZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export interface ClockTargetOptions {
  timeZone: string;
  /** DIGEST_TIME: what '到 8:30' means */
  digestTime: string;
  calendar: WorkCalendar;
}

/**
 * Where a clock request moves to, from the simulated `now`:
 * - an ISO instant;
 * - '+1workday': the same wall-clock time on the next working day;
 * - 'next-0830': the next working day's DIGEST_TIME (today's, if it is a working day and earlier).
 * Returns undefined for anything else.
 */
export function resolveClockTarget(to: string, now: Date, o: ClockTargetOptions): Date | undefined {
  const today = dayInZone(now, o.timeZone);
  if (to === '+1workday')
    return zonedInstant(o.calendar.nextWorkday(today), timeInZone(now, o.timeZone), o.timeZone);
  if (to === 'next-0830') {
    const todays = zonedInstant(today, o.digestTime, o.timeZone);
    if (o.calendar.isWorkday(today) && todays.getTime() > now.getTime()) return todays;
    return zonedInstant(o.calendar.nextWorkday(today), o.digestTime, o.timeZone);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(to)) {
    const t = new Date(to);
    return Number.isNaN(t.getTime()) ? undefined : t;
  }
  return undefined;
}
