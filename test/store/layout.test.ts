import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import { collect } from '../../src/store/collect.js';
import type { Item } from '../../src/domain/records.js';
import { addDays, dayNumber } from '../../src/domain/day.js';
import { makeKeys } from '../../src/store/keys.js';
import { dayScore } from '../../src/store/codec.js';
import { DEFAULT_LISTPACK_VALUE, listpackValueLimit } from '../../src/store/listpack-limit.js';
import type { RedisClient } from '../../src/redis/connect.js';
import { openStore, smallRoster } from './setup.js';

// How items are laid out in Redis (docs/spec/performance.md → What an item costs): the item
// indexes by school, zone and supervisor hold one entry per record; the text sits in the item's
// hash when it fits the listpack limit; the first release's layout still reads.

const now = new Date('2026-03-20T02:00:00Z');
let seq = 0;
const src = () => ({ platform: 'sim' as const, messageId: `lay${++seq}` });
const SCHOOLS = [
  { id: 'S01', name: '龙泉小学', zone: 'z1' },
  { id: 'S02', name: '龙泉中学', zone: 'z1' },
  { id: 'S03', name: '区实验幼儿园', zone: 'z2' },
];
const num = (i: Item) => Number(i.id.slice(3));
const ids = (xs: Item[]) => xs.map((i) => i.id);

async function record(store: FullStore, r: number, count: number, texts?: string[]) {
  const school = SCHOOLS[r % 3]!;
  return store.createRecord({
    command: {
      command: 'submit_record',
      school: { id: school.id, name: school.name },
      date: addDays('2026-02-01', r % 20),
      kind: '挂牌督导',
      problems: Array.from({ length: count }, (_, i) => ({
        text: texts?.[i] ?? `问题${r}-${i}`,
        deadline: addDays('2026-03-01', (r * 5 + i * 7) % 30),
        deadlineSource: 'text' as const,
      })),
    },
    supervisor: r % 2 ? 'sup-zhao' : 'sup-wang',
    source: src(),
    now,
  });
}

/**
 * A visit record written the way the first release's create-record.lua wrote it: texts in keys of
 * their own, every item in ix:st:open, ix:sch, ix:zone, ix:sup and ix:zopen.
 */
async function firstReleaseRecord(redis: Redis, prefix: string, r: number, count: number) {
  const p = `${prefix}:`;
  const school = SCHOOLS[r % 3]!;
  const sup = r % 2 ? 'sup-zhao' : 'sup-wang';
  const date = addDays('2026-01-01', r % 20);
  const rn = await redis.incr(`${p}seq:dd`);
  const first = (await redis.incrby(`${p}seq:zg`, count)) - count + 1;
  const m = redis.multi();
  m.hset(`${p}dd:${rn}`, 'i0', first, 'ni', count, 's', school.id, 'z', school.zone, 'u', sup, 'd', date);
  m.hset(`${p}dd:${rn}`, 'k', '挂牌督导', 'c', now.toISOString(), 'p', 'wecom');
  m.set(`${p}dd:${rn}:t`, JSON.stringify({ msg: `old-msg-${r}`, findings: '旧版记录' }));
  const rscore = dayScore(date, rn);
  for (const key of ['ix:rd', `ix:rsch:${school.id}`, `ix:rzone:${school.zone}`, `ix:rsup:${sup}`])
    m.zadd(`${p}${key}`, rscore, rn);
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const dl = addDays('2026-03-01', (r * 5 + i * 7) % 30);
    m.hset(`${p}zg:${n}`, 'r', rn, 's', school.id, 'z', school.zone, 'u', sup, 'st', 'open');
    m.hset(`${p}zg:${n}`, 'dl', dl, 'ds', 't', 'c', now.toISOString());
    m.set(`${p}zg:${n}:t`, `旧问题${r}-${i}`);
    m.zadd(`${p}ix:open`, dayScore(dl, n), n);
    m.zadd(`${p}ix:zopen:${school.zone}`, dayScore(dl, n), n);
    for (const key of ['ix:st:open', `ix:sch:${school.id}`, `ix:zone:${school.zone}`, `ix:sup:${sup}`])
      m.zadd(`${p}${key}`, n, n);
  }
  await m.exec();
}

