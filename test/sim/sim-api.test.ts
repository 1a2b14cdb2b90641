import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { inboundJobOf } from '../helpers/inbound-jobs.js';
import { simConversationKey } from '../../src/store/keys.js';
import { buildDistrict } from '../helpers/district.js';
import { zh } from '../../src/text/zh-CN/index.js';

/** A small district: one zone, two schools, a supervisor, a principal, a leader, bound chats. */
const roster = buildDistrict({
  zones: [{ id: 'Z1', name: '城东责任区' }],
  schools: [
    { id: 'S1', name: '龙泉小学', shortNames: ['龙泉'], type: '小学', zone: 'Z1' },
    { id: 'S2', name: '青石中学', type: '初中', zone: 'Z1' },
  ],
  people: [
    { id: 'p-wang', name: '王老师', roles: ['supervisor'], zones: ['Z1'], fullTime: true },
    { id: 'p-li', name: '李校长', roles: ['principal'], school: 'S1' },
    { id: 'p-zhao', name: '赵主任', roles: ['leader'], zones: ['*'], fullTime: true },
  ],
  chats: [
    { platform: 'sim', chatId: 'zone-z1', name: '城东责任区督导群', binding: { type: 'zone', id: 'Z1' } },
    { platform: 'sim', chatId: 'office', name: '督导室工作群', binding: { type: 'office', id: 'office' } },
    { platform: 'sim', chatId: 'school-s2', name: '青石中学工作群', binding: { type: 'school', id: 'S2' } },
  ],
});

// a 1×1 transparent PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==',
  'base64',
);

