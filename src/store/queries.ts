import type { RedisClient } from '../redis/connect.js';
import type { Item, VisitRecord } from '../domain/records.js';
import { dayNumber } from '../domain/day.js';
import type { ItemQuery, Page, RecordQuery } from './store.js';
import type { Keys } from './keys.js';
import { idNumber } from '../domain/ids.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** A page stops after examining this many index entries, and hands out a cursor to go on. */
const MAX_EXAMINED = 20_000;

interface Scan<T> {
  /** sorted sets with the same score meaning; several are merged (items of several statuses) */
  sources: string[];
  desc: boolean;
  /** inclusive bounds, as ZRANGE BYSCORE takes them ('(' for exclusive, '-inf', '+inf') */
  min: string;
  max: string;
  cursor?: string;
  limit?: number;
  /** the entities behind index members, by member number (missing ones are skipped) */
  fetch: (ns: number[]) => Promise<Map<number, T>>;
  keep: (t: T) => boolean;
}

export function isCursor(c: string): boolean {
  return /^\d{1,16}$/.test(c);
}

/**
 * Walk sorted-set indexes in score order, filter the entities, and stop at `limit` with a cursor
 * that is the last score handed out (exclusive next time): stable while items change state.
 */
export async function scanIndex<T>(redis: RedisClient, s: Scan<T>): Promise<Page<T>> {
  const limit = Math.max(1, Math.min(s.limit ?? DEFAULT_LIMIT, MAX_LIMIT));
  if (s.cursor !== undefined && !isCursor(s.cursor)) throw new RangeError(`bad cursor ${s.cursor}`);
  let cursor = s.cursor;
  const out: T[] = [];
  let examined = 0;
  const batch = Math.min(Math.max(limit * 2, 100), 1000);
  for (;;) {
    const lo = s.desc ? s.min : cursor !== undefined ? '(' + cursor : s.min;
    const hi = s.desc ? (cursor !== undefined ? '(' + cursor : s.max) : s.max;
    const pipe = redis.pipeline();
    for (const key of s.sources) {
      if (s.desc) pipe.zrevrangebyscore(key, hi, lo, 'WITHSCORES', 'LIMIT', 0, batch);
      else pipe.zrangebyscore(key, lo, hi, 'WITHSCORES', 'LIMIT', 0, batch);
    }
    const res = (await pipe.exec()) ?? [];
    // merge; with several sources only the part above the weakest full source's end is complete
    let entries: { n: number; score: number }[] = [];
    let bound: number | undefined;
    for (const [, r] of res) {
      const flat = (r ?? []) as string[];
      for (let i = 0; i + 1 < flat.length; i += 2)
        entries.push({ n: Number(flat[i]), score: Number(flat[i + 1]) });
      if (flat.length / 2 === batch) {
        const last = Number(flat[flat.length - 1]);
        bound = bound === undefined ? last : s.desc ? Math.max(bound, last) : Math.min(bound, last);
      }
    }
    entries.sort((a, b) => (s.desc ? b.score - a.score : a.score - b.score));
    if (bound !== undefined)
      entries = entries.filter((e) => (s.desc ? e.score >= bound! : e.score <= bound!));
    if (entries.length === 0) return { items: out, next: null };
    // fetch entities only as far as the page needs: an unfiltered page reads exactly `limit`
    for (let at = 0; at < entries.length; ) {
      const slice = entries.slice(at, at + Math.max(limit - out.length, 20));
      at += slice.length;
      const byN = await s.fetch(slice.map((e) => e.n));
      for (const e of slice) {
        examined++;
        const t = byN.get(e.n);
        if (t && s.keep(t)) {
          out.push(t);
          if (out.length === limit) {
            // nothing after this one anywhere: say so now rather than hand out an empty last page
            const last = bound === undefined && e === entries[entries.length - 1];
            return { items: out, next: last ? null : String(e.score) };
          }
        }
      }
    }
    cursor = String(entries[entries.length - 1]!.score);
    if (bound === undefined) return { items: out, next: null };
    if (examined >= MAX_EXAMINED) return { items: out, next: cursor };
  }
}

/** Entities keyed by the number in their human id (ZG-21 → 21, DD-7 → 7). */
function byNumber<T extends { id: string }>(list: T[]): Map<number, T> {
  return new Map(list.map((t) => [idNumber(t.id), t]));
}

export function queryStore(
  redis: RedisClient,
  k: Keys,
  items: (ns: number[]) => Promise<Item[]>,
  records: (ns: number[]) => Promise<VisitRecord[]>,
) {
  const fetchItems = async (ns: number[]) => byNumber(await items(ns));

  return {
    async queryItems(q: ItemQuery): Promise<Page<Item>> {
      const statuses = q.status?.length ? new Set(q.status) : undefined;
      const keep = (i: Item) =>
        (!statuses || statuses.has(i.status)) &&
        (!q.school || i.school === q.school) &&
        (!q.zone || i.zone === q.zone) &&
        (!q.supervisor || i.supervisor === q.supervisor) &&
        (!q.overdueOn || (i.status !== 'closed' && i.deadline < q.overdueOn));
      const base = { cursor: q.cursor, limit: q.limit, fetch: fetchItems, keep };
      if (q.overdueOn && !q.school && !q.supervisor) {
        // overdue lists of a zone or the district: the deadline index, most overdue first
        const max = '(' + String(dayNumber(q.overdueOn) * 1e9);
        const source = q.zone ? k.zoneOpenByDeadline(q.zone) : k.openByDeadline;
        return scanIndex(redis, { ...base, sources: [source], desc: false, min: '-inf', max });
      }
      // everything else: the most selective index, newest item first
      const sources = q.school
        ? [k.itemsBySchool(q.school)]
        : q.zone
          ? [k.itemsByZone(q.zone)]
          : q.supervisor
            ? [k.itemsBySupervisor(q.supervisor)]
            : (statuses ? [...statuses] : ['open', 'in_progress', 'submitted', 'closed']).map((st) =>
                k.itemsByStatus(st),
              );
      return scanIndex(redis, { ...base, sources, desc: true, min: '-inf', max: '+inf' });
    },

    async queryRecords(q: RecordQuery): Promise<Page<VisitRecord>> {
      const min = q.from ? String(dayNumber(q.from) * 1e9) : '-inf';
      const max = q.to ? '(' + String((dayNumber(q.to) + 1) * 1e9) : '+inf';
      const source = q.school
        ? k.recordsBySchool(q.school)
        : q.zone
          ? k.recordsByZone(q.zone)
          : q.supervisor
            ? k.recordsBySupervisor(q.supervisor)
            : k.recordsByDate;
      const keep = (r: VisitRecord) =>
        (!q.school || r.school === q.school) &&
        (!q.zone || r.zone === q.zone) &&
        (!q.supervisor || r.supervisor === q.supervisor);
      const fetch = async (ns: number[]) => byNumber(await records(ns));
      return scanIndex(redis, {
        sources: [source],
        desc: true,
        min,
        max,
        cursor: q.cursor,
        limit: q.limit,
        fetch,
        keep,
      });
    },

    async scanOpenByDeadline(untilDay: string, cursor?: string, limit?: number): Promise<Page<Item>> {
      const max = '(' + String((dayNumber(untilDay) + 1) * 1e9);
      return scanIndex(redis, {
        sources: [k.openByDeadline],
        desc: false,
        min: '-inf',
        max,
        cursor,
        limit,
        fetch: fetchItems,
        keep: () => true,
      });
    },
  };
}