describe('items by school, zone and supervisor from per-record indexes', () => {
  let store: FullStore;
  let redis: Redis;
  let prefix: string;
  let all: Item[] = [];
  beforeAll(async () => {
    ({ store, redis, prefix } = openStore());
    await store.importRoster(smallRoster());
    // records of 1 to 6 items, so pages end inside records and on their edges
    for (let r = 0; r < 24; r++) await record(store, r, 1 + ((r * 5) % 6));
    for (let n = 3; n <= 80; n += 4)
      await store.transition({ item: `ZG-${n}`, action: 'acknowledge', actor: 'x', source: src(), now });
    const total = Number(await redis.get(`${prefix}:seq:zg`));
    all = await store.getItems(Array.from({ length: total }, (_, i) => `ZG-${i + 1}`));
  });
  afterAll(async () => {
    await redis.quit();
  });

  const newestFirst = (f: (i: Item) => boolean) => all.filter(f).sort((a, b) => num(b) - num(a));

  it('a record is one entry per scope: score its first item, member its last', async () => {
    const k = makeKeys(prefix);
    const rec = (await store.getRecord('DD-3'))!;
    const first = Number(rec.items[0]!.slice(3));
    const last = Number(rec.items.at(-1)!.slice(3));
    expect(await redis.zscore(k.itemRangesBySchool(rec.school), String(last))).toBe(String(first));
    expect(await redis.zscore(k.itemRangesByZone(rec.zone), String(last))).toBe(String(first));
    expect(await redis.zscore(k.itemRangesBySupervisor(rec.supervisor), String(last))).toBe(String(first));
    expect(await redis.zcard(k.itemRangesBySchool('S01'))).toBe(8);
    // no per-item index is written any more
    for (const key of [`ix:sch:${rec.school}`, `ix:zone:${rec.zone}`, 'ix:st:open', `ix:zopen:${rec.zone}`])
      expect(await redis.exists(`${prefix}:${key}`)).toBe(0);
  });

  it('every page size finds each scope`s items newest first, across record boundaries', async () => {
    for (const limit of [1, 2, 3, 4, 5, 6, 7, 11, 50]) {
      for (const school of ['S01', 'S02', 'S03'])
        expect(
          ids(await collect((cursor) => store.queryItems({ school, cursor, limit }))),
          `${school}/${limit}`,
        ).toEqual(ids(newestFirst((i) => i.school === school)));
      expect(ids(await collect((cursor) => store.queryItems({ zone: 'z1', cursor, limit })))).toEqual(
        ids(newestFirst((i) => i.zone === 'z1')),
      );
      expect(
        ids(
          await collect((cursor) =>
            store.queryItems({ supervisor: 'sup-zhao', status: ['in_progress'], cursor, limit }),
          ),
        ),
      ).toEqual(ids(newestFirst((i) => i.supervisor === 'sup-zhao' && i.status === 'in_progress')));
    }
  });

  it('a cursor in the middle of a record goes on with the rest of that record', async () => {
    const rec = (await store.getRecord('DD-23'))!; // of 3 items, its school's newest record
    expect(rec.items.length).toBeGreaterThan(2);
    const p1 = await store.queryItems({ school: rec.school, limit: 1 });
    expect(ids(p1.items)).toEqual([rec.items.at(-1)]);
    const p2 = await store.queryItems({ school: rec.school, limit: 1, cursor: p1.next! });
    expect(ids(p2.items)).toEqual([rec.items.at(-2)]);
  });

  it('all items and items of a status come newest first without status sets', async () => {
    for (const limit of [1, 9, 500])
      expect(ids(await collect((cursor) => store.queryItems({ cursor, limit })))).toEqual(
        ids(newestFirst(() => true)),
      );
    expect(
      ids(await collect((cursor) => store.queryItems({ status: ['in_progress'], cursor, limit: 4 }))),
    ).toEqual(ids(newestFirst((i) => i.status === 'in_progress')));
    // a cursor past the last item is the start, not a walk through numbers never given
    const p = await store.queryItems({ cursor: '9999999999999', limit: 3 });
    expect(ids(p.items)).toEqual(ids(newestFirst(() => true).slice(0, 3)));
  });

  it('a zone`s overdue list comes from the zone`s items, most overdue first', async () => {
    const day = '2026-03-15';
    const want = all
      .filter((i) => i.zone === 'z1' && i.status !== 'closed' && i.deadline < day)
      .sort((a, b) => dayScore(a.deadline, num(a)) - dayScore(b.deadline, num(b)));
    expect(want.length).toBeGreaterThan(10);
    for (const limit of [1, 4, 500])
      expect(
        ids(await collect((cursor) => store.queryItems({ zone: 'z1', overdueOn: day, cursor, limit }))),
      ).toEqual(ids(want));
    // the cursor is a deadline score, as before (a client's saved cursor still works)
    const p = await store.queryItems({ zone: 'z1', overdueOn: day, limit: 2 });
    expect(Math.floor(Number(p.next) / 1e9)).toBe(dayNumber(want[1]!.deadline));
  });
});

