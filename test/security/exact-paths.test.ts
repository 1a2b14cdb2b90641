import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type Router from '@koa/router';
import { startTestService, type TestService } from '../helpers/service.js';
import { inboundJobCount, waitReady } from '../helpers/inbound-jobs.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { buildRouters } from '../../src/http/routers.js';
import { checkPath, routeWords, staticPaths } from '../../src/http/path-guard.js';
import { createRouter } from '../../src/http/router.js';
import { createApp } from '../../src/http/app.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import { simClockKey } from '../../src/store/keys.js';
import { rawRequest } from './raw-http.js';
import { spellings } from './spellings.js';
import RouterClass from '@koa/router';
import { demoRoster } from '../helpers/district.js';

/**
 * "Paths are exact" (docs/security.md): every route of the app, read from the routers themselves
 * (so a router added later is in this test without a change), tried in every other spelling,
 * without and with the admin token: never 2xx, and nothing changed — not the roster (the
 * attacker's POST of a roster naming himself 管理员 and binding a zone's chat to his URL), not the
 * items, nothing enqueued, the simulated clock unmoved.
 */
const TOKEN = 'exact-paths-admin-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

const demo = JSON.parse(readFileSync('examples/roster.json', 'utf8')) as {
  people: Record<string, unknown>[];
  chats: Record<string, unknown>[];
};
/** The attack of finding 1: himself as 管理员 and 领导, and a zone's chat bound to his URL. */
const attackerRoster = JSON.stringify({
  ...demo,
  people: [
    ...demo.people,
    { id: 'evil', name: '攻击者', roles: ['管理员', '领导'], zones: ['全部'], wecomId: 'evil' },
  ],
  chats: [
    ...demo.chats,
    { platform: '企业微信', chatId: 'http://127.0.0.1:9/evil', name: '攻击者', binding: '第一责任区' },
  ],
});

/** A request path for a route's path pattern, with sample values for its parameters. */
function sample(pattern: string): string | undefined {
  if (pattern.includes('(')) return undefined; // a `use` layer, not a route
  const ids: Record<string, string> = {
    '/api/v1/items/:id': '/api/v1/items/ZG-1',
    '/api/v1/records/:id': '/api/v1/records/DD-1',
    '/api/v1/schools/:id': '/api/v1/schools/S01',
    '/sim/:file': '/sim/app.js',
    '/sim/media/:id': '/sim/media/abc',
  };
  if (ids[pattern]) return ids[pattern];
  return pattern.replace('{/*rest}', '/queues').replace(/:[A-Za-z]+/g, 'x');
}

interface Route {
  path: string;
  methods: string[];
}

function routesOf(routers: Router[]): Route[] {
  const out = new Map<string, Set<string>>();
  for (const r of routers)
    for (const l of r.stack) {
      const p = typeof l.path === 'string' ? sample(l.path) : undefined;
      if (!p) continue;
      const m = out.get(p) ?? new Set<string>();
      for (const x of l.methods) if (x === 'GET' || x === 'POST') m.add(x);
      if (m.size === 0) m.add('GET');
      out.set(p, m);
    }
  for (const p of ['/healthz', '/readyz', '/metrics']) out.set(p, new Set(['GET']));
  return [...out].map(([path, m]) => ({ path, methods: [...m] }));
}

async function snapshot(svc: TestService, store: FullStore) {
  return {
    roster: await store.rosterVersion(),
    people: (await store.listPeople()).map((p) => p.id),
    chats: (await store.listChats()).map((c) => c.chatId),
    items: JSON.stringify(await store.queryItems({})),
    inbound: await inboundJobCount(svc),
    clock: await svc.rt.redis.get(simClockKey(svc.rt.prefix)),
  };
}

