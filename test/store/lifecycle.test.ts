import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { FullStore } from '../../src/store/store.js';
import { lifecycle, nextState, overdue, type TransitionAction } from '../../src/domain/lifecycle.js';
import { itemStatuses, type ItemStatus } from '../../src/domain/records.js';
import { openStore, smallRoster, submit } from './setup.js';
import { dayScore } from '../../src/store/codec.js';

const now = new Date('2026-03-20T02:00:00Z');
let seq = 0;
const src = () => ({ platform: 'sim' as const, messageId: `m${++seq}` });

/** The shortest way from open to each state, through the store itself. */
const pathTo: Record<ItemStatus, TransitionAction[]> = {
  open: [],
  in_progress: ['acknowledge'],
  submitted: ['done'],
  closed: ['done', 'close'],
};

describe('the lifecycle table', () => {
  it('is what docs/spec/domain.md draws', () => {
    expect(nextState('acknowledge', 'open', false)).toEqual({ ok: true, to: 'in_progress' });
    expect(nextState('done', 'open', false)).toEqual({ ok: true, to: 'submitted' });
    expect(nextState('done', 'in_progress', false)).toEqual({ ok: true, to: 'submitted' });
    expect(nextState('close', 'submitted', false)).toEqual({ ok: true, to: 'closed' });
    expect(nextState('reject', 'submitted', false)).toEqual({ ok: true, to: 'open' });
    expect(nextState('reopen', 'closed', false)).toEqual({ ok: true, to: 'in_progress' });
    expect(nextState('close', 'open', false)).toEqual({ ok: false, code: 'bad_state' });
    expect(nextState('close', 'closed', false)).toEqual({ ok: false, code: 'bad_state' });
    expect(nextState('approve_extension', 'in_progress', false)).toEqual({
      ok: false,
      code: 'no_pending_extension',
    });
    expect(nextState('approve_extension', 'in_progress', true)).toEqual({ ok: true, to: 'in_progress' });
  });

  it('overdue is derived: deadline before today and not closed', () => {
    expect(overdue({ deadline: '2026-03-19', status: 'open' }, '2026-03-20')).toBe(true);
    expect(overdue({ deadline: '2026-03-20', status: 'open' }, '2026-03-20')).toBe(false);
    expect(overdue({ deadline: '2026-03-01', status: 'closed' }, '2026-03-20')).toBe(false);
    expect(overdue({ deadline: '2026-03-01', status: 'submitted' }, '2026-03-20')).toBe(true);
  });
});

