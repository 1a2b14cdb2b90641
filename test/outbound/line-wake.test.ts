import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import type { TestService } from '../helpers/service.js';
import { TURN_WAIT_MS } from '../../jobs/outbound.js';
import { leaveOrder, registerOrder } from '../../src/queue/reply-order.js';
import { orderKeys, outboundKeys } from '../../src/store/keys.js';
import { LIMITS, RateLimiter } from '../../src/platforms/rate-limit.js';
import { recheckCard } from '../platforms/sample-cards.js';
import { waitJob, startOutboundService, type OutboundService } from './helpers.js';
import { sleep } from '../helpers/wait-for.js';

/**
 * A reply waiting its turn in a chat's line is woken by the reply before it leaving: it does not
 * look again by itself for TURN_WAIT_MS (30 s) per place, so a wake that went missing would hold
 * the chat that long. The wake that comes while the reply is still running — between it finding
 * itself second and being put back — is the one that used to go missing; here the reply before it
 * leaves at every moment of that window, many times, and every time the reply goes within seconds.
 */
let on: OutboundService;
let fake: FakePlatform;
let svc: TestService;
const q = () => svc.rt.jobQueues.outbound;

beforeAll(async () => {
  on = await startOutboundService();
  ({ fake, svc } = on);
});
afterAll(() => on?.close());
beforeEach(() => fake.reset());

describe("a chat's line wakes the next reply", () => {
  it('the reply before it leaving at any moment wakes it: never the 30 s look-again', async () => {
    expect(TURN_WAIT_MS).toBeGreaterThanOrEqual(10_000); // what a missed wake would cost
    const { rt } = svc;
    for (let trial = 0; trial < 24; trial++) {
      const chat = `p|p-li-wake-${trial}`;
      const before = `j-before-${trial}`;
      const mine = `j-mine-${trial}`;
      // the reply before: its job is being added right now (a fresh entry holds the line)
      await registerOrder(rt.redis, rt.prefix, [
        { key: chat, jobId: before },
        { key: chat, jobId: mine },
      ]);
      await q().add(
        'send',
        { kind: 'send', to: { type: 'person', personId: 'p-li' }, card: recheckCard, items: [], order: chat },
        { jobId: mine, attempts: 3 },
      );
      const t0 = Date.now();
      await sleep(trial % 12); // somewhere in the window: before, while and after it looks
      await leaveOrder(rt.redis, rt.prefix, chat, before, q());
      const done = await waitJob(q(), mine, 10_000);
      expect(done.state, `trial ${trial}`).toBe('completed');
      expect(Date.now() - t0, `trial ${trial}`).toBeLessThan(5_000);
    }
    expect(fake.delivered('/cgi-bin/message/send')).toHaveLength(24);
  }, 120_000);

  it('a producer run again after its reply went does not put the reply back in the line', async () => {
    const { rt } = svc;
    const chat = 'p|p-li-again';
    const id = 'j-sent-once';
    const keys = (j: string) => [q().toKey(j), q().toKey(`de:${j}`)];
    await registerOrder(rt.redis, rt.prefix, [{ key: chat, jobId: id }], Date.now(), keys);
    await q().add(
      'send',
      { kind: 'send', to: { type: 'person', personId: 'p-li' }, card: recheckCard, items: [], order: chat },
      { jobId: id, deduplication: { id, ttl: 60_000 } },
    );
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(await rt.redis.zcard(orderKeys(rt.prefix).chat(chat))).toBe(0);
    // the producer runs again (a retried inbound job): the job is known, its entry stays out
    const first = await registerOrder(rt.redis, rt.prefix, [{ key: chat, jobId: id }], Date.now(), keys);
    expect(first.size).toBe(0);
    expect(await rt.redis.zcard(orderKeys(rt.prefix).chat(chat))).toBe(0);
    // a new reply to that chat is first at once
    const next = await registerOrder(rt.redis, rt.prefix, [{ key: chat, jobId: 'j-new' }], Date.now(), keys);
    expect([...next]).toEqual(['j-new']);
  });

  it("a smart bot's long answer leaves the chat's line once its response_url part is out: the rest waits for the app's minute, the next answer does not", async () => {
    const { rt } = svc;
    const chat = 'o|wecom|wang-long';
    // the member's app minute is used up: the rest of the long answer must wait for it
    const limiter = new RateLimiter(rt.redis, 0);
    for (let i = 0; i < 25; i++)
      await limiter.acquire(outboundKeys(rt.prefix).rate('wecom-user', 'wang'), LIMITS.wecomAppUser);
    const entries = Array.from({ length: 260 }, (_, i) => ({
      id: `ZG-${i + 1}`,
      text: `第${i + 1}项：教学楼消防通道堆放杂物，应急照明灯不亮，疏散指示标志缺失`,
      meta: '龙泉小学 · 待整改 · 期限 12月10日 周四',
    }));
    const long = {
      ...recheckCard,
      kind: 'item_list' as const,
      title: '我的待办 · 260 项',
      buttons: [],
      entries,
    };
    const origin = (n: string) => ({
      platform: 'wecom',
      channel: 'wecom-bot',
      senderId: 'wang',
      replyVia: { responseUrl: fake.responseUrl(n) },
    });
    await registerOrder(rt.redis, rt.prefix, [
      { key: chat, jobId: 'j-long' },
      { key: chat, jobId: 'j-next' },
    ]);
    await q().add(
      'send',
      { kind: 'send', to: { type: 'origin' }, card: long, items: [], origin: origin('long'), order: chat },
      { jobId: 'j-long', attempts: 3 },
    );
    await q().add(
      'send',
      {
        kind: 'send',
        to: { type: 'origin' },
        card: { ...recheckCard, buttons: [] },
        items: [],
        origin: origin('next'),
        order: chat,
      },
      { jobId: 'j-next', attempts: 3 },
    );
    const done = await waitJob(q(), 'j-next', 10_000);
    expect(done.state).toBe('completed');
    // both response_url parts out; the long answer's rest still waits for the member's minute
    expect(fake.delivered('/cgi-bin/aibot/response')).toHaveLength(2);
    expect(fake.delivered('/cgi-bin/message/send')).toHaveLength(0);
    expect(await q().getJobState('j-long')).toBe('delayed');
    expect(await rt.redis.zcard(orderKeys(rt.prefix).chat(chat))).toBe(0);
    await q().remove('j-long');
  });
});