/** Try every spelling of every route; return the ones that answered 2xx. */
async function attack(svc: TestService, routes: Route[]): Promise<string[]> {
  const bad: string[] = [];
  let tried = 0;
  for (const route of routes) {
    const targets = [
      ...spellings(route.path),
      // the absolute form of the request target, with an odd spelling in it
      `${svc.url}${route.path.toUpperCase()}`,
    ];
    for (const target of targets) {
      for (const method of [...route.methods, 'OPTIONS']) {
        for (const headers of [{}, auth]) {
          const body = method === 'POST' ? attackerRoster : undefined;
          const r = await rawRequest(svc.url, method, target, { headers, body });
          tried++;
          if (r.status < 400 || ![400, 401, 404, 405].includes(r.status))
            bad.push(`${method} ${target} ${headers === auth ? '(token)' : ''} → ${r.status}`);
        }
      }
    }
  }
  expect(tried).toBeGreaterThan(1000);
  return bad;
}

async function loadDemo(store: FullStore) {
  await store.importRoster(demoRoster());
  await store.createRecord({
    command: {
      command: 'submit_record',
      school: { id: 'S01', name: '龙泉小学' },
      date: '2026-03-16',
      kind: '挂牌督导',
      problems: [{ text: '门卫登记不全', deadline: '2026-03-23', deadlineSource: 'text' }],
    },
    supervisor: 'sup-wang',
    source: { platform: 'sim', messageId: 'exact-1' },
    now: new Date('2026-03-16T02:00:00Z'),
  });
}

describe('paths are exact: a platform configured, the API and the dashboard on', () => {
  let svc: TestService;
  let store: FullStore;
  let routes: Route[];
  beforeAll(async () => {
    svc = await startTestService({
      env: { ...wecomEnv(), ...dingtalkEnv(), ADMIN_TOKEN: TOKEN },
      worker: false,
    });
    await waitReady(svc.url);
    store = createStore(svc.rt.redis, svc.rt.prefix);
    await loadDemo(store);
    routes = routesOf(buildRouters(svc.rt, ingressStub(svc)));
  }, 60_000);
  afterAll(() => svc.close());

  it('the controls: each protected route answers 2xx with the token and 401 without', async () => {
    for (const path of ['/api/v1/items', '/api/v1/items/ZG-1', '/api/v1/schools/S01', '/admin/queues']) {
      expect((await rawRequest(svc.url, 'GET', path, { headers: auth })).status, path).toBe(200);
      expect((await rawRequest(svc.url, 'GET', path)).status, path).toBe(401);
    }
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/v1/roster', '/admin/queues', '/wecom/bot', '/dingtalk/robot']),
    );
  });

  it('finding 1: no other spelling of any route ever answers 2xx, with or without the token; nothing changes', async () => {
    const before = await snapshot(svc, store);
    const bad = await attack(svc, routes);
    expect(bad).toEqual([]);
    expect(await snapshot(svc, store)).toEqual(before);
    expect((await store.listPeople()).some((p) => p.id === 'evil')).toBe(false);
  }, 300_000);

  it('every /sim path is 404 beside a platform, the clock included; the clock does not move', async () => {
    for (const [method, path] of [
      ['GET', '/sim'],
      ['GET', '/sim/app.js'],
      ['GET', '/sim/api/people'],
      ['GET', '/sim/api/clock'],
      ['POST', '/sim/api/clock'],
      ['POST', '/sim/api/messages'],
      ['POST', '/sim/api/actions'],
      ['POST', '/sim/api/reset'],
    ] as const) {
      const body = method === 'POST' ? JSON.stringify({ to: '2030-01-01T08:30:00+08:00' }) : undefined;
      expect((await rawRequest(svc.url, method, path, { body })).status, path).toBe(404);
    }
    expect(await svc.rt.redis.get(simClockKey(svc.rt.prefix))).toBeNull();
  });
});

