import type { RedisClient } from '../redis/connect.js';
import type { Item } from '../domain/records.js';
import { dayFromNumber, dayNumber } from '../domain/day.js';
import { makeKeys } from './keys.js';
import { loadScript } from './script.js';
import { itemId } from '../domain/ids.js';
import { WATERMARK_CLAIM } from '../reminders/plan-reminders.js';

/**
 * What the reminder pass reads every 5 minutes, made cheap enough for 100 000 open items
 * (bench/reminders.ts): the open-by-deadline index in pages of (item, deadline) taken from the
 * index alone — the score carries the deadline, so no item is read until a stage of it is won —
 * and the stage claims of a page in one script call. Same index and cursor meaning as
 * FullStore.scanOpenByDeadline (the cursor is the last score handed out, exclusive next time); same
 * claim keys and semantics as claimOnce/releaseOnce.
 */
export type PlanItem = Pick<Item, 'id' | 'deadline'>;

export interface PlanPage {
  items: PlanItem[];
  next: string | null;
}

export interface ReminderScanStore {
  /** open items with fromDay <= deadline <= untilDay (fromDay absent: from the oldest), by deadline */
  scan(untilDay: string, cursor?: string, limit?: number, fromDay?: string): Promise<PlanPage>;
  /** claimOnce for each (scope, id, ttl), in order; true where this call took the claim */
  claimMany(scope: string, claims: { id: string; ttl: number }[]): Promise<boolean[]>;
  /** whether each claim is already taken (dry runs) */
  peekMany(scope: string, ids: string[]): Promise<boolean[]>;
  /** the day of the last reminder pass that ran to its end (see jobs/reminder-run.ts) */
  watermark(): Promise<string | undefined>;
  /** move the watermark forward to `day` (never back) */
  advanceWatermark(day: string): Promise<void>;
}

/** Set the key to ARGV[1] unless it already holds a later day ('YYYY-MM-DD' compares as text). */
const ADVANCE = `local c = redis.call('GET', KEYS[1])
if (not c) or c < ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
return 1`;
/** A watermark older than this is gone: the next pass scans everything, which is always correct. */
const WATERMARK_TTL_S = 30 * 86_400;

const claimScript = loadScript('claim-many');

export function reminderScanStore(redis: RedisClient, prefix: string): ReminderScanStore {
  const k = makeKeys(prefix);
  const bits = (s: unknown) => [...String(s)].map((c) => c === '1');
  const days = new Map<number, string>();
  const dayOf = (n: number) => {
    let d = days.get(n);
    if (d === undefined) days.set(n, (d = dayFromNumber(n)));
    return d;
  };
  const watermarkKey = k.once(WATERMARK_CLAIM.scope, WATERMARK_CLAIM.id);
  return {
    async watermark() {
      return (await redis.get(watermarkKey)) ?? undefined;
    },
    async advanceWatermark(day) {
      await redis.eval(ADVANCE, 1, watermarkKey, day, WATERMARK_TTL_S);
    },
    async scan(untilDay, cursor, limit = 500, fromDay) {
      if (cursor !== undefined && !/^\d{1,16}$/.test(cursor)) throw new RangeError(`bad cursor ${cursor}`);
      const max = '(' + String((dayNumber(untilDay) + 1) * 1e9);
      const min = cursor !== undefined ? '(' + cursor : fromDay ? String(dayNumber(fromDay) * 1e9) : '-inf';
      const flat = await redis.zrangebyscore(k.openByDeadline, min, max, 'WITHSCORES', 'LIMIT', 0, limit);
      const items: PlanItem[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        // score = deadline day number · 1e9 + item number (codec.ts dayScore)
        items.push({ id: itemId(flat[i]!), deadline: dayOf(Math.floor(Number(flat[i + 1]) / 1e9)) });
      }
      return { items, next: items.length === limit ? String(Number(flat[flat.length - 1])) : null };
    },
    async claimMany(scope, claims) {
      if (claims.length === 0) return [];
      const keys = claims.map((c) => k.once(scope, c.id));
      return bits(
        await claimScript.run(redis, keys, ['claim', ...claims.map((c) => Math.max(1, Math.ceil(c.ttl)))]),
      );
    },
    async peekMany(scope, ids) {
      if (ids.length === 0) return [];
      return bits(
        await claimScript.run(
          redis,
          ids.map((id) => k.once(scope, id)),
          ['peek'],
        ),
      );
    },
  };
}
