// Hostile input, in-process (the real app and workers on the suite's Redis, the API on; the
// simulator's routes on a second service without platforms, since SIM=on is refused beside one):
// 1. fast-check throws malformed, oversized, wrongly signed, stale (replayed after the window)
//    and replayed-within-the-window callbacks at every route: only 4xx (a replay inside the
//    window is a 200 duplicate), never 5xx, nothing enqueued, no stack trace and no body text
//    in the log;
// 2. random Chinese / emoji / control-character text through the whole pipeline as commands
//    from a known supervisor and principal: every reply that reaches the (fake) platform is
//    well-formed and within the platform's byte limit.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { WECOM_TEST, buildWecomAppCallback, buildWecomBotCallback, wecomEnv } from '../helpers/wecom-sign.js';
import {
  DINGTALK_TEST,
  buildDingtalkEvent,
  cardHeaders,
  dingtalkEnv,
  robotHeaders,
} from '../helpers/dingtalk-sign.js';
import { inboundJobCount } from '../helpers/inbound-jobs.js';
import { createStore } from '../../src/store/redis-store.js';
import { ADMIN_TOKEN, Scope, startFake } from './processes.js';
import { demoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, appText, botText, dingText, malformed, replies } from './traffic.js';

const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
/** the simulator: never beside a platform (docs/security.md), so a service of its own */
let simSvc: TestService;
/** a word put into every fuzzed body: it must never show up in the log */
const MARK = 'ZZBODYMARKZZ';

beforeAll(async () => {
  fake = await startFake(scope);
  svc = await startTestService({
    env: {
      ...wecomEnv(),
      ...dingtalkEnv(),
      WECOM_API_BASE: fake.url,
      DINGTALK_API_BASE: fake.url,
      DINGTALK_OAPI_BASE: fake.url,
      SIM: 'off',
      ADMIN_TOKEN,
    },
  });
  scope.defer(() => svc.close());
  simSvc = await startTestService({ env: { SIM: 'on' }, worker: false });
  scope.defer(() => simSvc.close());
  await createStore(svc.rt.redis, svc.rt.prefix).importRoster(demoRoster());
}, 60_000);
afterAll(() => scope.close(), 30_000);

// ------------------------------------------------------------------ arbitraries

const junk = fc
  .oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom(
      '',
      '{}',
      '[]',
      'null',
      '<xml></xml>',
      '<xml><Encrypt><![CDATA[]]></Encrypt></xml>',
      '{"encrypt":""}',
      '{"encrypt":123}',
      '\u0000\u0001',
      '{"a":',
    ),
  )
  .map((s) => `${s}${MARK}`);

const b64 = fc.stringMatching(/^[A-Za-z0-9+/]{20,200}={0,2}$/);
const ts = fc.oneof(
  fc.constant(String(Math.floor(Date.now() / 1000))),
  fc.integer({ min: -1, max: 9_999_999_999 }).map(String),
  fc.string({ maxLength: 20 }),
);
const sig = fc.oneof(fc.stringMatching(/^[0-9a-f]{40}$/), fc.string({ maxLength: 64 }), fc.constant(''));
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

