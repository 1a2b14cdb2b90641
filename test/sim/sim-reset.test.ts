import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestService, testPrefix, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait-for.js';
import { buildDistrict } from '../helpers/district.js';
import { createStore } from '../../src/store/redis-store.js';
import { makeKeys } from '../../src/store/keys.js';
import { loadDemoRoster } from '../../src/roster/demo.js';
import { simClockKey, simConversationKey } from '../../src/store/keys.js';
import { mediaDir } from '../../src/platforms/sim/media.js';
import { DemoResetRefused, resetDemoDistrict } from '../../src/http/sim-reset.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { WECOM_TEST } from '../helpers/wecom-sign.js';

/**
 * The simulator as a training tool: 重置演示数据 (POST /sim/api/reset) brings the demo district
 * back as new — every record, item, conversation and picture gone, the roster loaded again, the
 * clock at now — while what the running service needs (its queues and schedules, the board's
 * secret) stays, so the next round works at once and numbers start again at DD-1 and ZG-1.
 */
const RECORD = [
  '@督导助手 提交督导记录',
  '学校：龙泉小学',
  '日期：今天',
  '类型：专项督导（双减）',
  '情况：抽查作业公示。',
  '问题：',
  '1、三年级作业公示栏未按周更新，5个工作日内整改',
].join('\n');

// a 1×1 transparent PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==',
  'base64',
);

interface Entry {
  type: string;
  data: Record<string, unknown>;
}

