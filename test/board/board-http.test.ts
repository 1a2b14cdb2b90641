import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import { boardSecret } from '../../src/store/board-secret.js';
import { signToken } from '../../src/board/token.js';
import { bj, district } from '../helpers/time-district.js';
import { buildKnownDistrict } from '../reports/known-district.js';
import { apiAs, getRaw, linkFor, sessionCookieOf, signIn } from './helpers.js';
import { zh } from '../../src/text/zh-CN/index.js';

/**
 * The board over HTTP on the real service (the known district of test/reports, at 08:00 on
 * Tuesday 2021-05-11): signing in with a link, the cookie it sets, every refusal, the scope each
 * role sees on every endpoint, the exact paths, the static files' caching, and the log.
 */
let svc: TestService;
let store: FullStore;
const NAMES = [
  '棠香小学',
  '城南中学',
  '龙水幼儿园',
  '龙水小学',
  '王督学',
  '赵督学',
  '刘主任',
  '孙副主任',
  '李校长',
  '陈园长',
];

beforeAll(async () => {
  svc = await startTestService({ worker: false, now: () => bj('2021-05-11', '08:00') });
  store = createStore(svc.rt.redis, svc.rt.prefix);
  await buildKnownDistrict(store);
});
afterAll(async () => {
  await svc?.close();
});

const secret = () => boardSecret(svc.rt.redis, svc.rt.prefix).get();
const nowSec = () => bj('2021-05-11', '08:00').getTime() / 1000;

async function expectRefusalPage(res: Response, kind: string) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const html = await res.text();
  expect(html).toContain(`data-refusal="${kind}"`);
  expect(html).toContain('发送「看板」');
  for (const n of NAMES) expect(html).not.toContain(n);
  expect(sessionCookieOf(res)).toBeUndefined();
}

