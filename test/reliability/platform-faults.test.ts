// The platforms' API away for a while — connection refused for ~8 s, then a run of HTTP 500s —
// while people keep writing: once it is back, every reply arrives exactly once, and each chat
// gets its replies in the order its messages were sent. In-process (the real app and workers on
// the suite's Redis); the fault sits between the service and the fake platform.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import { Scope, Switch, startFake } from './processes.js';
import { demoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, appText, dingText, duplicates, replies, type Reply, type Sent } from './traffic.js';

const scope = new Scope();
let fake: FakePlatform;
let relay: Switch;
let svc: TestService;

beforeAll(async () => {
  fake = await startFake(scope);
  relay = await Switch.start(scope, fake);
  svc = await startTestService({
    env: {
      ...wecomEnv(),
      ...dingtalkEnv(),
      WECOM_API_BASE: relay.url,
      DINGTALK_API_BASE: relay.url,
      DINGTALK_OAPI_BASE: relay.url,
      SIM: 'off',
    },
  });
  scope.defer(() => svc.close());
  await createStore(svc.rt.redis, svc.rt.prefix).importRoster(demoRoster());
}, 60_000);
afterAll(() => scope.close(), 30_000);

/** chat → the item numbers its replies name, in arrival order */
function byChat(rs: Reply[], chats: Map<string, string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of rs) {
    const chat = chats.get(r.to) ?? r.to;
    const n = /ZG-(\d+)/.exec(r.text);
    if (!n) continue;
    out.set(chat, [...(out.get(chat) ?? []), Number(n[1])]);
  }
  return out;
}

describe('platform API down, then back', () => {
  it('every reply delivered exactly once, in order per chat (connection refused ~8 s, then HTTP 500s)', async () => {
    const users = [
      { chat: 'wecom:' + IDS.supWang.wecom, send: (t: string) => appText(svc.url, IDS.supWang.wecom, t) },
      { chat: 'wecom:' + IDS.priS01.wecom, send: (t: string) => appText(svc.url, IDS.priS01.wecom, t) },
      {
        chat: 'ding:' + IDS.supZhang.dingtalk,
        send: (t: string) => dingText(svc.url, fake, IDS.supZhang.dingtalk, t, { replyBase: relay.url }),
      },
    ];
    const chats = new Map<string, string>(); // reply address → chat
    const expected = new Map<string, number[]>();
    let n = 900;
    const round = async () => {
      const sent: Sent[] = await Promise.all(
        users.map(async (u) => {
          const item = ++n;
          expected.set(u.chat, [...(expected.get(u.chat) ?? []), item]);
          const s = await u.send(`查询 ZG-${item}`); // answered 未找到整改事项 ZG-<item>: one distinct reply each
          chats.set(s.replyTo, u.chat);
          return s;
        }),
      );
      for (const s of sent) expect(s.res.status).toBe(200);
      await sleep(250);
    };

    // 1. connection refused for ~8 s while four rounds of messages come in
    await relay.down();
    const downAt = Date.now();
    for (let i = 0; i < 4; i++) await round();
    await sleep(Math.max(0, 8000 - (Date.now() - downAt)));
    expect(replies(fake)).toHaveLength(0);
    await relay.up();

    // 2. then HTTP 500s, by count, on every send path, while three more rounds come in
    fake.fail('/cgi-bin/message/send', { status: 500 }, 6);
    fake.fail('/robot/sendBySession', { status: 500 }, 3);
    fake.fail('/cgi-bin/gettoken', { status: 500 }, 2);
    for (let i = 0; i < 3; i++) await round();

    const total = [...expected.values()].reduce((a, v) => a + v.length, 0);
    await waitFor(`${total} replies`, () => replies(fake).length >= total, 90_000, 200);
    await sleep(1500);
    const all = replies(fake);
    expect(duplicates(all)).toEqual([]);
    expect(all).toHaveLength(total);
    // every chat got all of its replies, in the order its messages were sent
    expect(Object.fromEntries(byChat(all, chats))).toEqual(Object.fromEntries(expected));
  }, 150_000);

  /**
   * Each reply is its own outbound job with its own backoff; the chat's reply line
   * (src/queue/reply-order.ts) makes a later reply wait while an earlier one is in backoff.
   */
  it('replies in order per chat: a later reply waits for one in backoff', async () => {
    const user = IDS.supZhang.wecom;
    const q = svc.rt.jobQueues.outbound;
    await relay.down();
    const before = replies(fake).length;
    expect((await appText(svc.url, user, '查询 ZG-951')).res.status).toBe(200);
    // its reply job has used its in-process retries and waits in BullMQ's backoff (2 s, then 4 s)
    await waitFor(
      'the first reply in backoff',
      async () => (await q.getDelayed()).some((j) => j.attemptsMade >= 2),
      60_000,
      50,
    );
    await relay.up();
    expect((await appText(svc.url, user, '查询 ZG-952')).res.status).toBe(200);
    await waitFor('both replies', () => replies(fake).length >= before + 2, 60_000, 100);
    const order = replies(fake)
      .slice(before)
      .flatMap((r) => r.items);
    expect(order).toEqual(['ZG-951', 'ZG-952']);
  }, 90_000);
});