interface Req {
  what: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const oversized = (path: string, headers: Record<string, string>): Req => ({
  what: 'oversized',
  method: 'POST',
  path,
  headers,
  body: 'x'.repeat(70 * 1024) + MARK,
});

/** Every callback route, several ways of being wrong. */
const hostile: fc.Arbitrary<Req> = fc.oneof(
  // WeCom app / bot: junk bodies, forged envelopes, bad or missing query
  fc
    .record({
      which: fc.constantFrom('app', 'bot'),
      body: junk,
      sig,
      ts,
      nonce: fc.string({ maxLength: 20 }),
    })
    .map((x) => ({
      what: `wecom ${x.which} junk`,
      method: 'POST',
      path: `/wecom/${x.which}?${qs({ msg_signature: x.sig, timestamp: x.ts, nonce: x.nonce })}`,
      headers: { 'content-type': 'text/xml' },
      body: x.body,
    })),
  fc.record({ which: fc.constantFrom('app', 'bot'), enc: b64, sig, ts }).map((x) => ({
    what: `wecom ${x.which} forged envelope`,
    method: 'POST',
    path: `/wecom/${x.which}?${qs({ msg_signature: x.sig, timestamp: x.ts, nonce: 'n' })}`,
    headers: { 'content-type': 'application/json' },
    body:
      x.which === 'app'
        ? `<xml><Encrypt><![CDATA[${x.enc}]]></Encrypt><X>${MARK}</X></xml>`
        : JSON.stringify({ encrypt: x.enc, x: MARK }),
  })),
  // WeCom: correctly signed and encrypted, but the plaintext is junk (signed by someone holding the keys, or a bug)
  fc.record({ which: fc.constantFrom('app', 'bot'), plain: junk }).map((x) => {
    const c =
      x.which === 'app'
        ? buildWecomAppCallback(WECOM_TEST, x.plain)
        : buildWecomBotCallback(WECOM_TEST, x.plain);
    return {
      what: `wecom ${x.which} signed junk`,
      method: 'POST',
      path: c.url,
      headers: { 'content-type': 'text/xml' },
      body: c.body,
    };
  }),
  fc
    .record({
      which: fc.constantFrom('app', 'bot'),
      q: fc.dictionary(
        fc.constantFrom('msg_signature', 'timestamp', 'nonce', 'echostr', 'x'),
        fc.string({ maxLength: 80 }),
      ),
    })
    .map((x) => ({
      what: `wecom ${x.which} URL check`,
      method: 'GET',
      path: `/wecom/${x.which}?${qs(x.q)}`,
    })),
  // DingTalk robot / card: bad sign or timestamp headers, junk bodies
  fc
    .record({
      path: fc.constantFrom('/dingtalk/robot', '/dingtalk/card'),
      body: junk,
      t: ts,
      s: fc.string({ maxLength: 60 }),
      real: fc.boolean(),
    })
    .map((x) => ({
      what: `dingtalk ${x.path} ${x.real ? 'signed junk' : 'bad sign'}`,
      method: 'POST',
      path: x.path,
      headers: x.real
        ? x.path === '/dingtalk/robot'
          ? robotHeaders(DINGTALK_TEST.appSecret)
          : cardHeaders(DINGTALK_TEST.appSecret)
        : x.path === '/dingtalk/robot'
          ? { 'content-type': 'application/json', timestamp: x.t, sign: x.s }
          : {
              'content-type': 'application/json',
              'x-ddpaas-signature-timestamp': x.t,
              'x-ddpaas-signature': x.s,
            },
      body: x.body,
    })),
  // DingTalk events: junk, forged, or signed junk
  fc.record({ body: junk, sig, t: ts }).map((x) => ({
    what: 'dingtalk events junk',
    method: 'POST',
    path: `/dingtalk/events?${qs({ signature: x.sig, timestamp: x.t, nonce: 'n' })}`,
    headers: { 'content-type': 'application/json' },
    body: x.body,
  })),
  junk.map((plain) => {
    const e = buildDingtalkEvent(DINGTALK_TEST, plain);
    return {
      what: 'dingtalk events signed junk',
      method: 'POST',
      path: e.url,
      headers: { 'content-type': 'application/json' },
      body: e.body,
    };
  }),
  // the simulator's API: malformed bodies
  fc
    .record({
      path: fc.constantFrom('/sim/api/messages', '/sim/api/actions', '/sim/api/clock'),
      body: fc.oneof(
        junk,
        fc.json().map((j) => j + MARK),
        fc
          .record({ person: fc.string(), conversation: fc.string(), text: fc.constant(MARK) })
          .map((o) => JSON.stringify(o)),
      ),
    })
    .map((x) => ({
      what: `sim ${x.path}`,
      method: 'POST',
      path: x.path,
      headers: { 'content-type': 'application/json' },
      body: x.body,
    })),
  fc
    .record({
      path: fc.constantFrom('/sim/api/conversations', '/sim/api/events', '/sim/media/x'),
      q: fc.string({ maxLength: 40 }),
    })
    .map((x) => ({
      what: `sim GET ${x.path}`,
      method: 'GET',
      path: `${x.path}?person=${encodeURIComponent(x.q)}`,
    })),
  // the JSON API: no token, a wrong one, junk paths and query values
  fc
    .record({
      auth: fc.constantFrom('none', 'wrong', 'basic-wrong', 'right'),
      path: fc.constantFrom(
        'items',
        'items/ZG-1',
        'records',
        'records/DD-1',
        'schools/S01',
        'stats',
        'digest',
        'export.xlsx',
        'roster',
        'nope',
      ),
      q: fc.dictionary(
        fc.constantFrom(
          'school',
          'zone',
          'status',
          'overdue',
          'from',
          'to',
          'cursor',
          'limit',
          'month',
          'date',
          'supervisor',
        ),
        fc.string({ maxLength: 30 }).map((s) => s + 'Ω'),
        { minKeys: 1, maxKeys: 3 },
      ),
      post: fc.boolean(),
    })
    .map((x) => ({
      what: `api ${x.auth} ${x.path}`,
      method: x.post ? 'POST' : 'GET',
      path: `/api/v1/${x.path}?${qs(x.q)}`,
      headers: {
        ...(x.auth === 'right'
          ? { authorization: `Bearer ${ADMIN_TOKEN}` }
          : x.auth === 'wrong'
            ? { authorization: 'Bearer nope' }
            : x.auth === 'basic-wrong'
              ? { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }
              : {}),
        'content-type': 'application/json',
      },
      body: x.post ? `{"schools":[${MARK}` : undefined,
    })),
  fc.constantFrom(
    oversized('/wecom/app?msg_signature=a&timestamp=1&nonce=n', { 'content-type': 'text/xml' }),
    oversized('/wecom/bot?msg_signature=a&timestamp=1&nonce=n', { 'content-type': 'application/json' }),
    oversized('/dingtalk/robot', robotHeaders(DINGTALK_TEST.appSecret)),
    oversized('/dingtalk/card', cardHeaders(DINGTALK_TEST.appSecret)),
    oversized('/dingtalk/events?signature=a&timestamp=1&nonce=n', { 'content-type': 'application/json' }),
  ),
);

async function send(r: Req): Promise<number> {
  const base = r.path.startsWith('/sim') ? simSvc.url : svc.url;
  const res = await fetch(base + r.path, {
    method: r.method,
    headers: r.headers,
    body: r.body,
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

const logHasNoSecrets = () => {
  const text = svc.logs.text() + simSvc.logs.text();
  expect(text).not.toContain(MARK);
  expect(text).not.toMatch(/"stack"|\n\s+at \S+ \(|Error: .*\n\s+at /);
  for (const secret of [
    WECOM_TEST.secret,
    WECOM_TEST.aesKey,
    WECOM_TEST.botAesKey,
    DINGTALK_TEST.appSecret,
    DINGTALK_TEST.eventAesKey,
    ADMIN_TOKEN,
  ])
    expect(text).not.toContain(secret);
};

describe('hostile input', () => {
  it('malformed, oversized, wrongly signed and stale callbacks on every route: 4xx only, nothing enqueued, nothing of them in the log', async () => {
    const jobs0 = await inboundJobCount(svc);
    const seen = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(hostile, async (r) => {
        const status = await send(r);
        const kind = r.what.split(' ').slice(0, 2).join(' ');
        seen.set(kind, (seen.get(kind) ?? new Set()).add(status));
        // the API answers a right token with a good query 200; everything else must be refused
        const ok = r.what.startsWith('api right') ? status < 500 : status >= 400 && status < 500;
        if (!ok) throw new Error(`${r.what}: ${r.method} ${r.path.slice(0, 120)} → ${status}`);
      }),
      { numRuns: 200, seed: 20261201 },
    );
    expect(await inboundJobCount(svc)).toBe(jobs0);
    logHasNoSecrets();
    console.info(
      `[hostile] statuses by route: ${[...seen.entries()].map(([k, v]) => `${k}=${[...v].sort().join('/')}`).join(', ')}`,
    );
  }, 120_000);

  it('replays: a stale signed callback (outside ±1 h) is 401 and stores nothing; within the window it is a 200 duplicate, stored once', async () => {
    const jobs0 = await inboundJobCount(svc);
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 2 * 3600;
    const stale = await botText(svc.url, fake, IDS.supWang.wecom, '待办', {
      sign: { timestamp: String(twoHoursAgo) },
    });
    expect(stale.res.status).toBe(401);
    const staleApp = await appText(svc.url, IDS.supWang.wecom, '待办', {
      sign: { timestamp: String(twoHoursAgo) },
    });
    expect(staleApp.res.status).toBe(401);
    const staleDing = await dingText(svc.url, fake, IDS.supZhang.dingtalk, '待办', {
      timestamp: String(Date.now() - 2 * 3600_000),
    });
    expect(staleDing.res.status).toBe(401);
    expect(await inboundJobCount(svc)).toBe(jobs0);
    // the same message three times within the window: one job
    const first = await botText(svc.url, fake, IDS.supWang.wecom, '待办');
    for (let i = 0; i < 2; i++)
      expect((await botText(svc.url, fake, IDS.supWang.wecom, '待办', { id: first.id })).res.status).toBe(
        200,
      );
    expect(await inboundJobCount(svc)).toBe(jobs0 + 1);
  }, 60_000);

  it('random text as commands from a supervisor and a principal: every reply well-formed and within the platform limit', async () => {
    const before = replies(fake).length;
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({
        unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
        maxLength: 60,
      }),
      fc.constantFrom(
        '😀',
        '👨‍👩‍👧‍👦',
        '🇨🇳',
        '\u200b',
        '\u2005',
        '\u0007',
        '\u001b[31m',
        '\r\n',
        '\t',
        '\ud800',
        'ZG-1',
        'ZG-99999999',
        'DD-1',
        '龙泉小学',
        '：',
        '，',
        '\n问题：\n1、',
      ),
      fc.constantFrom(
        '提交督导记录\n学校：',
        '查询 ',
        '整改完成 ZG-1 ',
        '申请延期 ZG-1 至 ',
        '验收 ZG-1 退回 ',
        '统计 ',
        '绑定本群 ',
        '收到 ZG-',
        '待办',
        '帮助',
      ),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    const long = fc
      .tuple(
        fc.constantFrom('提交督导记录\n学校：龙泉小学\n情况：', '整改完成 ZG-1 ', '查询 '),
        fc.string({ unit: 'grapheme', minLength: 1500, maxLength: 4000 }),
      )
      .map(([a, b]) => a + b);
    const who = fc.constantFrom(
      { p: IDS.supWang, via: 'bot' as const },
      { p: IDS.priS01, via: 'app' as const },
      { p: IDS.supZhang, via: 'ding' as const },
      { p: IDS.priS01, via: 'ding' as const },
    );
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        who,
        fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: long }),
        async (w, t) => {
          // XML cannot carry C0 controls or lone surrogates: WeCom's app channel never delivers them
          const s =
            w.via === 'bot'
              ? await botText(svc.url, fake, w.p.wecom, t)
              : w.via === 'app'
                ? await appText(
                    svc.url,
                    w.p.wecom!,
                    t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]|]]>/g, ''),
                  )
                : await dingText(svc.url, fake, w.p.dingtalk!, t);
          if (s.res.status === 200) sent++;
          else if (s.res.status >= 500) throw new Error(`${w.via} → ${s.res.status}`);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
    expect(sent).toBeGreaterThan(50);
    const q = svc.rt.jobQueues;
    const idle = async () =>
      (
        await Promise.all(
          [q.inbound, q.outbound].map((x) => x.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
        )
      ).every((c) => Object.values(c).every((n) => n === 0));
    await waitFor('the pipeline idle', idle, 90_000, 200);
    await sleep(500);
    const got = replies(fake).slice(before);
    expect(got.length).toBeGreaterThanOrEqual(sent);
    const bad = got.map((r) => ({ r, why: malformed(r) })).filter((x) => x.why);
    expect(bad.map((x) => `${x.r.path} ${x.why}: ${x.r.text.slice(0, 80)}`)).toEqual([]);
    expect((await q.outbound.getJobCounts('failed')).failed).toBe(0);
    expect((await q.inbound.getJobCounts('failed')).failed).toBe(0);
    logHasNoSecrets();
  }, 180_000);
});
