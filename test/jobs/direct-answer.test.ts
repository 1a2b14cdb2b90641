import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { createOutboundProcessor } from '../../jobs/outbound.js';
import { createInboundProcessor } from '../../jobs/inbound.js';
import type { InboundMessage } from '../../src/domain/inbound.js';
import { inboundJobId } from '../../src/queue/accept.js';
import { outboundJobId } from '../../src/queue/outbound-job.js';
import { registerOrder } from '../../src/queue/reply-order.js';
import { orderKeys, outboundKeys } from '../../src/store/keys.js';
import { noDefer } from '../helpers/no-defer.js';
import { fakeCreds, loadRoster, platformEnv, waitJob } from '../outbound/helpers.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * The direct answer (jobs/inbound.ts → jobs/outbound.ts sendDirect): the answer to the sender is
 * sent by the inbound job itself, as the outbound job it would have been. Exactly once whatever
 * happens: the inbound job run again, the platform failing (the queued job takes over), another
 * reply waiting in the chat (queued behind it).
 */
let fake: FakePlatform;
let svc: TestService;
const inbound = createInboundProcessor({ answerDirectly: true });
const q = () => svc.rt.jobQueues.outbound;
const appSends = () => fake.delivered('/cgi-bin/message/send');

beforeAll(async () => {
  fake = await FakePlatform.start(fakeCreds);
  svc = await startTestService({
    web: false,
    env: platformEnv(fake),
    processors: {
      outbound: createOutboundProcessor({ timeoutMs: 300, retry: { attempts: 2, baseMs: 5, maxMs: 20 } }),
    },
  });
  await loadRoster(svc.rt, fake.url);
});
afterAll(async () => {
  await svc?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

let n = 0;
const msg = (text: string): InboundMessage => ({
  kind: 'message',
  platform: 'wecom',
  channel: 'wecom-app',
  id: `direct-${Date.now()}-${++n}`,
  conversation: { id: 'li', isGroup: false },
  senderId: 'li',
  text,
  attachments: [],
  at: new Date().toISOString(),
});
const run = (m: InboundMessage, attempt = 0) =>
  inbound(m, {
    rt: svc.rt,
    jobId: `${inboundJobId(m)}-x`,
    attempt,
    attempts: 8,
    jobName: 'message',
    defer: noDefer,
  });
const answerId = (m: InboundMessage) => outboundJobId(inboundJobId(m), 'origin');

describe('the answer to the sender, sent by the inbound job', () => {
  it('goes out once, with no outbound job, and a second run of the inbound job sends nothing', async () => {
    const m = msg('帮助');
    await run(m);
    expect(appSends()).toHaveLength(1);
    expect(appSends()[0]!.body).toMatchObject({ touser: 'li' });
    expect(await q().getJob(answerId(m))).toBeUndefined();
    await run(m, 1); // the inbound job retried (it died before it finished)
    expect(appSends()).toHaveLength(1);
    // it left its chat's line
    expect(await svc.rt.redis.zcard(orderKeys(svc.rt.prefix).chat('o|wecom|li'))).toBe(0);
  });

  it('when the platform fails, the queued outbound job sends it, once', async () => {
    fake.fail('/cgi-bin/message/send', { status: 500 }, 1);
    const m = msg('待办');
    await run(m);
    const ids = (await q().getJobs(['waiting', 'active', 'delayed', 'completed'])).map((j) => j.id);
    expect(ids).toContain(answerId(m));
    expect((await waitJob(q(), answerId(m))).state).toBe('completed');
    await run(m, 1); // and the inbound job run again now adds and sends nothing
    await new Promise((r) => setTimeout(r, 200));
    expect(appSends()).toHaveLength(1);
  });

  it('a queued answer’s ledger goes when its job completes; the inbound job run again after its job is gone sends nothing', async () => {
    fake.fail('/cgi-bin/message/send', { status: 500 }, 1);
    const m = msg('待办');
    await run(m);
    const id = answerId(m);
    expect((await waitJob(q(), id)).state).toBe('completed');
    const ledger = outboundKeys(svc.rt.prefix).ledger(id);
    await waitFor(
      'the completed job’s ledger deleted',
      async () => (await svc.rt.redis.exists(ledger)) === 0,
    );
    // the job leaves the completed set as removeOnComplete drops it (removeJobsByMaxCount: the
    // job's keys go, its deduplication key stays)
    await svc.rt.redis.zrem(q().toKey('completed'), id);
    await svc.rt.redis.del(q().toKey(id));
    expect(await svc.rt.redis.exists(q().toKey(`de:${id}`))).toBe(1);
    await run(m, 1); // the inbound job retried (it failed after it added its replies)
    await new Promise((r) => setTimeout(r, 300));
    expect(appSends()).toHaveLength(1);
    expect(await q().getJob(id)).toBeUndefined(); // not sent directly, not queued again
    // nor put back in its chat's line, where it would hold the next reply up until found stale
    expect(await svc.rt.redis.zcard(orderKeys(svc.rt.prefix).chat('o|wecom|li'))).toBe(0);
  });

  it('a queued reply’s deduplication key goes once its inbound job completes, not before', async () => {
    fake.fail('/cgi-bin/message/send', { status: 500 }, 1); // the direct answer: queued instead
    const m = msg('待办');
    const done: string[] = [];
    await inbound(m, {
      rt: svc.rt,
      jobId: `${inboundJobId(m)}-y`,
      attempt: 0,
      attempts: 8,
      jobName: 'message',
      defer: noDefer,
      whenCompleted: (k: string) => void done.push(k),
    });
    const id = answerId(m);
    expect(done).toContain(q().toKey(`de:${id}`)); // deleted by the worker once the inbound job completed
    expect(await svc.rt.redis.exists(q().toKey(`de:${id}`))).toBe(1); // until then a retry adds nothing
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(appSends()).toHaveLength(1);
  });

  it('a direct answer’s ledger goes once its inbound job completes, not before', async () => {
    const m = msg('帮助');
    const done: string[] = [];
    const ctx = (attempt: number) => ({
      rt: svc.rt,
      jobId: `${inboundJobId(m)}-x`,
      attempt,
      attempts: 8,
      jobName: 'message',
      defer: noDefer,
      whenCompleted: (k: string) => void done.push(k),
    });
    await inbound(m, ctx(0));
    const ledger = outboundKeys(svc.rt.prefix).ledger(answerId(m));
    expect(done).toContain(ledger); // deleted by the worker once the inbound job completed
    expect(await svc.rt.redis.exists(ledger)).toBe(1); // until then, a retry skips the answer
    await inbound(m, ctx(1));
    expect(appSends()).toHaveLength(1);
  });

  it('a failed reply keeps its ledger: a retry by hand sends nothing twice', async () => {
    fake.fail('/cgi-bin/message/send', { status: 500 }, 1); // the direct answer: queued instead
    fake.fail('/cgi-bin/message/send', { errcode: 60020 }, 1); // the queued job: refused for good
    const m = msg('待办');
    await run(m);
    const id = answerId(m);
    expect((await waitJob(q(), id)).state).toBe('failed');
    const ledger = outboundKeys(svc.rt.prefix).ledger(id);
    expect(await svc.rt.redis.hgetall(ledger)).toMatchObject({ '!wa:li': 'failed' });
    expect(await svc.rt.redis.ttl(ledger)).toBeGreaterThan(13 * 86_400);
  });

  it('waits its turn behind an earlier reply to the same chat: queued, not sent at once', async () => {
    const chat = 'o|wecom|li';
    // an earlier reply to this chat is still waiting for its job (added a moment ago)
    await registerOrder(svc.rt.redis, svc.rt.prefix, [{ key: chat, jobId: 'j-out-earlier' }]);
    const m = msg('帮助');
    await run(m);
    expect(appSends()).toHaveLength(0);
    const job = await q().getJob(answerId(m));
    expect(job?.data).toMatchObject({ kind: 'send', to: { type: 'origin' }, order: chat });
    await svc.rt.redis.zrem(orderKeys(svc.rt.prefix).chat(chat), 'j-out-earlier'); // the earlier one is done
    expect((await waitJob(q(), answerId(m))).state).toBe('completed');
    expect(appSends()).toHaveLength(1);
  });
});