describe('signing in with a link', () => {
  it('no session: /board is a 401 Chinese page saying how to get a link, naming nobody', async () => {
    await expectRefusalPage(await getRaw(svc.url, '/board'), 'no_session');
    const api = await apiAs(svc.url, '', '/board/api/overview');
    expect(api).toEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: expect.any(String) } },
    });
  });

  it('a leader’s link sets an HttpOnly, SameSite=Lax session cookie and redirects to /board; it works again until it expires', async () => {
    const link = await linkFor(svc.rt, 'lead-liu');
    expect(link).toMatch(/^\/board\/login\?t=[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    for (let i = 0; i < 2; i++) {
      const res = await getRaw(svc.url, link);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/board');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const c = sessionCookieOf(res)!;
      expect(c.header).toMatch(/; Path=\/board; Max-Age=43200; HttpOnly; SameSite=Lax$/);
      expect(c.header).not.toContain('Secure'); // PUBLIC_BASE_URL is not https here
      const page = await getRaw(svc.url, '/board', { cookie: c.pair });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await page.text();
      expect(html).toContain('三色总览');
      // the page's words come from the catalogue: every mark filled, the script's texts a JSON data block
      expect(html).not.toContain('{{');
      const block = /<script type="application\/json" id="zh">([^<]*)<\/script>/.exec(html);
      expect(JSON.parse(block![1]!)).toEqual(zh.board.page);
    }
  });

  it('an expired link, a tampered one, one for a deactivated person: 401, no cookie', async () => {
    const s = await secret();
    const old = signToken(s, 'link', 'lead-liu', nowSec() - 24 * 3600 - 1);
    await expectRefusalPage(await getRaw(svc.url, `/board/login?t=${old}`), 'expired');
    const good = await linkFor(svc.rt, 'lead-liu');
    // the last character is the one a lax decoder ignores two bits of (this was flaky when it was 'A')
    const tampered = good.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const tamperedMid = good.replace(
      /\.(.)([^.]{42})$/,
      (_m, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`,
    );
    await expectRefusalPage(await getRaw(svc.url, tamperedMid), 'invalid');
    await expectRefusalPage(await getRaw(svc.url, tampered), 'invalid');
    const forged = `/board/login?t=${signToken(Buffer.alloc(32, 1), 'link', 'lead-liu', nowSec())}`;
    await expectRefusalPage(await getRaw(svc.url, forged), 'invalid');
    await expectRefusalPage(await getRaw(svc.url, '/board/login'), 'invalid');
    await expectRefusalPage(
      await getRaw(svc.url, `/board/login?t=${signToken(s, 'link', 'nobody', nowSec())}`),
      'inactive',
    );
  });

  it('a link opened where another person is signed in is refused; signing out first lets it through', async () => {
    const cookie = await signIn(svc.rt, svc.url, 'pri-li');
    const theirs = await linkFor(svc.rt, 'lead-liu');
    const res = await getRaw(svc.url, theirs, { cookie });
    await expectRefusalPage(res, 'other_person');
    const t = new URL(theirs, svc.url).searchParams.get('t')!;
    const out = await fetch(`${svc.url}/board/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `t=${t}`,
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe(`/board/login?t=${t}`);
    expect(sessionCookieOf(out)?.header).toContain('Max-Age=0');
    expect((await getRaw(svc.url, theirs)).status).toBe(302);
  });

  it('a session of a person deactivated since is refused at the next request', async () => {
    const cookie = await signIn(svc.rt, svc.url, 'pri-zhou');
    expect((await apiAs(svc.url, cookie, '/board/api/overview')).status).toBe(200);
    const roster = district();
    await store.importRoster({
      ...roster,
      schools: roster.schools.filter((x) => x.id !== 'S05'),
      people: roster.people.filter((p) => p.id !== 'pri-zhou'),
    });
    expect((await apiAs(svc.url, cookie, '/board/api/overview')).status).toBe(401);
    await expectRefusalPage(await getRaw(svc.url, '/board', { cookie }), 'inactive');
    await store.importRoster({ ...roster, schools: roster.schools.filter((x) => x.id !== 'S05') });
  });
});

describe('scope: each role sees its own, on every endpoint', () => {
  const overview = async (who: string) =>
    (await apiAs(svc.url, await signIn(svc.rt, svc.url, who), '/board/api/overview')).body;

  it('a district leader (全部) and the administrator: both zones, every active school', async () => {
    for (const who of ['lead-liu', 'admin']) {
      const o = await overview(who);
      expect(o.scope).toMatchObject({ kind: 'district', name: '全区' });
      expect(o.zones.map((z: any) => z.zone.id)).toEqual(['z1', 'z2']);
      expect(o.schools.map((s: any) => s.id).sort()).toEqual(['S01', 'S02', 'S03', 'S04']);
      expect(o.supervisors.map((s: any) => s.id).sort()).toEqual(['sup-wang', 'sup-zhao']);
    }
  });

  it('a zone leader and a supervisor: their zone only — its schools, its supervisor, its items', async () => {
    const sun = await overview('lead-sun');
    expect(sun.scope).toMatchObject({ kind: 'zones', zones: [{ id: 'z2', name: '龙水责任区' }] });
    expect(sun.zones.map((z: any) => z.zone.id)).toEqual(['z2']);
    expect(sun.schools.map((s: any) => s.id).sort()).toEqual(['S03', 'S04']);
    expect(sun.supervisors.map((s: any) => s.id)).toEqual(['sup-zhao']);
    const wang = await overview('sup-wang');
    expect(wang.zones.map((z: any) => z.zone.id)).toEqual(['z1']);
    expect(wang.schools.map((s: any) => s.id).sort()).toEqual(['S01', 'S02']);
    expect(JSON.stringify(wang)).not.toMatch(/龙水|S03|S04|赵督学/);
  });

  it('a principal: their school only — no zone line, no supervisor, nothing of another school', async () => {
    const li = await overview('pri-li');
    expect(li.scope).toMatchObject({ kind: 'school', schools: [{ id: 'S01', name: '棠香小学' }] });
    expect(li.zones).toEqual([]);
    expect(li.supervisors).toEqual([]);
    expect(li.schools.map((s: any) => s.id)).toEqual(['S01']);
    expect(JSON.stringify(li)).not.toMatch(/城南|龙水|S02|S03|S04|王督学|赵督学/);
  });

  it('school detail: in scope answers (the same data as 查询); out of scope answers exactly like unknown', async () => {
    const li = await signIn(svc.rt, svc.url, 'pri-li');
    const own = await apiAs(svc.url, li, '/board/api/schools/S01');
    expect(own.status).toBe(200);
    expect(own.body.school).toMatchObject({ id: 'S01', name: '棠香小学', zone: { id: 'z1' } });
    expect(own.body.openItems.map((i: any) => i.text)).toContain('食堂从业人员晨检未登记');
    expect(own.body.records.length).toBeGreaterThan(0);
    const unknown = await apiAs(svc.url, li, '/board/api/schools/S99');
    expect(unknown.status).toBe(404);
    for (const [who, school] of [
      ['pri-li', 'S03'],
      ['pri-li', 'S02'],
      ['sup-wang', 'S04'],
      ['lead-sun', 'S01'],
    ] as const) {
      const r = await apiAs(svc.url, await signIn(svc.rt, svc.url, who), `/board/api/schools/${school}`);
      expect(r, `${who} → ${school}`).toEqual(unknown);
    }
  });
});

describe('the API’s input and the paths', () => {
  it('date: a past day is the state at its end; a future, malformed or extra parameter is 400', async () => {
    const cookie = await signIn(svc.rt, svc.url, 'lead-liu');
    const past = await apiAs(svc.url, cookie, '/board/api/overview?date=2021-05-09');
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ date: '2021-05-09', asOf: '2021-05-09T16:00:00.000Z' });
    for (const q of [
      'date=2021-05-12',
      'date=2021-5-9',
      'date=x',
      'date=2021-05-09&zone=z2',
      'date=1999-12-31',
    ]) {
      const r = await apiAs(svc.url, cookie, `/board/api/overview?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('bad_date');
    }
  });

  it('paths are exact and case-sensitive', async () => {
    const cookie = await signIn(svc.rt, svc.url, 'lead-liu');
    for (const p of [
      '/board/',
      '/Board',
      '/BOARD/api/overview',
      '/board/api/Overview',
      '/board/api/overview/',
      '/board/login/',
      '/board//api/overview',
    ]) {
      const r = await getRaw(svc.url, p, { cookie });
      // 404 from the board's strict router (400 when the app-level guard for odd spellings sees it first)
      expect([400, 404], p).toContain(r.status);
      expect(await r.text()).not.toContain('龙水');
    }
  });

  it('ECharts and the page’s files: served by the service, gzipped, cached a year under a content hash', async () => {
    const cookie = await signIn(svc.rt, svc.url, 'lead-liu');
    const html = await (await getRaw(svc.url, '/board', { cookie })).text();
    const paths = [...html.matchAll(/(?:src|href)="(\/board\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(paths.some((p) => /^\/board\/static\/echarts-6\.1\.0\.simple-[0-9a-f]{10}\.js$/.test(p))).toBe(
      true,
    );
    expect(html).not.toMatch(/https?:\/\//); // no CDN, nothing from elsewhere
    for (const p of paths) {
      const r = await fetch(`${svc.url}${p}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(r.status, p).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('content-encoding')).toBe('gzip');
    }
    expect((await getRaw(svc.url, '/board/static/echarts.min.js')).status).toBe(404);
  });

  it('no link, cookie or secret in the log', async () => {
    const link = await linkFor(svc.rt, 'lead-liu');
    await getRaw(svc.url, link);
    await getRaw(svc.url, link.replace(/.$/, 'x'));
    const token = new URL(link, svc.url).searchParams.get('t')!;
    const log = svc.logs.text();
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]!);
    expect(log).not.toContain((await secret()).toString('hex'));
  });
});
