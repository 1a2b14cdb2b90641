import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import { openStore, smallRoster, submit } from './setup.js';

const now = new Date('2026-03-16T02:00:00Z');
const src = (messageId: string) => ({ platform: 'wecom' as const, messageId });

describe('records and items', () => {
  let store: FullStore;
  let redis: Redis;
  beforeAll(async () => {
    ({ store, redis } = openStore());
    await store.importRoster(smallRoster());
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('createRecord makes the record and one item per problem, with human ids', async () => {
    const r = await store.createRecord({ command: submit(), supervisor: 'sup-wang', source: src('m1'), now });
    expect(r.created).toBe(true);
    expect(r.record).toMatchObject({
      id: 'DD-1',
      school: 'S01',
      zone: 'z1',
      supervisor: 'sup-wang',
      date: '2026-03-16',
      kind: '专项督导',
      topic: '双减',
      items: ['ZG-1', 'ZG-2'],
    });
    expect(r.items.map((i) => [i.id, i.status, i.deadline, i.text])).toEqual([
      ['ZG-1', 'open', '2026-03-23', '三年级作业公示栏未按周更新'],
      ['ZG-2', 'open', '2026-03-31', '课后服务学生签到表缺2月数据'],
    ]);
    expect(await store.getItem('ZG-2')).toEqual(r.items[1]);
    expect(await store.getRecord('DD-1')).toEqual(r.record);
  });

  it('a retried job (same source message) returns the same record with created:false and burns no ids', async () => {
    const again = await store.createRecord({
      command: submit(),
      supervisor: 'sup-wang',
      source: src('m1'),
      now,
    });
    expect(again.created).toBe(false);
    expect(again.record.id).toBe('DD-1');
    expect(again.items.map((i) => i.id)).toEqual(['ZG-1', 'ZG-2']);
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () =>
        store.createRecord({ command: submit(), supervisor: 'sup-wang', source: src('m2'), now }),
      ),
    );
    expect(concurrent.filter((c) => c.created)).toHaveLength(1);
    expect(new Set(concurrent.map((c) => c.record.id))).toEqual(new Set(['DD-2']));
    const next = await store.createRecord({
      command: submit(),
      supervisor: 'sup-wang',
      source: src('m3'),
      now,
    });
    expect(next.record.id).toBe('DD-3');
    expect(next.items[0]!.id).toBe('ZG-5');
  });

  it('transition applies the lifecycle and is idempotent per source message', async () => {
    const a = await store.transition({
      item: 'ZG-1',
      action: 'acknowledge',
      actor: 'pri-li',
      source: src('a1'),
      now,
    });
    expect(a).toMatchObject({ ok: true, from: 'open', to: 'in_progress', duplicate: false });
    const again = await store.transition({
      item: 'ZG-1',
      action: 'acknowledge',
      actor: 'pri-li',
      source: src('a1'),
      now,
    });
    expect(again).toMatchObject({ ok: true, from: 'open', to: 'in_progress', duplicate: true });
    const h = await store.history('ZG-1');
    expect(h.map((e) => e.action)).toEqual(['create', 'acknowledge']);
  });
});
