// A callback answered 2xx is never lost: with Redis away the callback is 503 (the platform
// retries) and /readyz says so; once Redis is back on the same port, both heal by themselves.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { WECOM_TEST, botTextJson, wecomBotRequest, wecomEnv } from '../helpers/wecom-sign.js';
import {
  DINGTALK_TEST,
  dingtalkEnv,
  dingtalkRobotRequest,
  robotTextMessage,
} from '../helpers/dingtalk-sign.js';
import { callbackCount, inboundJobs } from '../helpers/inbound-jobs.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { waitFor } from '../helpers/wait-for.js';

describe('callbacks while Redis is down', () => {
  let redis: EmbeddedRedis;
  let dir: string;
  let svc: TestService;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dudao-outage-'));
    redis = await startEmbeddedRedis({ dataDir: dir, reuse: false });
    svc = await startTestService({
      worker: false,
      redisUrl: redis.url,
      env: { ...wecomEnv(), ...dingtalkEnv() },
    });
  });
  afterAll(async () => {
    await svc.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const readyWithin = (ms: number) =>
    waitFor('the service to be ready', async () => (await fetch(`${svc.url}/readyz`)).status === 200, ms);

  it('503 and /readyz 503 while down; 200 and healthy after a restart, the retried message stored once', async () => {
    await readyWithin(5000); // the connections open in the background after start
    const n0 = await callbackCount(svc.url, 'wecom', 'unavailable');
    const port = redis.port;
    await redis.stop();

    const t0 = Date.now();
    const r = await wecomBotRequest(svc.url, WECOM_TEST, botTextJson('outage-1', '@督导助手 待办'));
    expect(r.status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(1000); // fails fast, well inside the platform's 5 s
    expect(
      (await dingtalkRobotRequest(svc.url, DINGTALK_TEST, robotTextMessage('outage-2', '待办'))).status,
    ).toBe(503);
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, reason: 'redis unavailable' });
    // /metrics still answers (queue depth keeps its last values) and counts the refusals
    const t1 = Date.now();
    expect(await callbackCount(svc.url, 'wecom', 'unavailable')).toBe(n0 + 1);
    expect(Date.now() - t1).toBeLessThan(2000);

    redis = await startEmbeddedRedis({ dataDir: dir, reuse: false, port });
    await readyWithin(15_000);
    expect(await callbackCount(svc.url, 'wecom', 'unavailable')).toBe(n0 + 1);
    expect(await callbackCount(svc.url, 'dingtalk', 'unavailable')).toBeGreaterThanOrEqual(1);
    // the platform's retry of the refused message
    await waitFor(
      'the retried callback to be taken',
      async () =>
        (await wecomBotRequest(svc.url, WECOM_TEST, botTextJson('outage-1', '@督导助手 待办'))).status ===
        200,
      15_000,
      200,
    );
    expect((await inboundJobs(svc)).filter((j) => j.data.id === 'outage-1')).toHaveLength(1);
  });
});
