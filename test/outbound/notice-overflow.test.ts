import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import type { TestService } from '../helpers/service.js';
import { createOutboundProcessor } from '../../jobs/outbound.js';
import { enqueueReplies } from '../../jobs/enqueue-replies.js';
import { leaveOrder, registerOrder } from '../../src/queue/reply-order.js';
import { OVERFLOW_AT } from '../../src/queue/notice-batch.js';
import { digestJobId, outboundJobId, type Origin } from '../../src/queue/outbound-job.js';
import { orderKeys, outboundKeys, overflowKeys, rateWindowKey } from '../../src/store/keys.js';
import { LIMITS, RateLimiter } from '../../src/platforms/rate-limit.js';
import type { Card } from '../../src/domain/card.js';
import type { HandlerResult } from '../../src/domain/reply.js';
import type { FullStore } from '../../src/store/store.js';
import { finish } from '../../cards/format.js';
import { waitJob, startOutboundService, type OutboundService } from './helpers.js';
import { waitFor } from '../helpers/wait-for.js';
import { noDefer } from '../helpers/no-defer.js';

/**
 * A person's notices past their line's overflow (src/queue/notice-batch.ts): once OVERFLOW_AT
 * replies wait in their line, each further notice is a small entry of their open batch, and one
 * digest job per batch sends the batch as ONE message (jobs/outbound-digest.ts). Counted at the
 * fake WeCom API and on the items' deliveries: every notice named once, none lost, none twice,
 * whatever runs again; and what a kept notice costs in Redis.
 */
let on: OutboundService;
let fake: FakePlatform;
let svc: TestService;
let store: FullStore;
const q = () => svc.rt.jobQueues.outbound;
const appSends = () => fake.delivered('/cgi-bin/message/send');
/** 王督学: on WeCom only, so every message to him is one message/send */
const PERSON = 'p-wang';
const LINE = `p|${PERSON}`;
const origin: Origin = { platform: 'wecom', channel: 'wecom-app', senderId: 'li' };

beforeAll(async () => {
  on = await startOutboundService();
  ({ fake, svc, store } = on);
});
afterAll(() => on?.close());
beforeEach(async () => {
  fake.reset();
  // each test its own person's state: the line, the batches, the rate limit
  const { redis, prefix } = svc.rt;
  // the batch generation is kept: a digest job's id is named by it, and the completed ones stay
  const keys = await redis.keys(`${prefix}:ov:b:*`);
  await redis.del(
    orderKeys(prefix).chat(LINE),
    outboundKeys(prefix).rate('wecom-user', 'wang'),
    rateWindowKey(outboundKeys(prefix).rate('wecom-user', 'wang'), 3_600_000),
    ...keys,
  );
  g0 = Number((await redis.get(overflowKeys(prefix).gen(PERSON))) ?? 0);
});
/** the person's batch generation when the test started */
let g0 = 0;

let itemN = 1000;
const card = (title: string, items: string[]): Card =>
  finish({ kind: 'rectification_notice', title, fields: [{ label: '事项', value: items.join('、') }] });

/** A record's notices to the person: a summary and one card per item, as the record handler makes them. */
function record(items = 2): { result: HandlerResult; titles: string[]; ids: string[] } {
  const ids = Array.from({ length: items }, () => `ZG-${++itemN}`);
  const replies: HandlerResult['replies'] = [
    {
      key: `sum-${PERSON}`,
      to: { type: 'person', personId: PERSON },
      card: card(`整改通知 · ${ids[0]}`, ids),
      items: ids,
    },
    ...ids.map((id, i) => ({
      key: `item-${id}`,
      to: { type: 'person' as const, personId: PERSON },
      card: card(`整改通知 ${id}（${i + 1}/${items}）`, [id]),
      items: [id],
    })),
  ];
  return { result: { replies }, titles: replies.map((r) => r.card.title), ids };
}