describe('paths are exact: the simulator on (no platform), the API on', () => {
  let svc: TestService;
  let store: FullStore;
  beforeAll(async () => {
    svc = await startTestService({ env: { SIM: 'on', ADMIN_TOKEN: TOKEN }, worker: false });
    await waitReady(svc.url);
    store = createStore(svc.rt.redis, svc.rt.prefix);
    await loadDemo(store);
  }, 60_000);
  afterAll(() => svc.close());

  it('every route path the guard lets through without its checks would pass them', () => {
    // pathGuard skips checkPath for a route's own path (the hot path): that must change nothing
    const routers = buildRouters(svc.rt, ingressStub(svc));
    const words = routeWords(routers);
    const lower = new Map([...words].map((w) => [w.toLowerCase(), w]));
    const paths = [...staticPaths(routers)];
    expect(paths).toContain('/sim/api/clock');
    for (const p of paths) expect(checkPath(p, words, lower), p).toEqual({ ok: true });
  });

  it('no other spelling of a simulator or API route answers 2xx; the clock does not move', async () => {
    expect((await rawRequest(svc.url, 'GET', '/sim/api/clock')).status).toBe(200); // control
    const before = await snapshot(svc, store);
    const routes = routesOf(buildRouters(svc.rt, ingressStub(svc))).filter(
      (r) => r.path.startsWith('/sim') || r.path === '/api/v1/roster',
    );
    expect(routes.length).toBeGreaterThan(5);
    expect(await attack(svc, routes)).toEqual([]);
    expect(await snapshot(svc, store)).toEqual(before);
  }, 300_000);
});

describe('the path guard and the router check', () => {
  const words = routeWords([
    (() => {
      const r = createRouter({ prefix: '/api/v1' });
      r.get('/items/:id', () => {});
      r.get('/export.xlsx', () => {});
      return r;
    })(),
  ]);
  const lower = new Map([...words].map((w) => [w.toLowerCase(), w]));
  const verdict = (p: string) => {
    const v = checkPath(p, words, lower);
    return v.ok ? 'ok' : v.status;
  };

  it('passes the one spelling, refuses the others', () => {
    expect(verdict('/api/v1/items/ZG-21')).toBe('ok');
    expect(verdict('/api/v1/export.xlsx')).toBe('ok');
    expect(verdict('/')).toBe('ok');
    expect(verdict('/api/v1/schools/%E9%BE%99%E6%B3%89')).toBe('ok'); // a Chinese id, escaped
    expect(verdict('/API/v1/items/ZG-21')).toBe(404);
    expect(verdict('/api/V1/items/ZG-21')).toBe(404);
    expect(verdict('/api/v1/EXPORT.XLSX')).toBe(404);
    expect(verdict('/api/v1/items/')).toBe(404);
    expect(verdict('/api//v1/items')).toBe(404);
    expect(verdict('/api/v1/x/../items')).toBe(400);
    expect(verdict('/api/v1/./items')).toBe(400);
    expect(verdict('/api%2Fv1/items')).toBe(400);
    expect(verdict('/api/v1/items/%2e%2e')).toBe(400);
    expect(verdict('/%61pi/v1/items')).toBe(400);
    expect(verdict('/api/v1/items%00')).toBe(400);
    expect(verdict('/api/v1/items%zz')).toBe(400);
    expect(verdict('/api/v1/items%2')).toBe(400);
    expect(verdict('/api\\v1/items')).toBe(400);
    expect(verdict('/api/v1/items/%252F')).toBe(400);
  });

  it('createApp refuses a router that is not exact, so a router added later cannot forget it', () => {
    const lenient = new RouterClass({ prefix: '/board' });
    lenient.get('/x', () => {});
    const deps = {
      log: undefined as never,
      metrics: undefined as never,
      ready: async () => ({ ok: true }),
    };
    expect(() => createApp({ ...deps, routers: [lenient] })).toThrow(/createRouter/);
    expect(() => createApp({ ...deps, routers: [createRouter({ prefix: '/board' })] })).not.toThrow();
  });
});

function ingressStub(svc: TestService) {
  return {
    config: svc.rt.config,
    log: svc.rt.log,
    metrics: svc.rt.metrics,
    accept: async () => 'accepted' as const,
    claimSignature: async () => 'first' as const,
    now: () => new Date(),
  };
}
