import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import { collect } from '../../src/store/collect.js';
import type { Item } from '../../src/domain/records.js';
import { addDays } from '../../src/domain/day.js';
import { openStore, smallRoster } from './setup.js';

const now = new Date('2026-03-20T02:00:00Z');
let seq = 0;
const src = () => ({ platform: 'sim' as const, messageId: `q${++seq}` });

describe('queries over the indexes', () => {
  let store: FullStore;
  let redis: Redis;
  const state = new Map<string, Item>();
  beforeAll(async () => {
    ({ store, redis } = openStore());
    await store.importRoster(smallRoster());
    // 260 items over 3 schools, deadlines spread over 40 days, statuses mixed
    const schools = [
      { id: 'S01', name: '龙泉小学' },
      { id: 'S02', name: '龙泉中学' },
      { id: 'S03', name: '区实验幼儿园' },
    ];
    for (let r = 0; r < 52; r++) {
      const school = schools[r % 3]!;
      const problems = Array.from({ length: 5 }, (_, i) => ({
        text: `问题${r}-${i}`,
        deadline: addDays('2026-03-01', (r * 7 + i * 3) % 40),
        deadlineSource: 'text' as const,
      }));
      await store.createRecord({
        command: {
          command: 'submit_record',
          school,
          date: addDays('2026-02-01', r % 28),
          kind: '挂牌督导',
          problems,
        },
        supervisor: r % 3 === 2 ? 'sup-zhao' : 'sup-wang',
        source: src(),
        now,
      });
    }
    const plan: [number, ('acknowledge' | 'done' | 'close')[]][] = [
      [3, ['acknowledge']],
      [5, ['done']],
      [7, ['done', 'close']],
    ];
    for (let n = 1; n <= 260; n++) {
      for (const [mod, steps] of plan)
        if (n % mod === 0)
          for (const a of steps)
            await store.transition({ item: `ZG-${n}`, action: a, actor: 'x', source: src(), now });
    }
    for (const i of await store.getItems(Array.from({ length: 260 }, (_, k) => `ZG-${k + 1}`)))
      state.set(i.id, i);
  });
  afterAll(async () => {
    await redis.quit();
  });

  const num = (i: Item) => Number(i.id.slice(3));
  const expectIds = (got: Item[], want: Item[]) =>
    expect(got.map((i) => i.id)).toEqual(want.map((i) => i.id));
  const newestFirst = (f: (i: Item) => boolean) =>
    [...state.values()].filter(f).sort((a, b) => num(b) - num(a));
  const byDeadline = (f: (i: Item) => boolean) =>
    [...state.values()].filter(f).sort((a, b) => a.deadline.localeCompare(b.deadline) || num(a) - num(b));

  it('several statuses are merged newest first, page after page, nothing lost or repeated', async () => {
    for (const limit of [1, 7, 100, 500]) {
      const got = await collect((cursor) =>
        store.queryItems({ status: ['open', 'submitted'], cursor, limit }),
      );
      expectIds(
        got,
        newestFirst((i) => i.status === 'open' || i.status === 'submitted'),
      );
    }
    expectIds(
      await collect((cursor) => store.queryItems({ cursor, limit: 33 })),
      newestFirst(() => true),
    );
  });

  it('school, zone and supervisor with a status filter', async () => {
    expectIds(
      await collect((cursor) => store.queryItems({ school: 'S02', status: ['closed'], cursor, limit: 4 })),
      newestFirst((i) => i.school === 'S02' && i.status === 'closed'),
    );
    expectIds(
      await collect((cursor) => store.queryItems({ zone: 'z1', cursor, limit: 50 })),
      newestFirst((i) => i.zone === 'z1'),
    );
    expectIds(
      await collect((cursor) =>
        store.queryItems({ supervisor: 'sup-zhao', status: ['in_progress'], cursor }),
      ),
      newestFirst((i) => i.supervisor === 'sup-zhao' && i.status === 'in_progress'),
    );
  });

  it('overdue lists of a zone and of the district: most overdue first', async () => {
    const day = '2026-03-20';
    const late = (i: Item) => i.status !== 'closed' && i.deadline < day;
    expectIds(
      await collect((cursor) => store.queryItems({ zone: 'z2', overdueOn: day, cursor, limit: 9 })),
      byDeadline((i) => late(i) && i.zone === 'z2'),
    );
    expectIds(
      await collect((cursor) => store.queryItems({ overdueOn: day, cursor, limit: 500 })),
      byDeadline(late),
    );
    expectIds(
      await collect((cursor) =>
        store.queryItems({ school: 'S01', overdueOn: day, status: ['open'], cursor }),
      ),
      newestFirst((i) => late(i) && i.school === 'S01' && i.status === 'open'),
    );
  });

  it('scanOpenByDeadline keeps its place while items are closed under it', async () => {
    const want = byDeadline((i) => i.status !== 'closed' && i.deadline <= '2026-03-25');
    const seen: Item[] = [];
    let cursor: string | undefined;
    do {
      const p = await store.scanOpenByDeadline('2026-03-25', cursor, 10);
      seen.push(...p.items);
      // close what we just saw (the reminder pass may change items as it goes)
      for (const i of p.items.filter((x) => x.status === 'submitted'))
        await store.transition({ item: i.id, action: 'close', actor: 'x', source: src(), now });
      cursor = p.next ?? undefined;
    } while (cursor);
    expectIds(seen, want);
  });

  it('records by date range, school and supervisor, newest visit first', async () => {
    const recs = await store.queryRecords({ from: '2026-02-10', to: '2026-02-12', limit: 500 });
    expect(recs.items.every((r) => r.date >= '2026-02-10' && r.date <= '2026-02-12')).toBe(true);
    expect(recs.items.map((r) => r.date)).toEqual([...recs.items.map((r) => r.date)].sort().reverse());
    const s2 = await store.queryRecords({ school: 'S02', supervisor: 'sup-wang', limit: 3 });
    expect(s2.items).toHaveLength(3);
    expect(s2.next).not.toBeNull();
    expect(s2.items.every((r) => r.school === 'S02')).toBe(true);
  });

  it('a bad cursor is refused, not read as the start', async () => {
    await expect(store.queryItems({ cursor: 'abc' })).rejects.toThrow(/cursor/);
  });
});

