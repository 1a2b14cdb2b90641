import type { RedisClient } from '../redis/connect.js';
import type { Item, VisitRecord } from '../domain/records.js';
import { dayNumber } from '../domain/day.js';
import type { ItemQuery, Page, RecordQuery } from './store.js';
import type { Keys } from './keys.js';
import { idNumber } from '../domain/ids.js';
import { loadScript } from './script.js';
import { decodeItem, pairs } from './codec.js';

const pickScript = loadScript('pick-items', 'item-own-fields');

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** A page stops after examining this many index entries, and hands out a cursor to go on. */
const MAX_EXAMINED = 20_000;

/** An index entry: the entity's number and its place in the order (a sorted-set score). */
interface Entry {
  n: number;
  score: number;
}

/**
 * One ordered source of index entries: those after `cursor` (exclusive, in the scan's direction),
 * about `batch` of them, and `reached`: the score up to which (in that direction) the source has
 * given every entry it has — undefined once it has given its last.
 */
type Source = (cursor: number | undefined, batch: number) => Promise<{ entries: Entry[]; reached?: number }>;

interface Scan<T> {
  /** sources with the same score meaning, merged (an index and its first-release form) */
  sources: Source[];
  desc: boolean;
  cursor?: string;
  limit?: number;
  /**
   * The entities behind entries' numbers (missing ones are skipped). It may stop early: `need`
   * is how many more the page wants, and `examined` how many of `ns` it went through.
   */
  fetch: (ns: number[], need: number) => Promise<{ found: Map<number, T>; examined: number }>;
  /** how many numbers one fetch takes at most (default: the page's rest, at least 20) */
  fetchBatch?: number;
  keep: (t: T) => boolean;
}

export function isCursor(c: string): boolean {
  return /^\d{1,16}$/.test(c);
}

/** A sorted set's entries between `min` and `max` (ZRANGE BYSCORE bounds), member = number. */
function zsetSource(redis: RedisClient, key: string, desc: boolean, min = '-inf', max = '+inf'): Source {
  return async (cursor, batch) => {
    const after = cursor !== undefined ? '(' + String(cursor) : undefined;
    const flat = desc
      ? await redis.zrevrangebyscore(key, after ?? max, min, 'WITHSCORES', 'LIMIT', 0, batch)
      : await redis.zrangebyscore(key, after ?? min, max, 'WITHSCORES', 'LIMIT', 0, batch);
    const entries: Entry[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      entries.push({ n: Number(flat[i]), score: Number(flat[i + 1]) });
    const full = entries.length === batch;
    return { entries, reached: full ? entries[entries.length - 1]!.score : undefined };
  };
}

/**
 * Items newest first through a per-record index (keys.ts itemRangesBy…: score = a record's first
 * item number, member = its last): each record's range expanded, score = item number.
 */
function rangeSource(redis: RedisClient, key: string): Source {
  return async (cursor, batch) => {
    const records = Math.max(1, Math.ceil(batch / 2));
    const hi = cursor !== undefined ? '(' + String(cursor) : '+inf';
    const flat = await redis.zrevrangebyscore(key, hi, '-inf', 'WITHSCORES', 'LIMIT', 0, records);
    const entries: Entry[] = [];
    let first = 0;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      first = Number(flat[i + 1]);
      const top = cursor !== undefined ? Math.min(Number(flat[i]), cursor - 1) : Number(flat[i]);
      for (let n = top; n >= first; n--) entries.push({ n, score: n });
    }
    return { entries, reached: flat.length / 2 === records ? first : undefined };
  };
}

/** Every item number newest first, from the item counter down (a wiped item is a hole, skipped). */
function sequenceSource(redis: RedisClient, seqKey: string): Source {
  return async (cursor, batch) => {
    const seq = Number((await redis.get(seqKey)) ?? 0);
    const top = cursor !== undefined ? Math.min(cursor - 1, seq) : seq;
    const bottom = Math.max(1, top - batch + 1);
    const entries: Entry[] = [];
    for (let n = top; n >= bottom; n--) entries.push({ n, score: n });
    return { entries, reached: bottom > 1 ? bottom : undefined };
  };
}

