import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { wecomEnv, WECOM_TEST } from '../helpers/wecom-sign.js';
import { dingtalkEnv, DINGTALK_TEST } from '../helpers/dingtalk-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import { demoRoster } from '../helpers/district.js';
import { FAKE_CREDS } from '../reliability/processes.js';
import { IDS } from '../reliability/traffic.js';
import { sessionCookieOf } from './helpers.js';

/**
 * WeCom (网页授权, snsapi_base) and DingTalk (OAuth 2 web flow) sign-in to the board, end to end
 * against the fake platform: the browser is sent to the authorize page (the fake's, standing in for
 * open.weixin.qq.com / login.dingtalk.com), comes back with a code, the service exchanges it with the
 * documented APIs (recorded shapes in test/fixtures) and maps the user id to the roster person.
 * PUBLIC_BASE_URL is https, so cookies are Secure; the test plays the browser, following redirects
 * and carrying cookies by hand, and maps the public origin to the test server.
 */
const PUBLIC = 'https://dudao.example.gov.cn';
let fake: FakePlatform;
let svc: TestService;

beforeAll(async () => {
  fake = await FakePlatform.start(FAKE_CREDS);
  svc = await startTestService({
    worker: false,
    env: {
      ...wecomEnv(),
      ...dingtalkEnv(),
      SIM: 'off',
      PUBLIC_BASE_URL: PUBLIC,
      WECOM_API_BASE: fake.url,
      WECOM_OAUTH_BASE: fake.url,
      DINGTALK_API_BASE: fake.url,
      DINGTALK_OAPI_BASE: fake.url,
      DINGTALK_LOGIN_BASE: fake.url,
    },
  });
  await createStore(svc.rt.redis, svc.rt.prefix).importRoster(demoRoster());
}, 30_000);
afterAll(async () => {
  await svc?.close();
  await fake?.close();
});

/** A tiny browser: follows redirects across our server and the fake, keeping cookies per host. */
async function browse(start: string, o: { userAgent?: string; jar?: Map<string, string> } = {}) {
  const jar = o.jar ?? new Map<string, string>();
  const hops: string[] = [];
  let url = start.startsWith('/') ? `${PUBLIC}${start}` : start;
  for (let i = 0; i < 10; i++) {
    hops.push(url);
    const real = url.replace(PUBLIC, svc.url);
    const cookie = real.startsWith(svc.url) ? [...jar.values()].join('; ') : '';
    const res = await fetch(real, {
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(o.userAgent ? { 'user-agent': o.userAgent } : {}) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (/Max-Age=0/.test(c)) jar.delete(name!);
      else jar.set(name!, `${name}=${value}`);
    }
    const loc = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && loc) {
      url = loc.startsWith('/') ? `${new URL(url).origin}${loc}` : loc;
      continue;
    }
    return { res, hops, jar, body: await res.text() };
  }
  throw new Error('too many redirects');
}

