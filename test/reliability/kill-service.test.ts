// kill -9 of the whole service (web + workers in one process) right after 50 signed callbacks
// were answered 200. After a restart every one of the 50 is handled exactly once (one completed
// inbound job each) and answered: the answers are told apart by the item number each message
// asks about (`查询 ZG-<n>` → 未找到整改事项 ZG-<n>), whichever channel carried them (the message's
// own response_url / sessionWebhook, or the app when the killed process had claimed that URL).
//
// What "none twice" can mean for a send that was on the wire when the process died: the platform
// got it, the process died before writing it to the send ledger, and the retried job cannot
// know. Such a send may be repeated; no other may. So: every answer that arrived twice must have
// arrived first within a moment of the kill (that race is counted and printed).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { FakePlatform } from '../fakes/fake-platform.js';
import {
  Scope,
  client,
  logLines,
  runDudao,
  serviceEnv,
  startFake,
  startRedis,
  startRole,
  ROOT,
  type RedisNode,
  type Role,
} from './processes.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, botText, dingText, replies, type Sent } from './traffic.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';

const scope = new Scope();
let redis: RedisNode;
let fake: FakePlatform;
let env: Record<string, string>;

beforeAll(async () => {
  redis = await startRedis(scope);
  fake = await startFake(scope);
  env = serviceEnv({ redisUrl: redis.url, apiBase: fake.url, dataDir: scope.tmp('data') });
  // the demo roster through the real command
  const imp = await runDudao(['import', `${ROOT}/examples/roster.json`], env);
  expect(imp.code, imp.stderr).toBe(0);
}, 90_000);
afterAll(() => scope.close(), 30_000);

/** The sends the dead process may have had on the wire: arrived at most this long before the kill. */
const IN_FLIGHT_MS = 1000;

describe('kill -9 the service', () => {
  it('after 50 acknowledged callbacks: restarted, each handled once and answered, nothing repeated but a send on the wire', async () => {
    let svc: Role = await startRole(scope, 'serve', env, { name: 'serve-1' });
    const port = svc.port;
    const people = [IDS.supWang, IDS.supZhang, IDS.priS01, IDS.priS03, IDS.leadLiu];
    // all 50 at once, WeCom smart bot and DingTalk robot alternating: the workers are still busy
    // with them when the last 200 comes back
    const sent: Sent[] = await Promise.all(
      Array.from({ length: 50 }, (_, n) => {
        const p = people[n % people.length]!;
        const text = `查询 ZG-${1000 + n}`;
        return n % 2 === 0
          ? botText(svc.url, fake, p.wecom, text)
          : dingText(svc.url, fake, p.dingtalk, text);
      }),
    );
    expect(sent.map((s) => s.res.status)).toEqual(Array(50).fill(200));
    // kill as soon as the first answers go out, so that the kill finds messages in every state:
    // handled and answered, being answered (sends on the wire), and not yet handled
    await waitFor('the first answers', () => replies(fake).length >= 5, 20_000, 5).catch(() => {});
    const killedAt = Date.now();
    await svc.kill9();
    const before = replies(fake).length;

    svc = await startRole(scope, 'serve', env, { name: 'serve-2', port });
    const q = new Queue('inbound', { connection: client(scope, redis.url), prefix: DEFAULT_PREFIX });
    scope.defer(() => q.close());
    // a killed worker's active jobs come back when their lock (15 s) expires, at the next stall check
    await waitFor(
      '50 inbound jobs completed',
      async () => (await q.getJobCounts('completed')).completed === 50,
      120_000,
      250,
    );
    const answered = () => new Set(replies(fake).flatMap((r) => r.items));
    await waitFor('an answer to each of the 50', () => answered().size >= 50, 90_000, 100);
    await sleep(2000); // anything late would show up now

    const counts = await q.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
    expect(counts).toMatchObject({ completed: 50, failed: 0, waiting: 0, active: 0, delayed: 0 });
    const all = replies(fake);
    const byItem = new Map<string, number[]>();
    for (const r of all)
      for (const it of r.items) byItem.set(it, [...(byItem.get(it) ?? []), r.at - killedAt]);
    expect([...byItem.keys()].sort()).toEqual(Array.from({ length: 50 }, (_, n) => `ZG-${1000 + n}`).sort());
    const repeated = [...byItem.entries()].filter(([, at]) => at.length > 1);
    // a repeat only for a send that was on the wire at the kill, and at most twice
    for (const [item, at] of repeated) {
      expect(at.length, item).toBe(2);
      // (the fake notes a request when it has read it: a little after it left, when this process is busy)
      expect(Math.abs(at[0]!), `${item}: first copy ${at[0]} ms from the kill`).toBeLessThanOrEqual(
        IN_FLIGHT_MS,
      );
    }
    const handled = logLines(svc).filter((l) => l.msg === 'inbound handled').length;
    // and a polite stop: SIGTERM → exit 0 within 10 s
    const stop = await svc.term();
    expect(stop).toMatchObject({ code: 0, signal: null });
    expect(stop.ms).toBeLessThan(10_000);
    console.info(
      `[kill -9 service] answered before the kill: ${before}; handled after the restart: ${handled}; ` +
        `answers repeated (on the wire at the kill): ${repeated.length} ${repeated.map(([i, at]) => `${i}@${at.join('/')}ms`).join(' ')}`,
    );
  }, 240_000);
});
