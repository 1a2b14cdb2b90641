import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitReady } from '../helpers/inbound-jobs.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import { WecomClient } from '../../src/platforms/wecom/client.js';
import { DingtalkClient } from '../../src/platforms/dingtalk/client.js';
import { UrlPolicy } from '../../src/platforms/url-policy.js';
import { USED_TTL_S, outboundKeys } from '../../src/store/keys.js';
import { isPlatformError } from '../../src/platforms/platform-error.js';
import { Scope, startFake } from '../reliability/processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { IDS, botText, dingText, nextId, replies } from '../reliability/traffic.js';
import { demoRoster } from '../helpers/district.js';

/**
 * "Outbound goes only to the platforms" (docs/security.md), finding 4: any response_url or
 * sessionWebhook in a callback, and any roster chat "webhook", was POSTed to, redirects followed;
 * a forged message made the worker POST to http://127.0.0.1:….
 *
 * A trap server on another local port records anything that reaches it. The callbacks are
 * genuinely signed (a platform's account holder, or a leaked key, can put any URL in them).
 */
const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
let trap: { url: string; hits: string[]; server: Server };
const SECRET_QUERY = 'key=TRAPSECRET123';

async function startTrap(redirectTo?: string) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    if (redirectTo) {
      res.writeHead(302, { location: redirectTo });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"errcode":0,"errmsg":"ok"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  scope.defer(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

beforeAll(async () => {
  fake = await startFake(scope);
  trap = await startTrap();
  svc = await startTestService({
    env: {
      ...wecomEnv(),
      ...dingtalkEnv(),
      WECOM_API_BASE: fake.url,
      DINGTALK_API_BASE: fake.url,
      DINGTALK_OAPI_BASE: fake.url,
      SIM: 'off',
    },
  });
  scope.defer(() => svc.close());
  await waitReady(svc.url);
  // the demo district, with zone 1's WeCom chat and zone 2's DingTalk chat bound to the trap
  const demo = demoRoster();
  demo.chats = [
    { ...demo.chats[0]!, chatId: `${trap.url}/cgi-bin/webhook/send?${SECRET_QUERY}` },
    { ...demo.chats[1]!, chatId: `${trap.url}/robot/send?access_token=TRAPSECRET123` },
  ];
  await createStore(svc.rt.redis, svc.rt.prefix).importRoster(demo);
  // what an earlier version left: one used-code set that never expired
  await svc.rt.redis.sadd(outboundKeys(svc.rt.prefix).legacyUsedSet('response_url'), 'https://old');
}, 60_000);
afterAll(() => scope.close(), 30_000);

const idle = async () => {
  const q = svc.rt.jobQueues;
  await waitFor(
    'queues idle',
    async () => {
      const c = await Promise.all(
        [q.inbound, q.outbound].map((x) => x.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
      );
      return c.every((x) => Object.values(x).every((n) => n === 0));
    },
    30_000,
  );
};

const refusedLines = () =>
  svc.logs.lines.map((l) => JSON.parse(l)).filter((l) => /outbound URL refused/.test(l.msg ?? ''));

describe('outbound URLs from callbacks and the roster', () => {
  it('a control message with the configured base is answered there', async () => {
    const bot = await botText(svc.url, fake, IDS.supWang.wecom, '帮助');
    const ding = await dingText(svc.url, fake, IDS.supZhang.dingtalk, '帮助');
    expect([bot.res.status, ding.res.status]).toEqual([200, 200]);
    await waitFor('both answered', () => {
      const to = replies(fake).map((r) => r.to);
      return to.includes(bot.replyTo) && to.includes(ding.replyTo);
    });
  });

  it('a smart-bot response_url at another port gets nothing; the sender is answered through the app', async () => {
    const before = replies(fake).length;
    const id = nextId('trap-bot');
    const sent = await botText(svc.url, fake, IDS.supWang.wecom, '帮助', {
      id,
      replyBase: trap.url,
    });
    expect(sent.res.status).toBe(200);
    await waitFor('answered through the app', () =>
      replies(fake)
        .slice(before)
        .some((r) => r.to === `wecom:${IDS.supWang.wecom}`),
    );
    await idle();
    expect(trap.hits).toEqual([]);
  });

  it('a DingTalk sessionWebhook at another port gets nothing; the sender is answered through the robot API', async () => {
    const before = replies(fake).length;
    const sent = await dingText(svc.url, fake, IDS.supZhang.dingtalk, '帮助', { replyBase: trap.url });
    expect(sent.res.status).toBe(200);
    await waitFor('answered through batchSend', () =>
      replies(fake)
        .slice(before)
        .some((r) => r.to === `ding:${IDS.supZhang.dingtalk}`),
    );
    await idle();
    expect(trap.hits).toEqual([]);
  });

  it('roster chat webhooks to a foreign URL (WeCom group robot, DingTalk custom robot) get nothing', async () => {
    const rec = (school: string) =>
      `提交督导记录\n学校：${school}\n类型：挂牌督导\n情况：检查校园安全。\n问题：\n1、门卫登记不全，5个工作日内整改`;
    const a = await botText(svc.url, fake, IDS.supWang.wecom, rec('龙泉小学'));
    const b = await dingText(svc.url, fake, IDS.supZhang.dingtalk, rec('棠香街道中心小学'));
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    await waitFor('both records answered', () => {
      const to = replies(fake).map((r) => r.to);
      return to.includes(a.replyTo) && to.includes(b.replyTo);
    });
    await idle();
    expect(trap.hits).toEqual([]);
    // each refusal is one warn line naming the host and why, never the path or query
    const uses = refusedLines().map((l) => l.use);
    expect(uses).toEqual(
      expect.arrayContaining([
        'wecom response_url',
        'dingtalk sessionWebhook',
        'wecom group robot webhook',
        'dingtalk robot webhook',
      ]),
    );
    for (const l of refusedLines()) {
      expect(l.level).toBe(40);
      expect(l.host).toBe(new URL(trap.url).host);
    }
    expect(svc.logs.text()).not.toContain('TRAPSECRET123');
  });
});

describe('used one-time codes', () => {
  it('finding 7: every out:used:* key expires, the old never-expiring set included', async () => {
    const keys = await svc.rt.redis.keys(`${svc.rt.prefix}:out:used:*`);
    expect(keys.length).toBeGreaterThan(1); // the response_urls used above, and the old set
    for (const k of keys) {
      const ttl = await svc.rt.redis.ttl(k);
      expect(ttl, k).toBeGreaterThan(0);
      expect(ttl, k).toBeLessThanOrEqual(USED_TTL_S.response_code);
    }
  });
});

describe('the policy and the clients', () => {
  const policy = new UrlPolicy({
    wecomApiBase: 'https://qyapi.weixin.qq.com',
    dingtalkApiBase: 'https://api.dingtalk.com',
    dingtalkOapiBase: 'https://oapi.dingtalk.com',
  });
  it('allows exactly the configured origins', () => {
    const ok = (url: string, use: Parameters<UrlPolicy['check']>[1]) => policy.check(url, use).ok;
    expect(
      ok('https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x', 'wecom response_url'),
    ).toBe(true);
    expect(ok('https://oapi.dingtalk.com/robot/sendBySession?session=x', 'dingtalk sessionWebhook')).toBe(
      true,
    );
    expect(ok('https://oapi.dingtalk.com/robot/send?access_token=x', 'dingtalk robot webhook')).toBe(true);
    for (const [url, use] of [
      ['http://qyapi.weixin.qq.com/cgi-bin/aibot/response', 'wecom response_url'], // not https
      ['https://qyapi.weixin.qq.com:8443/cgi-bin/aibot/response', 'wecom response_url'],
      ['https://qyapi.weixin.qq.com.evil.cn/cgi-bin/aibot/response', 'wecom response_url'],
      ['https://evil.cn/?https://qyapi.weixin.qq.com/', 'wecom response_url'],
      ['https://user:pw@qyapi.weixin.qq.com/cgi-bin/aibot/response', 'wecom response_url'],
      ['https://oapi.dingtalk.com/robot/sendBySession', 'wecom response_url'], // the other platform's
      ['https://qyapi.weixin.qq.com/robot/send', 'dingtalk robot webhook'],
      ['http://127.0.0.1:6379/', 'dingtalk sessionWebhook'],
      ['file:///etc/passwd', 'dingtalk sessionWebhook'],
      ['data:text/plain,x', 'wecom group robot webhook'],
      ['not a url', 'wecom group robot webhook'],
    ] as const)
      expect(ok(url, use), url).toBe(false);
  });

  it('redirects are not followed, not even from the configured origin', async () => {
    const target = await startTrap();
    const redirecting = await startTrap(`${target.url}/stolen`);
    const wecom = new WecomClient({
      baseUrl: redirecting.url,
      redis: svc.rt.redis,
      tokenKey: `${svc.rt.prefix}:tok:test-redirect`,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
    });
    const ding = new DingtalkClient({
      apiBase: redirecting.url,
      redis: svc.rt.redis,
      tokenKey: `${svc.rt.prefix}:tok:test-redirect-d`,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
    });
    const failures = await Promise.all([
      wecom
        .responseUrlSend(`${redirecting.url}/cgi-bin/aibot/response?response_code=r`, { msgtype: 'text' })
        .then(
          () => undefined,
          (e: unknown) => e,
        ),
      ding.sessionSend(`${redirecting.url}/robot/sendBySession?session=s`, {}).then(
        () => undefined,
        (e: unknown) => e,
      ),
    ]);
    for (const e of failures) expect(isPlatformError(e) && e.kind === 'permanent').toBe(true);
    expect(redirecting.hits).toHaveLength(2);
    expect(target.hits).toEqual([]);
  });
});