/** A list computed whole, in order (a zone's overdue items): handed out past the cursor. */
function listSource(all: () => Promise<Entry[]>): Source {
  return async (cursor) => ({
    entries: (await all()).filter((e) => cursor === undefined || e.score > cursor),
  });
}

/** Every entry of a source, to the end. */
async function drain(source: Source): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: number | undefined;
  for (;;) {
    const { entries, reached } = await source(cursor, 1000);
    out.push(...entries);
    if (reached === undefined || entries.length === 0) return out;
    cursor = entries[entries.length - 1]!.score;
  }
}

/**
 * Walk ordered sources, filter the entities, and stop at `limit` with a cursor that is the last
 * score handed out (exclusive next time): stable while items change state.
 */
export async function scanIndex<T>(s: Scan<T>): Promise<Page<T>> {
  const limit = Math.max(1, Math.min(s.limit ?? DEFAULT_LIMIT, MAX_LIMIT));
  if (s.cursor !== undefined && !isCursor(s.cursor)) throw new RangeError(`bad cursor ${s.cursor}`);
  let cursor = s.cursor === undefined ? undefined : Number(s.cursor);
  const out: T[] = [];
  let examined = 0;
  const batch = Math.min(Math.max(limit * 2, 100), 1000);
  for (;;) {
    const res = await Promise.all(s.sources.map((src) => src(cursor, batch)));
    // merge; with several sources only the part up to the least advanced one's reach is complete
    let entries = res.flatMap((r) => r.entries);
    let bound: number | undefined;
    for (const r of res) {
      if (r.reached === undefined) continue;
      bound =
        bound === undefined ? r.reached : s.desc ? Math.max(bound, r.reached) : Math.min(bound, r.reached);
    }
    entries.sort((a, b) => (s.desc ? b.score - a.score : a.score - b.score));
    if (bound !== undefined)
      entries = entries.filter((e) => (s.desc ? e.score >= bound! : e.score <= bound!));
    if (entries.length === 0) return { items: out, next: null };
    // fetch entities only as far as the page needs: an unfiltered page reads exactly `limit`
    for (let at = 0; at < entries.length; ) {
      const need = limit - out.length;
      const slice = entries.slice(at, at + (s.fetchBatch ?? Math.max(need, 20)));
      const got = await s.fetch(
        slice.map((e) => e.n),
        need,
      );
      const used = Math.max(1, got.examined);
      at += used;
      for (const e of slice.slice(0, used)) {
        examined++;
        const t = got.found.get(e.n);
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
    cursor = entries[entries.length - 1]!.score;
    if (bound === undefined) return { items: out, next: null };
    if (examined >= MAX_EXAMINED) return { items: out, next: String(cursor) };
  }
}

/** Entities keyed by the number in their human id (ZG-21 → 21, DD-7 → 7). */
function byNumber<T extends { id: string }>(list: T[]): Map<number, T> {
  return new Map(list.map((t) => [idNumber(t.id), t]));
}

/** Candidates one pick-items call filters (three keys each). */
const PICK_BATCH = 500;

export function queryStore(
  redis: RedisClient,
  k: Keys,
  items: (ns: number[]) => Promise<Item[]>,
  records: (ns: number[]) => Promise<VisitRecord[]>,
) {
  const fetchItems = async (ns: number[]) => ({ found: byNumber(await items(ns)), examined: ns.length });
  const itemKeys = (ns: number[]) => ns.flatMap((n) => [k.item(n), k.itemText(n), k.itemExtReason(n)]);

  /**
   * lua/pick-items.lua: of the items `ns`, in order, those of `statuses` (and overdue on
   * `overdueOn`), at most `need`; `light`: their deadlines only.
   */
  async function pick(
    ns: number[],
    need: number,
    statuses: string[],
    overdueOn: string | undefined,
    light: boolean,
  ): Promise<{ matches: { n: number; deadline: string; item?: Item }[]; examined: number }> {
    if (ns.length === 0) return { matches: [], examined: 0 };
    const res = (await pickScript.run(redis, itemKeys(ns), [
      need,
      statuses.join(','),
      overdueOn ?? '',
      light ? '1' : '0',
    ])) as unknown[];
    const matches: { n: number; deadline: string; item?: Item }[] = [];
    for (let j = 1; j + 4 < res.length; j += 5) {
      const n = ns[Number(res[j]) - 1]!;
      const deadline = String(res[j + 1]);
      const item = light
        ? undefined
        : decodeItem(
            n,
            pairs(res[j + 2]),
            (res[j + 3] as string | null) ?? null,
            (res[j + 4] as string | null) ?? null,
          );
      matches.push({ n, deadline, item });
    }
    return { matches, examined: Number(res[0]) };
  }

  /** A scope's items newest first: its per-record index, and the first release's per-item one. */
  const scoped = (ranges: string, legacy: string): Source[] => [
    rangeSource(redis, ranges),
    zsetSource(redis, legacy, true),
  ];

  return {
    async queryItems(q: ItemQuery): Promise<Page<Item>> {
      const statuses = q.status?.length ? new Set(q.status) : undefined;
      const keep = (i: Item) =>
        (!statuses || statuses.has(i.status)) &&
        (!q.school || i.school === q.school) &&
        (!q.zone || i.zone === q.zone) &&
        (!q.supervisor || i.supervisor === q.supervisor) &&
        (!q.overdueOn || (i.status !== 'closed' && i.deadline < q.overdueOn));
      const wanted = statuses ? [...statuses] : [];
      // the status and overdue filters run in Redis (pick-items.lua); keep checks everything again
      const fetch = async (ns: number[], need: number) => {
        const { matches, examined } = await pick(ns, need, wanted, q.overdueOn, false);
        const found = new Map<number, Item>();
        for (const m of matches) if (m.item) found.set(m.n, m.item);
        return { found, examined };
      };
      const base = { cursor: q.cursor, limit: q.limit, fetch, fetchBatch: PICK_BATCH, keep };
      if (q.overdueOn && !q.school && !q.supervisor) {
        // overdue lists of a zone or the district: most overdue first (score = deadline · 1e9 + n)
        const max = '(' + String(dayNumber(q.overdueOn) * 1e9);
        if (!q.zone)
          return scanIndex({
            ...base,
            sources: [zsetSource(redis, k.openByDeadline, false, '-inf', max)],
            desc: false,
          });
        // A zone's: from the zone's own items, not by walking the district's deadline index for
        // them (a zone of a district of many zones is a sliver of it). Costs the zone's size.
        const zone = q.zone;
        const all = async () => {
          const ns = (
            await Promise.all(
              scoped(k.itemRangesByZone(zone), k.legacyItemsByZone(zone)).map((src) => drain(src)),
            )
          )
            .flat()
            .map((e) => e.n);
          const entries: Entry[] = [];
          for (let at = 0; at < ns.length; at += PICK_BATCH) {
            const chunk = ns.slice(at, at + PICK_BATCH);
            const { matches } = await pick(chunk, chunk.length, wanted, q.overdueOn, true);
            for (const m of matches) entries.push({ n: m.n, score: dayNumber(m.deadline) * 1e9 + m.n });
          }
          return entries.sort((a, b) => a.score - b.score);
        };
        return scanIndex({ ...base, sources: [listSource(all)], desc: false });
      }
      // everything else: newest item first, from the most selective index
      const sources = q.school
        ? scoped(k.itemRangesBySchool(q.school), k.legacyItemsBySchool(q.school))
        : q.zone
          ? scoped(k.itemRangesByZone(q.zone), k.legacyItemsByZone(q.zone))
          : q.supervisor
            ? scoped(k.itemRangesBySupervisor(q.supervisor), k.legacyItemsBySupervisor(q.supervisor))
            : [sequenceSource(redis, k.itemSeq)];
      return scanIndex({ ...base, sources, desc: true });
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
      const fetch = async (ns: number[]) => ({ found: byNumber(await records(ns)), examined: ns.length });
      return scanIndex({
        sources: [zsetSource(redis, source, true, min, max)],
        desc: true,
        cursor: q.cursor,
        limit: q.limit,
        fetch,
        keep,
      });
    },

    async scanOpenByDeadline(untilDay: string, cursor?: string, limit?: number): Promise<Page<Item>> {
      const max = '(' + String((dayNumber(untilDay) + 1) * 1e9);
      return scanIndex({
        sources: [zsetSource(redis, k.openByDeadline, false, '-inf', max)],
        desc: false,
        cursor,
        limit,
        fetch: fetchItems,
        keep: () => true,
      });
    },
  };
}
