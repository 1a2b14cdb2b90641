import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { callbackCount, inboundJobCount, waitReady } from '../helpers/inbound-jobs.js';
import { DINGTALK_TEST, cardHeaders, dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import { encodeButtonKey } from '../../src/platforms/button-key.js';
import { Scope, startFake } from '../reliability/processes.js';
import { demoRoster } from '../helpers/district.js';
import { waitFor } from '../helpers/wait-for.js';
import { IDS, dingText, replies } from '../reliability/traffic.js';

/**
 * "A signature is good for one message" (docs/security.md), finding 3: DingTalk's robot `sign`
 * covers only its `timestamp`, and a 50-minute-old pair sent again with a new body (another
 * msgId, a principal's senderStaffId, "收到 ZG-1") acknowledged ZG-1 as that principal.
 */
const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
let store: FullStore;

beforeAll(async () => {
  fake = await startFake(scope);
  svc = await startTestService({
    env: {
      ...dingtalkEnv(),
      DINGTALK_API_BASE: fake.url,
      DINGTALK_OAPI_BASE: fake.url,
      SIM: 'off',
    },
  });
  scope.defer(() => svc.close());
  await waitReady(svc.url);
  store = createStore(svc.rt.redis, svc.rt.prefix);
  await store.importRoster(demoRoster());
  await store.createRecord({
    command: {
      command: 'submit_record',
      school: { id: 'S01', name: '龙泉小学' },
      date: '2026-11-02',
      kind: '挂牌督导',
      problems: [{ text: '门卫登记不全', deadline: '2026-12-31', deadlineSource: 'text' }],
    },
    supervisor: IDS.supWang.id,
    source: { platform: 'sim', messageId: 'replay-rec' },
    now: new Date('2026-11-02T02:00:00Z'),
  });
}, 60_000);
afterAll(() => scope.close(), 30_000);

const idle = async () => {
  const q = svc.rt.jobQueues;
  const busy = async () => {
    const counts = await Promise.all(
      [q.inbound, q.outbound].map((x) => x.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
    );
    return counts.some((c) => Object.values(c).some((n) => n > 0));
  };
  await waitFor('queues idle', async () => !(await busy()), 30_000);
};

describe('DingTalk robot: a (timestamp, sign) pair is bound to its first msgId', () => {
  it('the same pair 50 minutes later with another msgId, sender and text: 401, nothing enqueued, nothing done', async () => {
    const t = String(Date.now() - 50 * 60_000);
    const first = await dingText(svc.url, fake, IDS.supWang.dingtalk, '待办', { timestamp: t });
    expect(first.res.status).toBe(200);
    await idle();
    const jobs = await inboundJobCount(svc);
    const refused0 = await callbackCount(svc.url, 'dingtalk', 'bad_signature');
    const sent0 = replies(fake).length;

    const forged = await dingText(svc.url, fake, IDS.priS01.dingtalk, '收到 ZG-1', { timestamp: t });
    expect(forged.res.status).toBe(401);
    expect(await inboundJobCount(svc)).toBe(jobs);
    expect(await callbackCount(svc.url, 'dingtalk', 'bad_signature')).toBe(refused0 + 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(replies(fake).length).toBe(sent0);
    expect((await store.getItem('ZG-1'))?.status).toBe('open');
    expect(await store.history('ZG-1')).toHaveLength(1); // created, nothing since
  });

  it('the same pair with the same msgId is the platform retrying: 2xx, handled once', async () => {
    const t = String(Date.now() - 10 * 60_000);
    const dup0 = await callbackCount(svc.url, 'dingtalk', 'duplicate');
    const jobs = await inboundJobCount(svc);
    const a = await dingText(svc.url, fake, IDS.priS01.dingtalk, '收到 ZG-1', { timestamp: t });
    const b = await dingText(svc.url, fake, IDS.priS01.dingtalk, '收到 ZG-1', { timestamp: t, id: a.id });
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    expect(await inboundJobCount(svc)).toBe(jobs + 1);
    expect(await callbackCount(svc.url, 'dingtalk', 'duplicate')).toBe(dup0 + 1);
    await idle();
    expect((await store.getItem('ZG-1'))?.status).toBe('in_progress');
    const acks = (await store.history('ZG-1')).filter((e) => e.action === 'acknowledge');
    expect(acks).toHaveLength(1);
    expect(replies(fake).filter((r) => r.to === `session:${a.id}`)).toHaveLength(1);
  });

  it('a message for another robot (robotCode not DINGTALK_ROBOT_CODE) is 401 and enqueues nothing', async () => {
    const jobs = await inboundJobCount(svc);
    const refused0 = await callbackCount(svc.url, 'dingtalk', 'bad_signature');
    const { robotHeaders } = await import('../helpers/dingtalk-sign.js');
    for (const robotCode of ['dingotherrobot', undefined, '']) {
      const body = {
        conversationId: 'cid-x',
        msgId: `other-robot-${String(robotCode)}`,
        senderStaffId: IDS.supWang.dingtalk,
        conversationType: '1',
        msgtype: 'text',
        text: { content: '待办' },
        ...(robotCode === undefined ? {} : { robotCode }),
      };
      const r = await fetch(`${svc.url}/dingtalk/robot`, {
        method: 'POST',
        headers: robotHeaders(DINGTALK_TEST.appSecret),
        body: JSON.stringify(body),
      });
      expect(r.status, String(robotCode)).toBe(401);
    }
    expect(await inboundJobCount(svc)).toBe(jobs);
    expect(await callbackCount(svc.url, 'dingtalk', 'bad_signature')).toBe(refused0 + 3);
  });
});

describe('DingTalk card callback: its signature pair is bound to its first body', () => {
  const click = (userId: string, item: string) =>
    JSON.stringify({
      type: 'actionCallback',
      outTrackId: `track-${item}-${userId}`,
      userId,
      corpId: 'dingcorp',
      content: JSON.stringify({
        cardPrivateData: { actionIds: [encodeButtonKey('done', item)], params: {} },
      }),
    });

  it('the same headers with another click: 401, nothing enqueued; with the same click: a duplicate', async () => {
    const headers = cardHeaders(DINGTALK_TEST.appSecret);
    const jobs = await inboundJobCount(svc);
    const dup0 = await callbackCount(svc.url, 'dingtalk', 'duplicate');
    const post = (body: string) => fetch(`${svc.url}/dingtalk/card`, { method: 'POST', headers, body });
    expect((await post(click(IDS.supWang.dingtalk, 'ZG-7'))).status).toBe(200);
    expect((await post(click(IDS.priS01.dingtalk, 'ZG-1'))).status).toBe(401);
    expect((await post(click(IDS.supWang.dingtalk, 'ZG-7'))).status).toBe(200);
    expect(await inboundJobCount(svc)).toBe(jobs + 1);
    expect(await callbackCount(svc.url, 'dingtalk', 'duplicate')).toBe(dup0 + 1);
    await idle();
    expect((await store.getItem('ZG-1'))?.status).not.toBe('submitted');
  });
});

describe('the claim key', () => {
  it('expires once the pair can no longer pass the ±1 h window, and holds only a hash of the pair', async () => {
    const { signatureKey } = await import('../../src/store/keys.js');
    const t = String(Date.now() - 30 * 60_000);
    const sent = await dingText(svc.url, fake, IDS.supWang.dingtalk, '帮助', { timestamp: t });
    expect(sent.res.status).toBe(200);
    const { robotSign } = await import('../../src/platforms/dingtalk/sign.js');
    const key = signatureKey(svc.rt.prefix, {
      channel: 'dingtalk-robot',
      timestamp: t,
      sign: robotSign(DINGTALK_TEST.appSecret, t),
    });
    const ttl = await svc.rt.redis.ttl(key);
    // 30 min left in the window, plus a minute
    expect(ttl).toBeGreaterThan(30 * 60);
    expect(ttl).toBeLessThanOrEqual(31 * 60 + 5);
    expect(key).not.toContain(robotSign(DINGTALK_TEST.appSecret, t));
    expect(await svc.rt.redis.get(key)).toBe(sent.id);
    await idle();
  });
});
