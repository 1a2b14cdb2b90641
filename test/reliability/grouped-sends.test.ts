// A principal's notices of one record — the summary and one card per item — are ONE outbound job
// (jobs/enqueue-replies.ts groupReplies, jobs/outbound.ts sendParts). Each part has its own ledger
// entries, so whatever stops the job in the middle, the parts already sent are never sent again,
// none is lost, and they arrive in order: summary, then the items in their order.
//   - the platform refuses the third message (HTTP 500) several times: the job is retried;
//   - the third message hangs and the service is killed (kill -9) while it hangs: the job comes
//     back after its lock expires, in a new process.
// Counted at the fake WeCom API: each part served exactly once, in order; and the deliveries
// recorded on each item once per part (the summary's and its own card's). The job's ledger is
// kept while the job may run again (the retry, the new process), and deleted once it completed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { Scope, client, serviceEnv, startFake, startRedis, startRole, type RedisNode } from './processes.js';
import { importDemoRoster } from '../helpers/district.js';
import { waitFor } from '../helpers/wait-for.js';
import { IDS, botText, replies } from './traffic.js';
import type { FullStore } from '../../src/store/store.js';
import { Queue } from 'bullmq';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import { queueOptions } from '../../src/queue/job-options.js';
import { keyPart } from '../../src/store/keys.js';

const scope = new Scope();
let redis: RedisNode;
let fake: FakePlatform;
let env: Record<string, string>;
let store: FullStore;

beforeAll(async () => {
  redis = await startRedis(scope);
  fake = await startFake(scope);
  store = await importDemoRoster(client(scope, redis.url));
  env = serviceEnv({ redisUrl: redis.url, apiBase: fake.url, dataDir: scope.tmp('data') });
}, 90_000);
afterAll(() => scope.close(), 30_000);

const SEND = '/cgi-bin/message/send';
/** 龙泉中学's principal: on WeCom only, so the notices go through the app's message/send */
const PRINCIPAL = IDS.priS02;

/** Two different records: the same one twice the same day is held back as a likely duplicate. */
const RECORDS = {
  retry: ['三年级作业公示栏未按周更新', '课后服务学生签到表缺2月数据', '食堂留样记录不全'],
  kill: ['一楼消防通道堆放杂物', '实验室危化品管理台账未更新', '校车接送登记表缺签字'],
};
const record = (tag: keyof typeof RECORDS) =>
  `提交督导记录\n学校：龙泉中学\n类型：专项督导（双减）\n情况：抽查${tag === 'retry' ? '作业' : '安全'}。\n问题：\n` +
  RECORDS[tag].map((p, i) => `${i + 1}、${p}，${5 + i}个工作日内整改`).join('\n');

/** The principal's messages that arrived (served), oldest first, from `since`. */
const toPrincipal = (since: number) =>
  replies(fake).filter((r) => r.to === `wecom:${PRINCIPAL.wecom}` && r.at >= since);

/** Submit a record; its three items' ids, from the supervisor's answer. */
async function submit(svcUrl: string, tag: keyof typeof RECORDS): Promise<string[]> {
  const s = await botText(svcUrl, fake, IDS.supWang.wecom, record(tag));
  expect(s.res.status).toBe(200);
  const answer = await waitFor(
    'the summary to the supervisor',
    () => replies(fake).find((r) => r.to === s.replyTo),
    30_000,
    50,
  );
  const ids = answer.items;
  expect(ids, answer.text).toHaveLength(3);
  return ids;
}

