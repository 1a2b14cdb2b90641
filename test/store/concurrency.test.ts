import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore, TransitionResult } from '../../src/store/store.js';
import { nextState, type TransitionAction } from '../../src/domain/lifecycle.js';
import { itemStatuses, type ItemStatus } from '../../src/domain/records.js';
import { openStore, smallRoster, submit } from './setup.js';

const now = new Date('2026-03-20T02:00:00Z');
const mix: TransitionAction[] = [
  'acknowledge',
  'progress',
  'done',
  'done',
  'close',
  'reject',
  'reopen',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'attach',
];

describe('100 conflicting transitions on one item at once', () => {
  let store: FullStore;
  let redis: Redis;
  let prefix: string;
  const extra: Redis[] = [];
  beforeAll(async () => {
    ({ store, redis, prefix } = openStore());
    await store.importRoster(smallRoster());
  });
  afterAll(async () => {
    await Promise.all([redis, ...extra].map((r) => r.quit()));
  });

  it('leave a valid state whose history explains every step', async () => {
    const { items } = await store.createRecord({
      command: submit(undefined, ['食堂留样记录不全']),
      supervisor: 'sup-wang',
      source: { platform: 'sim', messageId: 'rec' },
      now,
    });
    const id = items[0]!.id;
    // four connections, so the requests really interleave inside Redis
    const stores = [store];
    for (let i = 0; i < 3; i++) {
      const r = new Redis(inject('redisUrl'));
      extra.push(r);
      stores.push(createStore(r, prefix));
    }
    const requests = Array.from({ length: 100 }, (_, i) => ({
      item: id,
      action: mix[i % mix.length]!,
      actor: i % 2 ? 'pri-li' : 'sup-wang',
      source: { platform: 'wecom' as const, messageId: `c${i}` },
      now: new Date(now.getTime() + i),
      until: '2026-04-30',
      note: `第${i}次`,
    }));
    const results: TransitionResult[] = await Promise.all(
      requests.map((r, i) => stores[i % stores.length]!.transition(r)),
    );

    const history = await store.history(id);
    expect(history[0]!.action).toBe('create');
    const applied = results.filter((r) => r.ok);
    expect(applied.every((r) => r.ok && !r.duplicate)).toBe(true);
    expect(history).toHaveLength(applied.length + 1);
    for (const r of results) if (!r.ok) expect(['bad_state', 'no_pending_extension']).toContain(r.code);

    // replay the history through the lifecycle table: every step must have been allowed
    let state: ItemStatus = 'open';
    let pending = false;
    for (const e of history.slice(1)) {
      expect(e.from).toBe(state);
      const want = nextState(e.action as TransitionAction, state, pending);
      expect(want, `${e.action} from ${state}`).toEqual({ ok: true, to: e.to });
      state = e.to!;
      if (e.action === 'request_extension') pending = true;
      if (e.action === 'approve_extension' || e.action === 'refuse_extension') pending = false;
    }
    // each applied result's event is in the history, once
    const bySource = new Map(history.slice(1).map((e) => [e.source!.messageId, e]));
    expect(bySource.size).toBe(applied.length);
    for (const r of applied) if (r.ok) expect(bySource.get(r.event.source!.messageId)).toEqual(r.event);

    const item = (await store.getItem(id))!;
    expect(item.status).toBe(state);
    expect(item.extension !== undefined).toBe(pending);
    // indexes agree with the final state
    const n = id.slice(3);
    for (const s of itemStatuses) {
      const listed = (await store.queryItems({ status: [s], limit: 500 })).items.some((i) => i.id === id);
      expect(listed, s).toBe(s === state);
    }
    expect((await redis.zscore(`${prefix}:ix:open`, n)) !== null).toBe(state !== 'closed');
    // the audit stream saw each applied change once
    const audit = await redis.xrange(`${prefix}:audit`, '-', '+');
    expect(audit.filter(([, f]) => f[f.indexOf('item') + 1] === n)).toHaveLength(applied.length);

    // retrying the applied jobs changes nothing and gives each its first outcome back
    // (a refused one was never recorded, so its retry is a new attempt against the new state)
    const retried = requests.filter((_, i) => results[i]!.ok);
    const again = await Promise.all(retried.map((r) => store.transition(r)));
    expect(await store.history(id)).toHaveLength(history.length);
    for (const r of again) expect(r).toMatchObject({ ok: true, duplicate: true });
  });
});