describe('evidence, deliveries, claims', () => {
  let store: FullStore;
  let redis: Redis;
  let prefix: string;
  beforeAll(async () => {
    ({ store, redis, prefix } = openStore());
    await store.importRoster(smallRoster());
    await store.createRecord({
      command: {
        command: 'submit_record',
        school: { id: 'S01', name: '龙泉小学' },
        date: '2026-03-16',
        kind: '挂牌督导',
        problems: [{ text: '问题', deadline: '2026-03-30', deadlineSource: 'default' }],
      },
      supervisor: 'sup-wang',
      source: src(),
      now,
    });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('images within 10 minutes attach to the latest target, once per message', async () => {
    const img = { kind: 'image' as const, mediaId: 'media-1' };
    expect(await store.attachEvidence('pri-li', img, src(), now)).toBeUndefined();
    await store.markEvidenceTarget('pri-li', { type: 'item', id: 'ZG-1' }, now);
    const s = src();
    expect(await store.attachEvidence('pri-li', img, s, now)).toEqual({ type: 'item', id: 'ZG-1' });
    expect(await store.attachEvidence('pri-li', img, s, now)).toEqual({ type: 'item', id: 'ZG-1' });
    expect((await store.getItem('ZG-1'))!.attachments).toBe(1);
    expect((await store.history('ZG-1')).at(-1)).toMatchObject({ action: 'attach', attachments: [img] });
    expect(await redis.ttl(`${prefix}:ev:pri-li`)).toBeGreaterThan(590);

    await store.markEvidenceTarget('sup-wang', { type: 'record', id: 'DD-1' }, now);
    const r = src();
    await store.attachEvidence('sup-wang', { kind: 'image', mediaId: 'photo-1' }, r, now);
    await store.attachEvidence('sup-wang', { kind: 'image', mediaId: 'photo-1' }, r, now);
    await store.attachEvidence('sup-wang', { kind: 'image', mediaId: 'photo-2' }, src(), now);
    expect((await store.getRecord('DD-1'))!.attachments.map((a) => a.mediaId)).toEqual([
      'photo-1',
      'photo-2',
    ]);
  });

  it('deliveries per item: oldest first, capped at 50', async () => {
    for (let i = 0; i < 55; i++) {
      await store.recordDelivery(['ZG-1'], {
        at: `2026-03-20T02:00:${String(i).padStart(2, '0')}.000Z`,
        to: 'pri-li',
        platform: 'wecom',
        channel: 'wecom-app message/send',
        outcome: i % 10 ? 'sent' : 'failed',
      });
    }
    const d = await store.deliveries('ZG-1');
    expect(d).toHaveLength(50);
    expect(d[0]!.at).toBe('2026-03-20T02:00:05.000Z');
    expect(d.at(-1)!.at).toBe('2026-03-20T02:00:54.000Z');
  });

  it('claimOnce is true once per (scope, id) until released', async () => {
    expect(await store.claimOnce('reminder', 'ZG-1:before-3', 60)).toBe(true);
    expect(await store.claimOnce('reminder', 'ZG-1:before-3', 60)).toBe(false);
    expect(await store.claimOnce('reminder', 'ZG-1:due', 60)).toBe(true);
    const many = await Promise.all(
      Array.from({ length: 20 }, () => store.claimOnce('digest', '2026-03-20:lead-liu', 60)),
    );
    expect(many.filter(Boolean)).toHaveLength(1);
    await store.releaseOnce('reminder', 'ZG-1:before-3');
    expect(await store.claimOnce('reminder', 'ZG-1:before-3', 60)).toBe(true);
  });
});

describe('page ends', () => {
  it('a list that ends exactly at a page boundary has next:null on its last full page', async () => {
    const { store, redis } = openStore();
    try {
      await store.importRoster(smallRoster());
      await store.createRecord({
        command: {
          command: 'submit_record',
          school: { id: 'S02', name: '龙泉中学' },
          date: '2026-03-16',
          kind: '挂牌督导',
          problems: Array.from({ length: 10 }, (_, i) => ({
            text: `问题${i}`,
            deadline: '2026-03-30',
            deadlineSource: 'text' as const,
          })),
        },
        supervisor: 'sup-wang',
        source: src(),
        now,
      });
      const p1 = await store.queryItems({ school: 'S02', limit: 5 });
      expect(p1.next).not.toBeNull();
      const p2 = await store.queryItems({ school: 'S02', limit: 5, cursor: p1.next! });
      expect(p2.items.map((i) => i.id)).toEqual(['ZG-5', 'ZG-4', 'ZG-3', 'ZG-2', 'ZG-1']);
      expect(p2.next).toBeNull();
    } finally {
      await redis.quit();
    }
  });
});