describe('transition in Redis follows the table for every action from every state', () => {
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

  async function itemIn(state: ItemStatus, pending: boolean): Promise<string> {
    const r = await store.createRecord({
      command: submit(undefined, ['问题']),
      supervisor: 'sup-wang',
      source: src(),
      now,
    });
    const id = r.items[0]!.id;
    if (pending)
      await store.transition({
        item: id,
        action: 'request_extension',
        actor: 'pri-li',
        source: src(),
        now,
        until: '2026-04-30',
      });
    for (const a of pathTo[state])
      expect((await store.transition({ item: id, action: a, actor: 'x', source: src(), now })).ok).toBe(true);
    return id;
  }

  const actions = Object.keys(lifecycle) as TransitionAction[];
  for (const action of actions) {
    for (const state of itemStatuses) {
      for (const pending of state === 'closed' ? [false] : [false, true]) {
        it(`${action} from ${state}${pending ? ' with a pending extension' : ''}`, async () => {
          const id = await itemIn(state, pending);
          const before = await store.getItem(id);
          const hist = (await store.history(id)).length;
          const want = nextState(action, state, pending);
          const r = await store.transition({
            item: id,
            action,
            actor: 'sup-wang',
            source: src(),
            now,
            until: action === 'request_extension' ? '2026-05-08' : undefined,
            attachments: action === 'attach' ? [{ kind: 'image', mediaId: 'img1' }] : undefined,
          });
          if (!want.ok) {
            expect(r).toMatchObject({ ok: false, code: want.code });
            expect(await store.getItem(id)).toEqual(before);
            expect(await store.history(id)).toHaveLength(hist);
            return;
          }
          expect(r).toMatchObject({ ok: true, from: state, to: want.to, duplicate: false });
          const after = (await store.getItem(id))!;
          expect(after.status).toBe(want.to);
          expect(await store.history(id)).toHaveLength(hist + 1);
          if (action === 'approve_extension')
            expect([after.deadline, after.extension]).toEqual(['2026-04-30', undefined]);
          if (action === 'refuse_extension')
            expect([after.deadline, after.extension]).toEqual([before!.deadline, undefined]);
          if (action === 'request_extension')
            expect(after.extension).toMatchObject({ until: '2026-05-08', by: 'sup-wang' });
          if (action === 'attach') expect(after.attachments).toBe(1);
          if (want.to === 'closed') expect(after.closedAt).toBe(now.toISOString());
        });
      }
    }
  }

  it('the indexes follow: closed items leave the open-by-deadline index, reopened ones come back', async () => {
    const id = await itemIn('closed', false);
    const n = id.slice(3);
    const listedAs = async (status: ItemStatus) =>
      (await store.queryItems({ status: [status], limit: 500 })).items.some((i) => i.id === id);
    expect(await redis.zscore(`${prefix}:ix:open`, n)).toBeNull();
    expect(await listedAs('closed')).toBe(true);
    await store.transition({ item: id, action: 'reopen', actor: 'lead-liu', source: src(), now });
    expect(await redis.zscore(`${prefix}:ix:open`, n)).not.toBeNull();
    expect(await listedAs('closed')).toBe(false);
    expect(await listedAs('in_progress')).toBe(true);
  });

  it('an extension approved with a date of its own moves the deadline and re-sorts the deadline index', async () => {
    const id = await itemIn('in_progress', true);
    const r = await store.transition({
      item: id,
      action: 'approve_extension',
      actor: 'sup-wang',
      source: src(),
      now,
      until: '2026-06-01',
      note: '同意',
    });
    expect(r.ok && r.item.deadline).toBe('2026-06-01');
    const page = await store.scanOpenByDeadline('2026-05-31', undefined, 500);
    expect(page.items.map((i) => i.id)).not.toContain(id);
    expect((await store.scanOpenByDeadline('2026-06-01', undefined, 500)).items.map((i) => i.id)).toContain(
      id,
    );
  });

  it('approving without a date takes the requested one; Lua computes the same day score as the codec', async () => {
    const id = await itemIn('open', true);
    await store.transition({ item: id, action: 'approve_extension', actor: 'sup-wang', source: src(), now });
    const n = Number(id.slice(3));
    expect((await store.getItem(id))!.deadline).toBe('2026-04-30');
    for (const day of ['2026-04-30', '2024-02-29', '2000-03-01', '2099-12-31']) {
      await redis.hset(`${prefix}:zg:${n}`, 'dl', day, 'st', 'closed');
      await store.transition({ item: id, action: 'reopen', actor: 'lead-liu', source: src(), now });
      expect(Number(await redis.zscore(`${prefix}:ix:open`, String(n)))).toBe(dayScore(day, n));
      await store.transition({ item: id, action: 'done', actor: 'x', source: src(), now });
      await store.transition({ item: id, action: 'close', actor: 'x', source: src(), now });
    }
  });

  it('the same source message twice gives one event, duplicate:true and the first event back', async () => {
    const id = await itemIn('open', false);
    const s = src();
    const auditBefore = await redis.xlen(`${prefix}:audit`);
    const first = await store.transition({
      item: id,
      action: 'done',
      actor: 'pri-li',
      source: s,
      now,
      note: '已整改',
    });
    const again = await store.transition({
      item: id,
      action: 'done',
      actor: 'pri-li',
      source: s,
      now: new Date(now.getTime() + 60_000),
      note: '已整改',
    });
    expect(first).toMatchObject({ ok: true, duplicate: false, from: 'open', to: 'submitted' });
    expect(again).toMatchObject({ ok: true, duplicate: true, from: 'open', to: 'submitted' });
    expect(again.ok && again.event).toEqual(first.ok && first.event);
    expect((await store.history(id)).map((e) => e.action)).toEqual(['create', 'done']);
    expect(await redis.xlen(`${prefix}:audit`)).toBe(auditBefore + 1);
    // the same message on another item is a different change
    const other = await itemIn('open', false);
    expect(
      await store.transition({ item: other, action: 'done', actor: 'pri-li', source: s, now }),
    ).toMatchObject({ ok: true, duplicate: false });
  });

  it('unknown items are refused without touching anything', async () => {
    expect(
      await store.transition({ item: 'ZG-99999', action: 'done', actor: 'x', source: src(), now }),
    ).toEqual({ ok: false, code: 'unknown_item' });
    expect(await store.transition({ item: 'bogus', action: 'done', actor: 'x', source: src(), now })).toEqual(
      { ok: false, code: 'unknown_item' },
    );
    expect(await redis.exists(`${prefix}:zg:99999:h`)).toBe(0);
  });
});