describe('simulator API (SIM=on): the same accept step as the platforms', () => {
  let svc: TestService;
  let dataDir: string;
  const post = (path: string, body: unknown) =>
    fetch(`${svc.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dudao-sim-'));
    // no workers: accepted jobs stay on the inbound queue for the test to read
    svc = await startTestService({ env: { SIM: 'on', DATA_DIR: dataDir }, processors: {} });
    await createStore(svc.rt.redis, svc.rt.prefix).importRoster(roster);
  });
  afterAll(async () => {
    await svc?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the page and its files from our own origin, with a CSP that forbids others', async () => {
    const page = await fetch(`${svc.url}/sim`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).toContain('督导助手');
    expect(html).not.toMatch(/https?:\/\//);
    // the page's words come from the catalogue: every mark filled, the modules' texts a JSON data
    // block (never run), the example record the parser's own template
    expect(html).not.toContain('{{');
    const block = /<script type="application\/json" id="zh">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(block![1]!)).toEqual({
      ...zh.sim.page,
      botName: zh.domain.botName,
      example: `@${zh.domain.botName} ${zh.parser.recordTemplate()}`,
    });
    for (const f of ['app.js', 'app.css', 'api.js', 'render.js', 'clock.js', 'text.js']) {
      const r = await fetch(`${svc.url}/sim/${f}`);
      expect(r.status, f).toBe(200);
      expect(await r.text()).not.toMatch(/https?:\/\/(?!localhost)/);
    }
    // an escaped slash never reaches a route: the path guard refuses it (docs/security.md)
    expect((await fetch(`${svc.url}/sim/..%2Froutes.ts`)).status).toBe(400);
    expect((await fetch(`${svc.url}/sim/nope.js`)).status).toBe(404);
  });

  it('lists the roster people with roles and school, and their conversations', async () => {
    const { people } = (await (await fetch(`${svc.url}/sim/api/people`)).json()) as {
      people: { id: string; label: string; school?: { name: string } }[];
    };
    expect(people.map((p) => p.id)).toEqual(['p-wang', 'p-li', 'p-zhao']);
    expect(people[1]).toMatchObject({ school: { name: '龙泉小学' }, label: '校长 · 龙泉小学' });
    const convs = async (person: string) =>
      (
        (await (await fetch(`${svc.url}/sim/api/conversations?person=${person}`)).json()) as {
          conversations: { id: string; isGroup: boolean }[];
        }
      ).conversations.map((c) => c.id);
    expect(await convs('p-wang')).toEqual(['dm:p-wang', 'group:zone-z1', 'group:office', 'group:school-s2']);
    expect(await convs('p-li')).toEqual(['dm:p-li', 'group:zone-z1']);
    expect((await fetch(`${svc.url}/sim/api/conversations?person=nobody`)).status).toBe(404);
  });

  it('a typed message becomes an InboundMessage on the inbound queue, mention stripped, counted as platform sim', async () => {
    const r = await post('/sim/api/messages', {
      person: 'p-wang',
      conversation: 'group:zone-z1',
      text: '@督导助手 待办',
      clientId: 'c0ffee00c0ffee01',
    });
    expect(r.status).toBe(202);
    expect(await r.json()).toEqual({ id: 'sim-c0ffee00c0ffee01', outcome: 'accepted' });
    const job = await inboundJobOf(svc, { channel: 'sim', id: 'sim-c0ffee00c0ffee01' });
    expect(job?.data).toMatchObject({
      kind: 'message',
      platform: 'sim',
      channel: 'sim',
      id: 'sim-c0ffee00c0ffee01',
      conversation: { id: 'group:zone-z1', isGroup: true },
      senderId: 'p-wang',
      text: '待办',
      attachments: [],
    });
    // the same message again (a retry after a lost answer) is deduplicated by the accept step
    const again = await post('/sim/api/messages', {
      person: 'p-wang',
      conversation: 'group:zone-z1',
      text: '@督导助手 待办',
      clientId: 'c0ffee00c0ffee01',
    });
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toContain('dudao_callbacks_total{platform="sim",outcome="accepted"} 1');
    expect(metrics).toContain('dudao_callbacks_total{platform="sim",outcome="duplicate"} 1');
    // what was typed is in the conversation's stream, for the other members' pages
    const entries = await svc.rt.redis.xrange(simConversationKey(svc.rt.prefix, 'group:zone-z1'), '-', '+');
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0]![1].slice(0, 2)).toEqual(['type', 'in']);
  });

  it('keeps the eight lines of a record and marks a direct chat as not a group', async () => {
    const text =
      '@督导助手 提交督导记录\n学校：龙泉小学\n日期：3月15日\n类型：专项督导（双减）\n情况：抽查。\n问题：\n1、甲\n2、乙';
    const r = await post('/sim/api/messages', { person: 'p-wang', conversation: 'dm:p-wang', text });
    const { id } = (await r.json()) as { id: string };
    const job = await inboundJobOf(svc, { channel: 'sim', id });
    expect(job?.data.conversation).toEqual({ id: 'dm:p-wang', isGroup: false, name: '督导助手' });
    expect(job?.data.text).toBe(text.replace('@督导助手 ', ''));
    expect(String(job?.data.text).split('\n')).toHaveLength(8);
  });

  it('a 70,000-character message is taken (cut, with its length) for the bot to answer in Chinese, never refused with a validation message', async () => {
    const text = '提交督导记录 '.repeat(10_000);
    const r = await post('/sim/api/messages', { person: 'p-wang', conversation: 'dm:p-wang', text });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    const job = await inboundJobOf(svc, { channel: 'sim', id });
    expect(String(job?.data.text).length).toBe(20_000);
    expect(job?.data.textLength).toBe(text.trim().length);
  });

  it('a card click becomes an InboundAction with the clicked card', async () => {
    const r = await post('/sim/api/actions', {
      person: 'p-li',
      action: 'done',
      item: 'ZG-21',
      cardId: 'card-1',
      conversation: 'dm:p-li',
      clientId: 'aaaabbbbccccdddd',
    });
    expect(r.status).toBe(202);
    const job = await inboundJobOf(svc, { channel: 'sim', id: 'sim-act-aaaabbbbccccdddd' });
    expect(job?.data).toMatchObject({
      kind: 'action',
      platform: 'sim',
      channel: 'sim',
      senderId: 'p-li',
      action: 'done',
      item: 'ZG-21',
      cardRef: { cardId: 'card-1' },
      conversation: { id: 'dm:p-li', isGroup: false },
    });
  });

  it('refuses what no platform would deliver: strangers, other people’s chats, empty or malformed bodies', async () => {
    expect(
      (await post('/sim/api/messages', { person: 'nobody', conversation: 'dm:nobody', text: '帮助' })).status,
    ).toBe(404);
    expect(
      (await post('/sim/api/messages', { person: 'p-li', conversation: 'dm:p-wang', text: '帮助' })).status,
    ).toBe(403);
    expect(
      (await post('/sim/api/messages', { person: 'p-li', conversation: 'group:office', text: '帮助' }))
        .status,
    ).toBe(403);
    expect(
      (await post('/sim/api/messages', { person: 'p-li', conversation: 'dm:p-li', text: ' @督导助手 ' }))
        .status,
    ).toBe(400);
    expect(
      (await post('/sim/api/actions', { person: 'p-li', action: 'explode', item: 'ZG-1', cardId: 'x' }))
        .status,
    ).toBe(400);
    const bad = await fetch(`${svc.url}/sim/api/messages`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'malformed' } });
  });

  it('stores an attached picture under DATA_DIR/media/sim and the message carries only its id', async () => {
    const r = await post('/sim/api/messages', {
      person: 'p-li',
      conversation: 'dm:p-li',
      text: '',
      attachments: [{ kind: 'image', name: 'a.png', data: PNG.toString('base64') }],
    });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    const job = await inboundJobOf(svc, { channel: 'sim', id });
    const [att] = (job?.data.attachments ?? []) as { kind: string; mediaId: string }[];
    expect(att).toMatchObject({ kind: 'image', mediaId: expect.stringMatching(/^sim-[0-9a-f]{32}\.png$/) });
    expect(existsSync(join(dataDir, 'media', 'sim', att!.mediaId))).toBe(true);
    const img = await fetch(`${svc.url}/sim/media/${att!.mediaId}`);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    const notImage = await post('/sim/api/messages', {
      person: 'p-li',
      conversation: 'dm:p-li',
      attachments: [{ kind: 'image', data: Buffer.from('<svg/>').toString('base64') }],
    });
    expect(notImage.status).toBe(400);
  });

  it('streams a person’s conversations over SSE: history, then live entries; the connection ends with the page', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${svc.url}/sim/api/events?person=p-li`, { signal: ctl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let buf = '';
    const until = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!buf.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} in ${buf}`);
        const { value } = await reader.read();
        buf += new TextDecoder().decode(value);
      }
    };
    await until('event: live');
    expect(buf).toContain('"type":"in"'); // the picture sent above, from history
    await svc.rt.redis.xadd(
      simConversationKey(svc.rt.prefix, 'dm:p-li'),
      '*',
      'type',
      'out',
      'data',
      JSON.stringify({ cardId: 'c9', card: { title: '整改通知' } }),
    );
    await until('整改通知');
    const clients = async () => (await svc.rt.redis.client('LIST')) as string;
    expect(await clients()).toContain('dudao-sim-events');
    ctl.abort();
    await expect.poll(clients, { timeout: 5000 }).not.toContain('dudao-sim-events');
  });

  it('moves the simulated clock for the whole service and says so', async () => {
    const before = svc.rt.now().getTime();
    const r = await post('/sim/api/clock', { to: '2030-03-18T00:30:00.000Z' });
    expect(r.status).toBe(200);
    const c = (await r.json()) as { now: string; simulated: boolean; label: string; day: string };
    expect(c).toMatchObject({ simulated: true, day: '2030-03-18', label: '3月18日 周一 08:30' });
    // rt.now() is what the inbound job, the handlers and the time jobs read
    expect(Math.abs(svc.rt.now().getTime() - Date.parse('2030-03-18T00:30:00Z'))).toBeLessThan(5000);
    const next = (await (await post('/sim/api/clock', { to: '+1workday' })).json()) as {
      day: string;
      time: string;
    };
    expect(next).toMatchObject({ day: '2030-03-19', time: '08:30' });
    const at0830 = (await (await post('/sim/api/clock', { to: 'next-0830' })).json()) as {
      day: string;
      time: string;
    };
    expect(at0830).toMatchObject({ day: '2030-03-20', time: '08:30' });
    expect((await post('/sim/api/clock', { to: 'tomorrow-ish' })).status).toBe(400);
    await post('/sim/api/clock', { to: 'reset' });
    expect(Math.abs(svc.rt.now().getTime() - Date.now())).toBeLessThan(2000);
    expect(svc.rt.now().getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('SIM=off', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { SIM: 'off' }, processors: {} });
  });
  afterAll(async () => svc?.close());

  it('has no /sim route at all', async () => {
    for (const path of [
      '/sim',
      '/sim/',
      '/sim/app.js',
      '/sim/app.css',
      '/sim/api/people',
      '/sim/api/conversations?person=p-wang',
      '/sim/api/events?person=p-wang',
      '/sim/api/clock',
    ]) {
      expect((await fetch(`${svc.url}${path}`)).status, path).toBe(404);
    }
    for (const path of ['/sim/api/messages', '/sim/api/actions', '/sim/api/clock', '/sim/api/reset']) {
      expect((await fetch(`${svc.url}${path}`, { method: 'POST', body: '{}' })).status, path).toBe(404);
    }
  });
});