describe('重置演示数据 (SIM=on, the demo district)', () => {
  let svc: TestService;
  let dataDir: string;
  const dm = 'dm:sup-wang';
  const post = (path: string, body: unknown, type = 'application/json') =>
    fetch(`${svc.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: JSON.stringify(body),
    });
  const entries = async (conversation: string): Promise<Entry[]> =>
    (await svc.rt.redis.xrange(simConversationKey(svc.rt.prefix, conversation), '-', '+')).map(([, f]) => ({
      type: f[1]!,
      data: JSON.parse(f[3]!) as Record<string, unknown>,
    }));
  const say = async (text: string) => {
    const r = await post('/sim/api/messages', { person: 'sup-wang', conversation: dm, text });
    expect(r.status).toBe(202);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dudao-sim-reset-'));
    // real workers: the bot answers, records and items are made as in a training session
    svc = await startTestService({ env: { SIM: 'on', DATA_DIR: dataDir } });
    await createStore(svc.rt.redis, svc.rt.prefix).importRoster(loadDemoRoster());
  });
  afterAll(async () => {
    await svc?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the sender’s bubble shows the text as typed, @督导助手 and all; the bot reads it without', async () => {
    await say(RECORD);
    const store = createStore(svc.rt.redis, svc.rt.prefix);
    await waitFor('the record DD-1', () => store.getRecord('DD-1'));
    const shown = (await entries(dm)).find((e) => e.type === 'in');
    expect(shown?.data.text).toBe(RECORD);
    expect((await store.getRecord('DD-1'))?.school).toBe(
      (await store.listSchools()).find((s) => s.name === '龙泉小学')?.id,
    );
    await waitFor('the answer', async () => (await entries(dm)).some((e) => e.type === 'out'));
  });

  it('clears records, items, conversations, pictures, bindings and claims; keeps queues and secrets; clock back to now', async () => {
    const store = createStore(svc.rt.redis, svc.rt.prefix);
    const k = makeKeys(svc.rt.prefix);
    // a picture, a chat bound in a chat, the simulated clock moved, the board's secret
    const pic = await post('/sim/api/messages', {
      person: 'sup-wang',
      conversation: dm,
      attachments: [{ kind: 'image', data: PNG.toString('base64') }],
    });
    expect(pic.status).toBe(202);
    await store.bindChat({
      platform: 'sim',
      chatId: 'trained',
      name: '培训群',
      binding: { type: 'office', id: 'office' },
    });
    await svc.rt.redis.set(k.boardSecret, 'b'.repeat(64));
    expect((await post('/sim/api/clock', { to: '+1workday' })).status).toBe(200);
    await waitFor('the record’s item', () => store.getItem('ZG-1'));
    expect(readdirSync(mediaDir(dataDir))).toHaveLength(1);
    // the picture's answer and the clock's reminders handled: nothing in flight writes after the reset
    const idle = async () => {
      for (const q of [svc.rt.jobQueues.inbound, svc.rt.jobQueues.outbound]) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(c).some((n) => n > 0)) return false;
      }
      return true;
    };
    await waitFor('the queues idle', idle);
    const queueKeysBefore = (await svc.rt.redis.keys(`${svc.rt.prefix}:inbound:*`)).sort();
    expect(queueKeysBefore.length).toBeGreaterThan(0);
    const versionBefore = await store.rosterVersion();
    const demo = loadDemoRoster();

    const r = await post('/sim/api/reset', { confirm: true });
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      records: 1,
      items: 1,
      schools: demo.schools.length,
      people: demo.people.length,
      clock: { simulated: false },
    });

    expect(await store.getRecord('DD-1')).toBeUndefined();
    expect(await store.getItem('ZG-1')).toBeUndefined();
    expect(await svc.rt.redis.exists(simConversationKey(svc.rt.prefix, dm))).toBe(0);
    expect(existsSync(mediaDir(dataDir))).toBe(false);
    expect((await store.listChats()).map((c) => c.chatId)).not.toContain('trained');
    expect(await svc.rt.redis.get(simClockKey(svc.rt.prefix))).toBeNull();
    expect(Math.abs(svc.rt.now().getTime() - Date.now())).toBeLessThan(2000);
    // the demo district again, and a roster version that only grew (every cache reloads)
    expect((await store.listPeople()).map((p) => p.id).sort()).toEqual(demo.people.map((p) => p.id).sort());
    expect(await store.rosterVersion()).toBeGreaterThan(versionBefore);
    // what the service needs stayed
    expect(await svc.rt.redis.get(k.boardSecret)).toBe('b'.repeat(64));
    expect(await svc.rt.redis.exists(`${svc.rt.prefix}:inbound:meta`)).toBe(1);
    // nothing under the prefix but the kept families
    const left = await svc.rt.redis.keys(`${svc.rt.prefix}:*`);
    const kept =
      /:(inbound|outbound|reminder-pass|daily-digest|monthly-plan|order|sig|tok):|:board:secret$|:once:lock:|:r:(ver|schools|people|zones|chats|plan)$|:r:pid:/;
    expect(left.filter((key) => !kept.test(key))).toEqual([]);
  });

  it('the next round works at once and numbers start again at DD-1', async () => {
    await say(RECORD);
    const store = createStore(svc.rt.redis, svc.rt.prefix);
    const rec = await waitFor('the new DD-1', () => store.getRecord('DD-1'));
    expect(rec.items).toEqual(['ZG-1']);
    await waitFor('the answer after the reset', async () =>
      (await entries(dm)).some((e) => e.type === 'out'),
    );
    const ins = (await entries(dm)).filter((e) => e.type === 'in');
    expect(ins).toHaveLength(1); // the conversation starts empty: only the new message
  });

  it('is refused without { confirm: true }, and as a form post', async () => {
    expect((await post('/sim/api/reset', {})).status).toBe(400);
    expect((await post('/sim/api/reset', { confirm: true }, 'text/plain')).status).toBe(415);
    expect((await fetch(`${svc.url}/sim/api/reset`)).status).toBe(405);
    expect(await createStore(svc.rt.redis, svc.rt.prefix).getRecord('DD-1')).toBeDefined();
  });
});

describe('重置演示数据 is refused', () => {
  it('when the roster is an office’s own: 409, and nothing is deleted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dudao-sim-reset-'));
    const svc = await startTestService({ env: { SIM: 'on', DATA_DIR: dataDir }, processors: {} });
    try {
      const store = createStore(svc.rt.redis, svc.rt.prefix);
      const own = buildDistrict({
        zones: [{ id: 'Z1', name: '城东责任区' }],
        schools: [{ id: 'S-own', name: '本县实验小学', type: '小学', zone: 'Z1' }],
        people: [{ id: 'p-own', name: '本县督学', roles: ['supervisor'], zones: ['Z1'] }],
      });
      await store.importRoster(own);
      await svc.rt.redis.set(simConversationKey(svc.rt.prefix, 'dm:p-own'), 'x');
      const r = await fetch(`${svc.url}/sim/api/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: true }),
      });
      expect(r.status).toBe(409);
      expect(await r.json()).toMatchObject({ error: { code: 'not_demo_roster' } });
      expect((await store.listSchools()).map((s) => s.id)).toEqual(['S-own']);
      expect(await svc.rt.redis.exists(simConversationKey(svc.rt.prefix, 'dm:p-own'))).toBe(1);
    } finally {
      await svc.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with SIM=off: no route, and the reset itself refuses beside a real platform', async () => {
    const svc = await startTestService({ env: { SIM: 'off' }, processors: {} });
    try {
      const r = await fetch(`${svc.url}/sim/api/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: true }),
      });
      expect(r.status).toBe(404);
      // called directly (a Config built around loadConfig's refusal): still refused, nothing touched
      const prefix = testPrefix();
      await svc.rt.redis.set(`${prefix}:seq:dd`, '7');
      const wecom = loadConfig({
        WECOM_BOT_TOKEN: WECOM_TEST.botToken,
        WECOM_BOT_AES_KEY: WECOM_TEST.botAesKey,
      });
      for (const config of [svc.config, { ...wecom, SIM: 'on' as const }]) {
        await expect(
          resetDemoDistrict({ config, redis: svc.rt.redis, prefix, log: createLogger('silent') }),
        ).rejects.toThrow(DemoResetRefused);
      }
      expect(await svc.rt.redis.get(`${prefix}:seq:dd`)).toBe('7');
    } finally {
      await svc.close();
    }
  });
});
