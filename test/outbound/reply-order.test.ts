import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { isMyTurn, leaveOrder, orderKeyOf, registerOrder } from '../../src/queue/reply-order.js';
import { orderKeys } from '../../src/store/keys.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ web: false, worker: false });
});
afterAll(async () => svc?.close());

describe("a chat's reply line", () => {
  const q = () => svc.rt.jobQueues.outbound;

  it('keys by recipient: a person, a bound chat, or the conversation a message came from', () => {
    expect(orderKeyOf({ type: 'person', personId: 'p1' }, undefined)).toBe('p|p1');
    expect(orderKeyOf({ type: 'bound_chat', binding: { type: 'zone', id: 'z1' } }, undefined)).toBe(
      'c|zone|z1',
    );
    const origin = {
      platform: 'wecom' as const,
      channel: 'wecom-bot' as const,
      senderId: 'u1',
      conversation: { id: 'g1', isGroup: true },
    };
    expect(orderKeyOf({ type: 'origin' }, origin)).toBe('o|wecom|g1');
  });

  it('the first registered waits for nobody; the second waits while the first job waits', async () => {
    const { rt } = svc;
    await registerOrder(rt.redis, rt.prefix, [
      { key: 'p|a', jobId: 'j-a1' },
      { key: 'p|a', jobId: 'j-a2' },
    ]);
    await q().add('send', {}, { jobId: 'j-a1', delay: 60_000 }); // in backoff, say
    await q().add('send', {}, { jobId: 'j-a2', delay: 60_000 });
    expect(await isMyTurn(rt.redis, rt.prefix, q(), 'p|a', 'j-a2')).toBe(false);
    expect(await isMyTurn(rt.redis, rt.prefix, q(), 'p|a', 'j-a1')).toBe(true);
    await leaveOrder(rt.redis, rt.prefix, 'p|a', 'j-a1');
    expect(await isMyTurn(rt.redis, rt.prefix, q(), 'p|a', 'j-a2')).toBe(true);
  });

  it('registering again keeps the first place (a retried inbound job)', async () => {
    const { rt } = svc;
    await registerOrder(rt.redis, rt.prefix, [{ key: 'p|b', jobId: 'j-b1' }]);
    await registerOrder(rt.redis, rt.prefix, [{ key: 'p|b', jobId: 'j-b2' }]);
    await registerOrder(rt.redis, rt.prefix, [{ key: 'p|b', jobId: 'j-b1' }], Date.now() + 5000);
    expect(await rt.redis.zrange(orderKeys(rt.prefix).chat('p|b'), 0, -1)).toEqual(['j-b1', 'j-b2']);
  });

  it('heals: a head whose job is done or was never added holds nobody up', async () => {
    const { rt } = svc;
    const old = Date.now() - 60_000;
    await registerOrder(rt.redis, rt.prefix, [{ key: 'p|c', jobId: 'j-never-added' }], old);
    await registerOrder(rt.redis, rt.prefix, [{ key: 'p|c', jobId: 'j-c2' }]);
    expect(await isMyTurn(rt.redis, rt.prefix, q(), 'p|c', 'j-c2')).toBe(true);
    // a fresh entry whose job is being added right now is still waited for
    await registerOrder(rt.redis, rt.prefix, [
      { key: 'p|d', jobId: 'j-d1' },
      { key: 'p|d', jobId: 'j-d2' },
    ]);
    expect(await isMyTurn(rt.redis, rt.prefix, q(), 'p|d', 'j-d2')).toBe(false);
  });
});