describe('WeCom web sign-in (snsapi_base)', () => {
  it('opened inside WeCom with no session: authorize → code → /cgi-bin/auth/getuserinfo → the roster person → /board', async () => {
    fake.web.wecomUser = IDS.leadLiu.wecom;
    const r = await browse('/board', {
      userAgent: 'Mozilla/5.0 (iPhone) wxwork/4.1.22 MicroMessenger/7.0.1',
    });
    expect(r.res.status).toBe(200);
    expect(r.body).toContain('三色总览');
    expect(r.hops[1]).toBe(`${PUBLIC}/board/auth/wecom`);
    const authorize = new URL(r.hops[2]!);
    expect(authorize.origin).toBe(fake.url);
    expect(authorize.pathname).toBe('/connect/oauth2/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      appid: WECOM_TEST.corpId,
      redirect_uri: `${PUBLIC}/board/auth/wecom`,
      response_type: 'code',
      scope: 'snsapi_base',
      agentid: WECOM_TEST.agentId,
    });
    expect(authorize.searchParams.get('state')).toMatch(/^[a-f0-9]{32}$/);
    const exchange = fake.requests.filter((q) => q.path === '/cgi-bin/auth/getuserinfo');
    expect(exchange.length).toBe(1);
    expect(exchange[0]!.query.code).toBeTruthy();
    const session = r.jar.get('dudao_board');
    expect(session).toBeTruthy();
    const overview = await fetch(`${svc.url}/board/api/overview`, { headers: { cookie: session! } });
    expect(((await overview.json()) as any).scope.kind).toBe('district');
  });

  it('the session cookie is Secure behind https, and the state cookie goes once it is used', async () => {
    fake.web.wecomUser = IDS.supWang.wecom;
    const first = await fetch(`${svc.url}/board/auth/wecom`, { redirect: 'manual' });
    const state = first.headers.getSetCookie().find((c) => c.startsWith('dudao_board_state='))!;
    expect(state).toMatch(/; Path=\/board\/auth; Max-Age=600; HttpOnly; SameSite=Lax; Secure$/);
    const back = await fetch(first.headers.get('location')!, { redirect: 'manual' });
    const callback = back.headers.get('location')!.replace(PUBLIC, svc.url);
    const done = await fetch(callback, { redirect: 'manual', headers: { cookie: state.split(';')[0]! } });
    expect(done.status).toBe(302);
    expect(sessionCookieOf(done)!.header).toMatch(/HttpOnly; SameSite=Lax; Secure$/);
    expect(done.headers.getSetCookie().some((c) => /^dudao_board_state=;.*Max-Age=0/.test(c))).toBe(true);
    // the same code (and state) again: the code is spent, nobody is signed in
    const again = await fetch(callback, { redirect: 'manual', headers: { cookie: state.split(';')[0]! } });
    expect(again.status).toBe(401);
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it('a callback without our state cookie (login CSRF), or with another state: refused', async () => {
    fake.web.wecomUser = IDS.leadLiu.wecom;
    const first = await fetch(`${svc.url}/board/auth/wecom`, { redirect: 'manual' });
    const back = await fetch(first.headers.get('location')!, { redirect: 'manual' });
    const callback = back.headers.get('location')!.replace(PUBLIC, svc.url);
    const noCookie = await fetch(callback, { redirect: 'manual' });
    expect(noCookie.status).toBe(401);
    expect(sessionCookieOf(noCookie)).toBeUndefined();
    const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
    const otherState = callback.replace(/state=[^&]+/, 'state=0123456789abcdef0123456789abcdef');
    expect((await fetch(otherState, { redirect: 'manual', headers: { cookie } })).status).toBe(401);
  });

  it('a WeCom user who is not a member, or not on the roster: 401, naming nobody', async () => {
    for (const user of [undefined, 'someone-not-on-the-roster']) {
      fake.web.wecomUser = user;
      const r = await browse('/board/auth/wecom');
      expect(r.res.status).toBe(401);
      expect(r.body).toContain('data-refusal="platform_failed"');
      expect(r.jar.has('dudao_board')).toBe(false);
    }
  });

  it('where the browser goes afterwards is only ever the board: no open redirect', async () => {
    fake.web.wecomUser = IDS.leadLiu.wecom;
    for (const [next, expected] of [
      ['/board?date=2026-05-08', '/board?date=2026-05-08'],
      ['https://evil.example.com/', '/board'],
      ['//evil.example.com/board', '/board'],
      ['/board/../admin', '/board'],
      ['/board?date=2026-05-08&x=https://evil', '/board'],
    ] as const) {
      const r = await browse(`/board/auth/wecom?next=${encodeURIComponent(next)}`);
      expect(r.hops.at(-1), next).toBe(`${PUBLIC}${expected}`);
    }
    // the platform is always told to come back to PUBLIC_BASE_URL, whatever Host says
    const res = await fetch(`${svc.url}/board/auth/wecom`, {
      redirect: 'manual',
      headers: { host: 'evil.example.com' },
    });
    expect(new URL(res.headers.get('location')!).searchParams.get('redirect_uri')).toBe(
      `${PUBLIC}/board/auth/wecom`,
    );
  });
});

describe('DingTalk web sign-in (OAuth 2)', () => {
  it('opened inside DingTalk with no session: authorize → authCode → userAccessToken → users/me → getbyunionid → /board', async () => {
    fake.web.dingtalkUser = IDS.supWang.dingtalk;
    const r = await browse('/board', {
      userAgent: 'Mozilla/5.0 (Linux; Android 12) AliApp(DingTalk/7.0.40)',
    });
    expect(r.res.status).toBe(200);
    expect(r.body).toContain('三色总览');
    const authorize = new URL(r.hops[2]!);
    expect(authorize.pathname).toBe('/oauth2/auth');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      redirect_uri: `${PUBLIC}/board/auth/dingtalk`,
      response_type: 'code',
      client_id: DINGTALK_TEST.appKey,
      scope: 'openid',
      prompt: 'consent',
    });
    const token = fake.requests.find((q) => q.path === '/v1.0/oauth2/userAccessToken')!;
    expect(token.body).toMatchObject({
      clientId: DINGTALK_TEST.appKey,
      clientSecret: DINGTALK_TEST.appSecret,
      grantType: 'authorization_code',
    });
    expect(fake.requests.some((q) => q.path === '/v1.0/contact/users/me')).toBe(true);
    const byUnion = fake.requests.find((q) => q.path === '/topapi/user/getbyunionid')!;
    expect(byUnion.body).toEqual({ unionid: `union-${IDS.supWang.dingtalk}` });
    const overview = await fetch(`${svc.url}/board/api/overview`, {
      headers: { cookie: r.jar.get('dudao_board')! },
    });
    const body = (await overview.json()) as any;
    expect(body.scope.kind).toBe('zones');
    expect(body.zones.map((z: any) => z.zone.name)).toEqual(['第一责任区']);
  });

  it('someone outside the organisation (getbyunionid 60121): 401, no session', async () => {
    fake.web.dingtalkUser = undefined;
    const r = await browse('/board/auth/dingtalk');
    expect(r.res.status).toBe(401);
    expect(r.body).toContain('data-refusal="platform_failed"');
    expect(r.jar.has('dudao_board')).toBe(false);
  });

  it('the access tokens and codes never reach the log', async () => {
    const log = svc.logs.text();
    for (const q of fake.requests) {
      for (const v of [q.query.access_token, q.query.code, q.body?.code]) if (v) expect(log).not.toContain(v);
    }
  });
});
