// One send's outcome is recorded once per (outbound job, address) however often the job runs
// (src/store/lua/record-send.lua): the mark is a field of the job's ledger, and a mark an earlier
// version left in its own hash (`out:rec:<job>`, a job retried across the upgrade) counts too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import type { Delivery } from '../../src/store/store.js';
import { outboundKeys } from '../../src/store/keys.js';
import { openStore } from './setup.js';

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

const send = (job: string, item: string) => {
  const k = outboundKeys(prefix);
  return store.recordSend({
    ledger: {
      key: k.ledger(job),
      field: '!wa:pri-s01',
      ttlS: 60,
      legacy: { key: k.legacyRecorded(job), field: 'wa:pri-s01' },
    },
    itemIds: [item],
    delivery,
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
