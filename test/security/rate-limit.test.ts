import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { inboundJobCount, waitReady } from '../helpers/inbound-jobs.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import { senderLimit } from '../../src/store/sender-limit.js';
import { Scope, startFake } from '../reliability/processes.js';
import { demoRoster } from '../helpers/district.js';
import { waitFor } from '../helpers/wait-for.js';
import { IDS, botText, replies } from '../reliability/traffic.js';

/**
 * "Input cannot buy time … one sender cannot hold up others" (docs/security.md), finding 5: there
 * was no per-sender limit. One sender floods; what they send beyond their bucket is stored once
 * (the callback was answered) but not handled, they get one polite notice, and another sender
 * sending in the middle of the flood is answered as usual.
 */
const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
const LIMIT = 10;

beforeAll(async () => {
  fake = await startFake(scope);
  svc = await startTestService({
    env: { ...wecomEnv(), WECOM_API_BASE: fake.url, SIM: 'off', SENDER_RATE_LIMIT: `${LIMIT}/min` },
  });
  scope.defer(() => svc.close());
  await waitReady(svc.url);
  await createStore(svc.rt.redis, svc.rt.prefix).importRoster(demoRoster());
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
    60_000,
  );
};

describe('a per-sender token bucket in the inbound job', () => {
  it('a flood from one sender: the first LIMIT handled, one notice, the rest not handled; another sender unaffected', async () => {
    const jobs0 = await inboundJobCount(svc);
    const FLOOD = 40;
    const flood = [];
    for (let i = 0; i < FLOOD; i++) {
      flood.push(botText(svc.url, fake, IDS.supWang.wecom, '帮助'));
      if (i === FLOOD / 2) flood.push(botText(svc.url, fake, IDS.supZhang.wecom, '待办'));
    }
    const sent = await Promise.all(flood);
    expect(sent.every((s) => s.res.status === 200)).toBe(true);
    const other = sent[FLOOD / 2 + 1]!;
    await waitFor(
      'the other sender answered',
      () => replies(fake).some((r) => r.to === other.replyTo),
      30_000,
    );
    await idle();
    await new Promise((r) => setTimeout(r, 500));

    // every message stored once: 41 callbacks, 41 inbound jobs
    expect(await inboundJobCount(svc)).toBe(jobs0 + FLOOD + 1);
    const mine = new Set(sent.filter((s) => s !== other).map((s) => s.replyTo));
    const answers = replies(fake).filter((r) => mine.has(r.to));
    const notices = answers.filter((r) => r.text.includes('消息太多'));
    expect(notices).toHaveLength(1);
    expect(answers.filter((r) => !r.text.includes('消息太多'))).toHaveLength(LIMIT);
    // no answer twice, nothing answered on a channel other than its own message's
    expect(new Set(answers.map((r) => r.to)).size).toBe(answers.length);
    const doneJobs = await svc.rt.jobQueues.inbound.getJobs(['completed']);
    const limited = doneJobs.filter(
      (j) => (j.returnvalue as { command?: string })?.command === 'rate_limited',
    );
    expect(limited).toHaveLength(FLOOD - LIMIT);
    expect(await svc.rt.jobQueues.inbound.getJobCounts('failed')).toEqual({ failed: 0 });
    // each message's verdict went with its completed job: none of the 41 is left in Redis
    await waitFor(
      'the verdicts deleted',
      async () => (await svc.rt.redis.keys(`${svc.rt.prefix}:rl:in:d:*`)).length === 0,
    );
  }, 120_000);

  it('a message asked again (its job retried) keeps its first verdict and takes no second token', async () => {
    const limit = senderLimit(svc.rt.redis, svc.rt.prefix, { burst: 2, perMinute: 1 });
    const t = Date.now();
    expect(await limit.admit('test:retry', 'm1', t)).toBe(true);
    expect(await limit.admit('test:retry', 'm1', t)).toBe(true); // the retry of m1
    expect(await limit.admit('test:retry', 'm2', t)).toBe(true);
    expect(await limit.admit('test:retry', 'm3', t)).toBe(false);
    expect(await limit.admit('test:retry', 'm1', t)).toBe(true); // still admitted, however late
    expect(await limit.admit('test:retry', 'm3', t + 120_000)).toBe(false); // refused stays refused
    expect(await limit.admit('test:retry', 'm4', t + 120_000)).toBe(true); // refilled meanwhile
  });
});