let producerN = 0;
const produce = async (result: HandlerResult, producerKey = `j-in-overflow-${++producerN}`) => {
  const { rt } = svc;
  await enqueueReplies(
    { queue: q(), redis: rt.redis, prefix: rt.prefix },
    producerKey,
    origin,
    result,
    rt.now(),
  );
  return producerKey;
};
/** The would-be job of a record's notices (a group: named after its first part and its size). */
const groupId = (producerKey: string, items: number) =>
  outboundJobId(producerKey, `sum-${PERSON}-g${items + 1}`);

/** `n` replies registered ahead (their jobs "being added": they hold the line until they leave). */
async function holdLine(tag: string, n = OVERFLOW_AT): Promise<() => Promise<void>> {
  const { rt } = svc;
  const ids = Array.from({ length: n }, (_, i) => `j-hold-${tag}-${i}`);
  await registerOrder(
    rt.redis,
    rt.prefix,
    ids.map((jobId) => ({ key: LINE, jobId })),
  );
  return async () => {
    for (const id of ids) await leaveOrder(rt.redis, rt.prefix, LINE, id, q());
  };
}

const lineSize = () => svc.rt.redis.zcard(orderKeys(svc.rt.prefix).chat(LINE));
const batchSize = (gen: number) => svc.rt.redis.hlen(overflowKeys(svc.rt.prefix).batch(PERSON, gen));
const sentTo = (s: { body: unknown }) => JSON.stringify(s.body);