/** Summary first (it names all three items), then one card per item in order, each once. */
async function expectInOrderOnce(since: number, ids: string[]) {
  const got = await waitFor(
    'the 4 notices',
    () => toPrincipal(since).length >= 4 && toPrincipal(since),
    90_000,
    100,
  );
  expect(got).toHaveLength(4);
  expect(new Set(got[0]!.items)).toEqual(new Set(ids));
  expect(got.slice(1).map((r) => r.items)).toEqual(ids.map((id) => [id]));
  expect(new Set(got.map((r) => r.text)).size).toBe(4);
  // a delivery per part on each item: the supervisor's summary, the principal's summary, its card
  for (const id of ids)
    await waitFor(`${id}'s deliveries`, async () => (await store.deliveries(id)).length === 3, 10_000, 100);
  for (const id of ids) {
    const ds = await store.deliveries(id);
    expect(ds.filter((d) => d.to === 'pri-s02' && d.outcome === 'sent')).toHaveLength(2);
  }
}

/**
 * Every job done: no ledger left (jobs/outbound.ts: one hash per job, deleted once the job has
 * completed; the direct answer's once its inbound job has). `which`: only these (a process killed
 * within src/worker.ts COMPLETED_KEYS_DELAY_MS of completing a job leaves that job's ledger to
 * its TTL).
 */
async function expectNoLedgers(which: RegExp = /./) {
  const r = client(scope, redis.url);
  const left = async () => (await r.keys(`${DEFAULT_PREFIX}:out:sent:*`)).filter((k) => which.test(k));
  await waitFor(
    'the ledgers of the completed jobs deleted',
    async () => (await left()).length === 0,
    10_000,
    100,
  );
  expect(await r.keys(`${DEFAULT_PREFIX}:out:rec:*`)).toEqual([]);
}

describe('a principal’s notices of one record, as one job', () => {
  it('the third refused several times: retried, nothing sent twice, in order', async () => {
    const svc = await startRole(scope, 'serve', env, { name: 'serve-retry' });
    const since = Date.now();
    // the summary and the first card go; the next six message/send calls fail (500): more than
    // the client's own retries, so the job itself fails its attempt and comes back
    fake.fail(SEND, { status: 500 }, 6, { after: 2 });
    const ids = await submit(svc.url, 'retry');
    await expectInOrderOnce(since, ids);
    expect(fake.requests.filter((r) => r.path === SEND && !r.served).length).toBeGreaterThanOrEqual(6);
    // it was one job, retried: the four parts in one `sends` job that failed an attempt
    const q = new Queue('outbound', {
      connection: client(scope, redis.url),
      prefix: DEFAULT_PREFIX,
      ...queueOptions,
    });
    scope.defer(() => q.close());
    const groups = (await q.getJobs(['completed'])).filter((j) => j.name === 'sends');
    expect(groups.map((j) => [j.data.parts.length, j.attemptsMade > 0])).toEqual([[4, true]]);
    await expectNoLedgers();
    await svc.term();
  }, 150_000);

  it('kill -9 while the third hangs: the new process sends the rest, nothing twice, in order', async () => {
    const svc = await startRole(scope, 'serve', env, { name: 'serve-kill-1' });
    const since = Date.now();
    const before = fake.requests.filter((r) => r.path === SEND).length;
    fake.fail(SEND, { hangMs: 60_000 }, 1, { after: 2 });
    const ids = await submit(svc.url, 'kill');
    await waitFor(
      'the third message on the wire',
      () => fake.requests.filter((r) => r.path === SEND).length >= before + 3,
      30_000,
      20,
    );
    await svc.kill9();
    expect(toPrincipal(since)).toHaveLength(2);
    await startRole(scope, 'serve', env, { name: 'serve-kill-2' });
    await expectInOrderOnce(since, ids);
    // the principal's group, completed by the new process: its ledger goes
    const q = new Queue('outbound', {
      connection: client(scope, redis.url),
      prefix: DEFAULT_PREFIX,
      ...queueOptions,
    });
    scope.defer(() => q.close());
    const group = (await q.getJobs(['completed'])).filter(
      (j) => j.name === 'sends' && j.data.parts.length === 4,
    );
    expect(group.length).toBeGreaterThan(0);
    await expectNoLedgers(new RegExp(group.map((j) => `:${keyPart(j.id!)}$`).join('|')));
  }, 150_000);
});