describe('the problem text in the item hash when it fits', () => {
  let store: FullStore;
  let redis: Redis;
  let prefix: string;
  beforeAll(async () => {
    ({ store, redis, prefix } = openStore());
    await store.importRoster(smallRoster());
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('the store asks the server for its listpack limit, and takes the default when CONFIG is refused', async () => {
    // the suite's Redis is the embedded one, started with hash-max-listpack-value 512
    expect(await listpackValueLimit(redis)).toBe(512);
    const refusing = {
      config: async () => {
        throw new Error("ERR unknown command 'CONFIG'");
      },
    } as unknown as RedisClient;
    expect(await listpackValueLimit(refusing)).toBe(DEFAULT_LISTPACK_VALUE);
    const silent = { config: async () => [] } as unknown as RedisClient;
    expect(await listpackValueLimit(silent)).toBe(DEFAULT_LISTPACK_VALUE);
  });

  it('texts on both sides of the limit are stored apart but read the same, and the hash stays a listpack', async () => {
    const limit = await listpackValueLimit(redis);
    const fits = '校'.repeat(Math.floor(limit / 3)) + 'x'.repeat(limit % 3); // exactly `limit` bytes
    const over = `${fits}y`;
    expect(Buffer.byteLength(fits)).toBe(limit);
    const { items, record: rec } = await record(store, 0, 2, [fits, over]);
    const k = makeKeys(prefix);
    const [a, b] = items.map((i) => num(i));
    expect(await redis.hget(k.item(a!), 't')).toBe(fits);
    expect(await redis.exists(k.itemText(a!))).toBe(0);
    expect(await redis.hget(k.item(b!), 't')).toBeNull();
    expect(await redis.get(k.itemText(b!))).toBe(over);
    for (const n of [a!, b!]) expect(await redis.object('ENCODING', k.item(n))).toBe('listpack');
    expect(items.map((i) => i.text)).toEqual([fits, over]);
    expect((await store.getItems(items.map((i) => i.id))).map((i) => i.text)).toEqual([fits, over]);
    // a transition hands the text back either way
    for (const [i, text] of [
      [items[0]!, fits],
      [items[1]!, over],
    ] as const) {
      const r = await store.transition({
        item: i.id,
        action: 'acknowledge',
        actor: 'pri-li',
        source: src(),
        now,
      });
      expect(r.ok && r.item.text).toBe(text);
    }
    // and a list that filters in Redis (pick-items.lua) too
    const listed = await store.queryItems({ school: rec.school, status: ['in_progress'] });
    expect(listed.items.map((i) => i.text).sort()).toEqual([fits, over].sort());
    // the record's texts: short enough here, so in its hash
    expect(await redis.exists(k.recordText(Number(rec.id.slice(3))))).toBe(0);
    expect((await store.getRecord(rec.id))!.source.messageId).toBe(rec.source.messageId);
  });
});

describe('data of the first release still reads', () => {
  let store: FullStore;
  let redis: Redis;
  let prefix: string;
  let all: Item[] = [];
  beforeAll(async () => {
    ({ store, redis, prefix } = openStore());
    await store.importRoster(smallRoster());
    for (let r = 0; r < 9; r++) await firstReleaseRecord(redis, prefix, r, 1 + (r % 4));
    for (let r = 9; r < 18; r++) await record(store, r, 1 + (r % 4));
    await store.transition({ item: 'ZG-2', action: 'acknowledge', actor: 'x', source: src(), now });
    for (const action of ['done', 'close'] as const)
      await store.transition({ item: 'ZG-5', action, actor: 'x', source: src(), now });
    const total = Number(await redis.get(`${prefix}:seq:zg`));
    all = await store.getItems(Array.from({ length: total }, (_, i) => `ZG-${i + 1}`));
  });
  afterAll(async () => {
    await redis.quit();
  });
  const newestFirst = (f: (i: Item) => boolean) => all.filter(f).sort((a, b) => num(b) - num(a));

  it('an old item and record read whole: text from its key, history source from the record`s text key', async () => {
    const item = (await store.getItem('ZG-1'))!;
    expect(item).toMatchObject({ text: '旧问题0-0', school: 'S01', zone: 'z1', status: 'open' });
    const rec = (await store.getRecord('DD-1'))!;
    expect(rec).toMatchObject({
      findings: '旧版记录',
      source: { platform: 'wecom', messageId: 'old-msg-0' },
    });
    expect((await store.history('ZG-1'))[0]!.source).toEqual({ platform: 'wecom', messageId: 'old-msg-0' });
    const r = await store.transition({ item: 'ZG-1', action: 'acknowledge', actor: 'x', source: src(), now });
    expect(r.ok && r.item.text).toBe('旧问题0-0');
  });

  it('lists by school, zone and supervisor hold old and new items, in order, across the seam', async () => {
    expect(all.length).toBe(21 + 22);
    for (const limit of [1, 3, 7, 50]) {
      for (const school of ['S01', 'S02', 'S03'])
        expect(ids(await collect((cursor) => store.queryItems({ school, cursor, limit })))).toEqual(
          ids(newestFirst((i) => i.school === school)),
        );
      expect(ids(await collect((cursor) => store.queryItems({ zone: 'z2', cursor, limit })))).toEqual(
        ids(newestFirst((i) => i.zone === 'z2')),
      );
      expect(
        ids(await collect((cursor) => store.queryItems({ supervisor: 'sup-wang', cursor, limit }))),
      ).toEqual(ids(newestFirst((i) => i.supervisor === 'sup-wang')));
    }
  });

  it('status lists and overdue lists see the old items in their current state, not the stale status sets', async () => {
    all = await store.getItems(all.map((i) => i.id));
    expect(ids(await collect((cursor) => store.queryItems({ status: ['closed'], cursor })))).toEqual([
      'ZG-5',
    ]);
    expect(ids(await collect((cursor) => store.queryItems({ status: ['open'], cursor, limit: 4 })))).toEqual(
      ids(newestFirst((i) => i.status === 'open')),
    );
    const day = '2026-03-20';
    const late = (i: Item) => i.zone === 'z1' && i.status !== 'closed' && i.deadline < day;
    const want = all.filter(late).sort((a, b) => dayScore(a.deadline, num(a)) - dayScore(b.deadline, num(b)));
    expect(
      ids(await collect((cursor) => store.queryItems({ zone: 'z1', overdueOn: day, cursor, limit: 3 }))),
    ).toEqual(ids(want));
  });
});
