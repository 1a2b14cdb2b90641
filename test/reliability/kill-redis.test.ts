// kill -9 of Redis (AOF, appendfsync always) right after callbacks were acknowledged: while it is
// away callbacks get 503 (fast, so the platform retries) and /readyz says why; once it is back on
// the same port and data dir, every acknowledged message is there, handled once, answered once.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { FakePlatform } from '../fakes/fake-platform.js';
import {
  Scope,
  client,
  readyz,
  serviceEnv,
  startFake,
  startRedis,
  startRole,
  type RedisNode,
  type Role,
} from './processes.js';
import { importDemoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, botText, dingText, duplicates, replies, type Sent } from './traffic.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import { createStore } from '../../src/store/redis-store.js';

const scope = new Scope();
let redis: RedisNode;
let fake: FakePlatform;
let svc: Role;

const SCHOOLS = ['龙泉小学', '龙泉中学', '城关第二十七小学', '城关第一中学', '城关第二幼儿园'];
const record = (school: string, n: number) =>
  `提交督导记录\n学校：${school}\n类型：挂牌督导\n情况：检查校园安全（第${n}次）。\n问题：\n1、门卫登记不全（${n}），5个工作日内整改`;

beforeAll(async () => {
  redis = await startRedis(scope);
  fake = await startFake(scope);
  await importDemoRoster(client(scope, redis.url));
  svc = await startRole(
    scope,
    'serve',
    serviceEnv({ redisUrl: redis.url, apiBase: fake.url, dataDir: scope.tmp('data') }),
  );
}, 90_000);
afterAll(() => scope.close(), 30_000);

describe('kill -9 Redis', () => {
  it('nothing acknowledged is lost; 503 and /readyz 503 with the reason while it is away', async () => {
    const sent: Sent[] = [];
    // 10 visit records (DD-1 … DD-10, each with an item) and 10 questions (查询 ZG-700 …), 5 at a time
    for (let i = 0; i < 20; i += 5) {
      sent.push(
        ...(await Promise.all(
          [0, 1, 2, 3, 4].map((k) => {
            const n = i + k;
            return n % 2 === 0
              ? botText(svc.url, fake, IDS.supWang.wecom, record(SCHOOLS[(n / 2) % 5]!, n))
              : dingText(svc.url, fake, IDS.supZhang.dingtalk, `查询 ZG-${700 + n}`);
          }),
        )),
      );
    }
    expect(sent.map((s) => s.res.status)).toEqual(Array(20).fill(200));
    await redis.kill9(); // right after the 20th 200

    // while it is away: fast 503s, and /readyz says why
    const t0 = Date.now();
    const refused = await botText(svc.url, fake, IDS.supWang.wecom, '查询 ZG-799');
    expect(refused.res.status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await dingText(svc.url, fake, IDS.supZhang.dingtalk, '待办')).res.status).toBe(503);
    const r = await readyz(svc.url);
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ ok: false, reason: 'redis unavailable' });
    await sleep(1000); // stay away a little: workers and locks notice

    await redis.restart();
    await waitFor(
      '/readyz 200 after the restart',
      async () => (await readyz(svc.url)).status === 200,
      30_000,
    );
    // the platform's retry of the refused message is taken now, once
    const retried = await botText(svc.url, fake, IDS.supWang.wecom, '查询 ZG-799', { id: refused.id });
    expect(retried.res.status).toBe(200);
    sent.push(retried);

    const redisC = client(scope, redis.url);
    const q = new Queue('inbound', { connection: redisC, prefix: DEFAULT_PREFIX });
    scope.defer(() => q.close());
    await waitFor(
      '21 inbound jobs completed',
      async () => (await q.getJobCounts('completed')).completed === 21,
      90_000,
      250,
    );
    const out = new Queue('outbound', { connection: redisC, prefix: DEFAULT_PREFIX });
    scope.defer(() => out.close());
    await waitFor(
      'the outbound queue drained',
      async () => {
        const c = await out.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((n) => n === 0);
      },
      90_000,
      250,
    );
    await sleep(1000);

    // every acknowledged record is in the store, once
    const store = createStore(redisC, DEFAULT_PREFIX);
    const records = (await store.queryRecords({ limit: 100 })).items;
    expect(records).toHaveLength(10);
    expect((await store.queryItems({ limit: 100 })).items).toHaveLength(10);
    const all = replies(fake);
    expect(duplicates(all)).toEqual([]);
    // each record's summary to its submitter once (its response_url, or the app when that was used up)
    const submitter = (to: string) => to.startsWith('bot:') || to === `wecom:${IDS.supWang.wecom}`;
    for (let k = 1; k <= 10; k++)
      expect(
        all.filter((r) => submitter(r.to) && r.text.includes(`督导记录 DD-${k} 已登记`)),
        `DD-${k}`,
      ).toHaveLength(1);
    // each question answered once, the one refused during the outage included
    const questions = [...Array.from({ length: 10 }, (_, i) => 701 + 2 * i), 799];
    for (const q of questions)
      expect(
        all.filter((r) => r.items.includes(`ZG-${q}`)),
        `ZG-${q}`,
      ).toHaveLength(1);
    const failed = await out.getJobCounts('failed');
    expect(failed.failed).toBe(0);
  }, 240_000);
});