describe("a person's notices past their line's overflow", () => {
  it('a short line: notices go as jobs, as always (no batch)', async () => {
    const r = record(2);
    const p = await produce(r.result);
    expect((await q().getJob(groupId(p, 2)))?.name).toBe('sends');
    expect(await svc.rt.redis.exists(overflowKeys(svc.rt.prefix).gen(PERSON))).toBe(0);
    expect(await svc.rt.redis.keys(`${svc.rt.prefix}:ov:*`)).toEqual([]);
    expect(g0).toBe(0);
    await waitJob(q(), groupId(p, 2));
    expect(appSends()).toHaveLength(3);
  });

  it('a long line: one digest job, no job per notice; ONE message naming all; each item delivered; run again, nothing twice', async () => {
    const release = await holdLine('a');
    const records = Array.from({ length: 5 }, () => record(2));
    const producers: string[] = [];
    for (const r of records) producers.push(await produce(r.result));
    // no job per notice: the batch holds them, one digest job waits in the line
    for (const p of producers) expect(await q().getJob(groupId(p, 2))).toBeUndefined();
    const digest = digestJobId(PERSON, g0);
    expect((await q().getJob(digest))?.name).toBe('digest');
    expect(await batchSize(g0)).toBe(5);
    expect(await lineSize()).toBe(OVERFLOW_AT + 1);
    // the producers run again (retried inbound jobs): nothing added
    for (const [i, p] of producers.slice(0, 3).entries()) await produce(records[i]!.result, p);
    expect(await batchSize(g0)).toBe(5);
    expect(await lineSize()).toBe(OVERFLOW_AT + 1);
    for (const p of producers) expect(await q().getJob(groupId(p, 2))).toBeUndefined();

    await release();
    expect((await waitJob(q(), digest, 15_000)).state).toBe('completed');
    expect(appSends()).toHaveLength(1);
    const text = sentTo(appSends()[0]!);
    expect(text).toContain('您有 15 条新通知');
    for (const t of records.flatMap((r) => r.titles)) expect(text).toContain(t);
    for (const id of records.flatMap((r) => r.ids)) {
      const ds = (await store.deliveries(id)).filter((d) => d.cardKind === 'notice_digest');
      expect(
        ds.map((d) => [d.to, d.outcome]),
        id,
      ).toEqual([[PERSON, 'sent']]);
    }
    // done: the line is empty, the batch gone, the next generation open to nothing
    expect(await lineSize()).toBe(0);
    await waitFor('the batch deleted', async () => (await batchSize(g0)) === 0, 5_000, 50);
    expect(await svc.rt.redis.get(overflowKeys(svc.rt.prefix).gen(PERSON))).toBe(String(g0 + 1));

    // a producer run again after its notice went merged: no job, no batch entry, nothing sent
    await produce(records[0]!.result, producers[0]);
    expect(await q().getJob(groupId(producers[0]!, 2))).toBeUndefined();
    expect(await batchSize(g0 + 1)).toBe(0);
    expect(await lineSize()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(appSends()).toHaveLength(1);
  }, 30_000);

  it("a bound chat's line past the overflow too: its notices go as ONE message to the group", async () => {
    const { rt } = svc;
    const CHAT = 'c|zone|Z1';
    await rt.redis.del(orderKeys(rt.prefix).chat(CHAT));
    const gc = Number((await rt.redis.get(overflowKeys(rt.prefix).gen(CHAT))) ?? 0);
    const ids = Array.from({ length: OVERFLOW_AT }, (_, i) => `j-hold-chat-${i}`);
    await registerOrder(
      rt.redis,
      rt.prefix,
      ids.map((jobId) => ({ key: CHAT, jobId })),
    );
    const titles: string[] = [];
    for (let n = 0; n < 4; n++) {
      const id = `ZG-${++itemN}`;
      titles.push(`督导记录 DD-${itemN} 已登记 · ${id}`);
      await produce({
        replies: [
          {
            key: 'zone',
            to: { type: 'bound_chat', binding: { type: 'zone', id: 'Z1' } },
            card: card(titles[n]!, [id]),
            items: [id],
          },
        ],
      });
    }
    const digest = digestJobId(CHAT, gc);
    expect((await q().getJob(digest))?.data).toMatchObject({
      kind: 'digest',
      owner: CHAT,
      to: { type: 'bound_chat', binding: { type: 'zone', id: 'Z1' } },
    });
    expect(await rt.redis.hlen(overflowKeys(rt.prefix).batch(CHAT, gc))).toBe(4);
    for (const id of ids) await leaveOrder(rt.redis, rt.prefix, CHAT, id, q());
    expect((await waitJob(q(), digest, 15_000)).state).toBe('completed');
    const group = fake.delivered('/cgi-bin/webhook/send');
    expect(group).toHaveLength(1);
    const text = sentTo(group[0]!);
    expect(text).toContain('您有 4 条新通知');
    for (const t of titles) expect(text).toContain(t);
    expect(appSends()).toHaveLength(0);
  }, 30_000);

  it('notices arriving while the digest waits for its slot go to the next batch and its job: none lost, none twice', async () => {
    const { rt } = svc;
    const releaseAhead = await holdLine('b1');
    const first = Array.from({ length: 3 }, () => record(1));
    for (const r of first) await produce(r.result);
    const d0 = digestJobId(PERSON, g0);
    // the line stays long behind the digest; the person's minute is used up
    const releaseBehind = await holdLine('b2');
    const rate = outboundKeys(rt.prefix).rate('wecom-user', 'wang');
    const limiter = new RateLimiter(rt.redis, 0);
    for (let i = 0; i < LIMITS.wecomAppUser[0]!.max; i++) await limiter.acquire(rate, LIMITS.wecomAppUser);
    // its turn: the digest closes batch 0 and waits for a slot
    await releaseAhead();
    await waitFor(
      'batch 0 closed',
      async () => (await rt.redis.get(overflowKeys(rt.prefix).gen(PERSON))) === String(g0 + 1),
      10_000,
      50,
    );
    await waitFor(
      'the digest waiting for its slot',
      async () => (await q().getJob(d0))?.getState().then((s) => s === 'delayed'),
      10_000,
      50,
    );
    expect(appSends()).toHaveLength(0);
    // meanwhile: four more records, to batch 1 and its own digest job, behind
    const later = Array.from({ length: 4 }, () => record(1));
    for (const r of later) await produce(r.result);
    expect(await batchSize(g0)).toBe(3);
    expect(await batchSize(g0 + 1)).toBe(4);
    const d1 = digestJobId(PERSON, g0 + 1);
    expect((await q().getJob(d1))?.name).toBe('digest');
    // the slot comes: batch 0 goes; then batch 1 when the line lets it
    await rt.redis.del(rate, rateWindowKey(rate, 3_600_000));
    await (await q().getJob(d0))!.promote();
    expect((await waitJob(q(), d0, 15_000)).state).toBe('completed');
    await releaseBehind();
    expect((await waitJob(q(), d1, 15_000)).state).toBe('completed');
    const sent = appSends().map(sentTo);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toContain('您有 6 条新通知');
    expect(sent[1]).toContain('您有 8 条新通知');
    for (const t of first.flatMap((r) => r.titles)) {
      expect(sent[0]).toContain(t);
      expect(sent[1]).not.toContain(t);
    }
    for (const t of later.flatMap((r) => r.titles)) expect(sent[1]).toContain(t);
    // every item delivered once, by its batch's digest
    for (const id of [...first, ...later].flatMap((r) => r.ids))
      expect(
        (await store.deliveries(id)).filter((d) => d.cardKind === 'notice_digest'),
        id,
      ).toHaveLength(1);
  }, 40_000);

  it('the digest job run again after it sent (killed before it completed) sends nothing twice', async () => {
    const { rt } = svc;
    await q().pause(); // the queued digest job is taken out before a worker takes it
    const release = await holdLine('c');
    const r = record(3);
    await produce(r.result);
    const digest = digestJobId(PERSON, g0);
    // the queued digest job is taken out: this test runs it by hand, twice, as a retry would
    await (await q().getJob(digest))!.remove();
    await q().resume();
    await release();
    const run = createOutboundProcessor({ timeoutMs: 300 });
    const ctx = (attempt: number) => ({
      rt,
      jobId: digest,
      attempt,
      attempts: 10,
      jobName: 'digest',
      defer: noDefer,
    });
    const data = {
      kind: 'digest',
      owner: PERSON,
      to: { type: 'person', personId: PERSON },
      gen: g0,
      order: LINE,
    };
    await run(data, ctx(0));
    await run(data, ctx(1)); // the process died after sending, before the job completed
    expect(appSends()).toHaveLength(1);
    expect(sentTo(appSends()[0]!)).toContain('您有 4 条新通知');
    for (const id of r.ids)
      expect(
        (await store.deliveries(id)).filter((d) => d.cardKind === 'notice_digest'),
        id,
      ).toHaveLength(1);
  });

  it('a kept notice costs at most about 150 B of Redis', async () => {
    const { rt } = svc;
    await holdLine('m');
    const N = 100;
    const producers: string[] = [];
    let notices = 0;
    for (let i = 0; i < N; i++) {
      const r = record(3); // as in the soak: a summary and a card per item
      notices += r.titles.length;
      producers.push(await produce(r.result));
    }
    expect(await batchSize(g0)).toBe(N);
    const usage = async (k: string) => Number(await rt.redis.call('MEMORY', 'USAGE', k, 'SAMPLES', '0'));
    const batch = await usage(overflowKeys(rt.prefix).batch(PERSON, g0));
    // each kept notice's deduplication key, until its producer has completed
    let dedup = 0;
    for (const p of producers) dedup += await usage(q().toKey(`de:${groupId(p, 3)}`));
    const perNotice = batch / notices;
    const withDedup = (batch + dedup) / notices;
    console.log(
      `kept notices: ${perNotice.toFixed(0)} B each, ${withDedup.toFixed(0)} B with their producers' dedup keys`,
    );
    expect(perNotice).toBeLessThanOrEqual(150);
    expect(withDedup).toBeLessThanOrEqual(150);
  });
});
