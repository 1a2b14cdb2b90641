// One send's outcome is recorded once per (outbound job, address) however often the job runs
// (src/store/lua/record-send.lua): the mark is a field of the job's ledger, and a mark an earlier
// version left in its own hash (`out:rec:<job>`, a job retried across the upgrade) counts too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import type { Delivery } from '../../src/store/store.js';
import { makeKeys, outboundKeys } from '../../src/store/keys.js';
import { encodeDelivery } from '../../src/store/delivery-codec.js';
import { itemNumber } from '../../src/domain/ids.js';
import { openStore, smallRoster } from './setup.js';

let store: FullStore;
let redis: Redis;
let prefix: string;
beforeAll(() => {
  ({ store, redis, prefix } = openStore());
});
afterAll(() => redis.quit());

const delivery: Delivery = {
  at: '2026-12-06T21:15:59.633Z',
  cardKind: 'rectification_notice',
  to: 'pri-s01',
  platform: 'wecom',
  channel: 'wecom-app message/send template_card',
  outcome: 'sent',
  messageId: 'msg-1',
};

/** one send of `job` to pri-s01 about `item`, recorded as the outbound job records it */
const send = (job: string, item: string, x: Delivery = delivery) => {
  const k = outboundKeys(prefix);
  return store.recordSend({
    ledger: {
      key: k.ledger(job),
      field: '!wa:pri-s01',
      ttlS: 60,
      legacy: { key: k.legacyRecorded(job), field: 'wa:pri-s01' },
    },
    itemIds: [item],
    delivery: x,
  });
};

describe('recordSend', () => {
  it('records once per (job, address): a retried job adds no second delivery', async () => {
    expect(await send('j-1', 'ZG-901')).toBe(true);
    expect(await send('j-1', 'ZG-901')).toBe(false);
    expect(await store.deliveries('ZG-901')).toEqual([delivery]);
    expect(await redis.hgetall(outboundKeys(prefix).ledger('j-1'))).toEqual({ '!wa:pri-s01': 'sent' });
    expect(await redis.ttl(outboundKeys(prefix).ledger('j-1'))).toBeGreaterThan(0);
  });

  it('a delivery an earlier version marked recorded (out:rec) is not recorded again', async () => {
    await redis.hset(outboundKeys(prefix).legacyRecorded('j-2'), 'wa:pri-s01', 'sent');
    expect(await send('j-2', 'ZG-902')).toBe(false);
    expect(await store.deliveries('ZG-902')).toEqual([]);
  });
});

describe('an item’s deliveries are fields of its hash (src/store/deliveries.ts)', () => {
  let n = 0;
  const newItem = async () => {
    const { items } = await store.createRecord({
      command: {
        command: 'submit_record',
        school: { id: 'S01', name: '龙泉小学' },
        date: '2026-12-04',
        kind: '挂牌督导',
        problems: [{ text: '食堂留样记录不全', deadline: '2026-12-11', deadlineSource: 'text' }],
      },
      supervisor: 'sup-wang',
      source: { platform: 'sim', messageId: `deliveries-${++n}` },
      now: new Date('2026-12-04T02:00:00Z'),
    });
    return items[0]!;
  };
  const at = (i: number) => new Date(Date.parse('2026-12-06T00:00:00.000Z') + i * 1000).toISOString();
  const d = (i: number, more: Partial<Delivery> = {}): Delivery => ({
    ...delivery,
    at: at(i),
    messageId: `msg-${i}`,
    ...more,
  });
  const keys = (id: string) => {
    const s = makeKeys(prefix);
    const num = itemNumber(id)!;
    return { hash: s.item(num), list: s.itemDeliveries(num) };
  };

  beforeAll(() => store.importRoster(smallRoster()));

  it('keeps the newest 50 in the hash, no key of their own, and the hash stays a listpack', async () => {
    const item = await newItem();
    const before = await store.getItem(item.id);
    for (let i = 1; i <= 55; i++) expect(await send(`h-${item.id}-${i}`, item.id, d(i))).toBe(true);
    const got = await store.deliveries(item.id);
    expect(got.map((x) => x.messageId)).toEqual(Array.from({ length: 50 }, (_, i) => `msg-${i + 6}`));
    const k = keys(item.id);
    expect(await redis.exists(k.list)).toBe(0);
    expect(await redis.hexists(k.hash, '~5')).toBe(0);
    expect(await redis.hget(k.hash, '~')).toBe('55');
    expect(await redis.object('ENCODING', k.hash)).toBe('listpack');
    // the item reads as before, and moves on as before: its scripts leave the deliveries out
    expect(await store.getItem(item.id)).toEqual(before);
    const moved = await store.transition({
      item: item.id,
      action: 'acknowledge',
      actor: 'pri-s01',
      source: { platform: 'sim', messageId: `ack-${item.id}` },
      now: new Date('2026-12-06T03:00:00Z'),
    });
    expect(moved.ok).toBe(true);
    expect((await store.getItems([item.id]))[0]).toMatchObject({
      status: 'in_progress',
      text: '食堂留样记录不全',
    });
    expect(await store.deliveries(item.id)).toHaveLength(50);
  });

  it('an item’s list an earlier version kept still reads, with its card references, in order with the new ones', async () => {
    const item = await newItem();
    const k = keys(item.id);
    const ref = Buffer.from([0, 3, 0, 1, 2, 3]); // an attachment, opaque to the store
    // as the earlier version wrote them: newest first on the item's own list
    await redis.lpush(k.list, encodeDelivery(d(1)), encodeDelivery(d(2), ref));
    await send(`old-${item.id}-3`, item.id, d(3));
    expect(await redis.exists(k.list)).toBe(1);
    expect(await redis.hexists(k.hash, '~1')).toBe(1);
    const entries = await store.deliveryEntries(item.id);
    expect(entries.map((e) => e.delivery.messageId)).toEqual(['msg-1', 'msg-2', 'msg-3']);
    expect(entries[1]!.attachment).toEqual(ref);
  });

  it('an entry too big for the hash’s listpack goes to the list, and reads in its place', async () => {
    const item = await newItem();
    const limit = Number(((await redis.config('GET', 'hash-max-listpack-value')) as string[])[1]);
    await send(`big-${item.id}-1`, item.id, d(1));
    const big = d(2, {
      outcome: 'failed',
      messageId: undefined,
      error: '错'.repeat(Math.ceil(limit / 3) + 1),
    });
    await send(`big-${item.id}-2`, item.id, big);
    await send(`big-${item.id}-3`, item.id, d(3));
    const k = keys(item.id);
    expect(await redis.llen(k.list)).toBe(1);
    expect(await redis.object('ENCODING', k.hash)).toBe('listpack');
    const got = await store.deliveries(item.id);
    expect(got.map((x) => x.at)).toEqual([at(1), at(2), at(3)]);
    expect(got[1]!.error).toBe(big.error);
  });

  it('a delivery about an item the store does not have stays on a list: no hash made for it', async () => {
    expect(await send('none-1', 'ZG-99901', d(1))).toBe(true);
    const k = keys('ZG-99901');
    expect(await redis.exists(k.hash)).toBe(0);
    expect(await store.deliveries('ZG-99901')).toEqual([d(1)]);
  });
});
