import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestService, type TestService } from '../../helpers/service.js';
import { DINGTALK_TEST, dingtalkEnv, robotTextMessage } from '../../helpers/dingtalk-sign.js';
import { fixture } from '../../helpers/wecom-sign.js';
import { callbackCount, inboundJobCount, inboundJobs, waitReady } from '../../helpers/inbound-jobs.js';
import { FakeDingtalkGateway } from '../../fakes/dingtalk-gateway.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../../src/redis/embedded-redis.js';

const ROBOT = '/v1.0/im/bot/messages/get';
const CARD = '/v1.0/card/instances/callback';

describe('DingTalk Stream mode against a local gateway', () => {
  let gw: FakeDingtalkGateway;
  let svc: TestService;
  const consoleInfo = vi.spyOn(console, 'info');
  beforeAll(async () => {
    gw = await new FakeDingtalkGateway().start();
    svc = await startTestService({
      worker: false,
      env: { ...dingtalkEnv(DINGTALK_TEST, 'stream'), DINGTALK_API_BASE: gw.url, LOG_LEVEL: 'debug' },
    });
    await waitReady(svc.url);
  });
  afterAll(async () => {
    await svc.close();
    await gw.close();
  });

  it('opens the connection at DINGTALK_API_BASE with the robot and card CALLBACK topics, then connects with the ticket', async () => {
    const conn = await gw.connection(1);
    expect(conn.ticket).toBe('ticket-1');
    const open = gw.opens[0]!;
    expect(open.headers.accept).toBe('application/json');
    expect(open.body).toMatchObject({
      clientId: DINGTALK_TEST.appKey,
      clientSecret: DINGTALK_TEST.appSecret,
    });
    expect(open.body.subscriptions).toEqual([
      { type: 'CALLBACK', topic: ROBOT },
      { type: 'CALLBACK', topic: CARD },
    ]);
  });

  it('HTTP callback routes are not mounted in stream mode', async () => {
    expect((await fetch(`${svc.url}/dingtalk/robot`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('acknowledges a robot message with code 200 only once it is stored', async () => {
    const conn = await gw.connection(1);
    gw.callback(conn, ROBOT, 'm-1', robotTextMessage('msgStream1==', '待办'));
    const ack = await gw.until(() => gw.replyTo(conn, 'm-1'), 5000, 'ack of m-1');
    // the job is there by the time the ack arrives
    const jobs = (await inboundJobs(svc)).filter((j) => j.data.id === 'msgStream1==');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({
      platform: 'dingtalk',
      channel: 'dingtalk-stream',
      text: '待办',
      senderId: 'staff001',
    });
    expect(ack).toMatchObject({ code: 200, message: 'OK', headers: { messageId: 'm-1' } });
    expect(JSON.parse(ack.data!)).toEqual({ response: {} });
  });

  it('a redelivery (same messageId) is acknowledged and makes no second job', async () => {
    const conn = await gw.connection(1);
    const dup0 = await callbackCount(svc.url, 'dingtalk', 'duplicate');
    gw.callback(conn, ROBOT, 'm-1', robotTextMessage('msgStream1==', '待办'));
    await gw.until(
      () => conn.replies.filter((r) => r.headers?.messageId === 'm-1').length === 2,
      5000,
      'second ack',
    );
    expect((await inboundJobs(svc)).filter((j) => j.data.id === 'msgStream1==')).toHaveLength(1);
    expect(await callbackCount(svc.url, 'dingtalk', 'duplicate')).toBe(dup0 + 1);
  });

  it('card clicks arrive as actions; unreadable messages are acknowledged, counted and dropped', async () => {
    const conn = await gw.connection(1);
    gw.callback(conn, CARD, 'c-1', fixture('dingtalk/card-callback.json'));
    await gw.until(() => gw.replyTo(conn, 'c-1'), 5000, 'ack of c-1');
    expect(
      (await inboundJobs(svc)).some(
        (j) => j.data.kind === 'action' && j.data.item === 'ZG-21' && j.data.channel === 'dingtalk-card',
      ),
    ).toBe(true);
    const before = await inboundJobCount(svc);
    const bad0 = await callbackCount(svc.url, 'dingtalk', 'malformed');
    gw.callback(conn, ROBOT, 'bad-1', '{"not":"a robot message"}');
    await gw.until(() => gw.replyTo(conn, 'bad-1'), 5000, 'ack of bad-1');
    expect(await inboundJobCount(svc)).toBe(before);
    expect(await callbackCount(svc.url, 'dingtalk', 'malformed')).toBe(bad0 + 1);
  });

  it('answers SYSTEM ping with code 200 and the same headers', async () => {
    const conn = await gw.connection(1);
    gw.system(conn, 'ping', 'p-1', '{"opaque":"x"}');
    const pong = await gw.until(() => gw.replyTo(conn, 'p-1'), 5000, 'ping reply');
    expect(pong).toMatchObject({ code: 200, data: '{"opaque":"x"}' });
  });

  it('after a disconnect frame it reconnects with a new ticket within 30 s and retires the old socket', async () => {
    const first = await gw.connection(1);
    const t0 = Date.now();
    first.ws.send(fixture('dingtalk/stream-disconnect.json'));
    const second = await gw.connection(2, 30_000);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(second.ticket).toBe('ticket-2');
    await gw.until(() => first.closed, 10_000, 'old socket closed');
    gw.callback(second, ROBOT, 'm-2', robotTextMessage('msgStream2==', '超期'));
    await gw.until(() => gw.replyTo(second, 'm-2'), 5000, 'ack on the new connection');
  });

  it('after the socket is killed it reconnects with a new ticket within 30 s', async () => {
    const second = await gw.connection(2);
    const t0 = Date.now();
    second.ws.terminate();
    const third = await gw.connection(3, 30_000);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(third.ticket).toBe('ticket-3');
    expect(gw.live()).toHaveLength(1);
  });

  it('keeps retrying while the gateway is down and connects once it is back', async () => {
    gw.available = false;
    (await gw.connection(3)).ws.terminate();
    await new Promise((r) => setTimeout(r, 1500));
    expect(gw.connections).toHaveLength(3);
    gw.available = true;
    const fourth = await gw.connection(4, 30_000);
    expect(fourth.closed).toBe(false);
  });

  it('prints nothing to the console and no secret or text in the log', () => {
    expect(consoleInfo).not.toHaveBeenCalled();
    const logs = svc.logs.text();
    expect(logs).toContain('dingtalk stream connected');
    for (const s of [DINGTALK_TEST.appSecret, '待办', '超期', 'ticket-']) expect(logs).not.toContain(s);
  });

  it('close() closes the connection and opens no other', async () => {
    const opens = gw.opens.length;
    await svc.close();
    await gw.until(() => gw.live().length === 0, 5000, 'all sockets closed');
    await new Promise((r) => setTimeout(r, 500));
    expect(gw.opens.length).toBe(opens);
  });
});

describe('DingTalk Stream mode while Redis is down', () => {
  let gw: FakeDingtalkGateway;
  let svc: TestService;
  let redis: EmbeddedRedis;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dudao-stream-redis-'));
    redis = await startEmbeddedRedis({ dataDir: dir, reuse: false });
    gw = await new FakeDingtalkGateway().start();
    svc = await startTestService({
      worker: false,
      redisUrl: redis.url,
      env: { ...dingtalkEnv(DINGTALK_TEST, 'stream'), DINGTALK_API_BASE: gw.url },
    });
    await waitReady(svc.url);
  });
  afterAll(async () => {
    await svc.close();
    await gw.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends no ack for a message it could not store; the redelivery after Redis is back is acked and stored once', async () => {
    const conn = await gw.connection(1);
    const port = redis.port;
    await redis.stop();
    gw.callback(conn, ROBOT, 'down-1', robotTextMessage('msgDown==', '待办'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(gw.replyTo(conn, 'down-1')).toBeUndefined();
    redis = await startEmbeddedRedis({ dataDir: dir, reuse: false, port });
    // DingTalk pushes it again until it is acknowledged
    await gw.until(
      () => {
        if (!gw.replyTo(conn, 'down-1'))
          gw.callback(conn, ROBOT, 'down-1', robotTextMessage('msgDown==', '待办'));
        return gw.replyTo(conn, 'down-1');
      },
      20_000,
      'ack after Redis is back',
    );
    expect((await inboundJobs(svc)).filter((j) => j.data.id === 'msgDown==')).toHaveLength(1);
  });
});
