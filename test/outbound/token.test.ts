import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectRedis, type RedisClient } from '../../src/redis/connect.js';
import { WecomClient } from '../../src/platforms/wecom/client.js';
import { DingtalkClient } from '../../src/platforms/dingtalk/client.js';
import { FakePlatform } from '../fakes/fake-platform.js';
import { testPrefix } from '../helpers/service.js';
import { fakeCreds } from './helpers.js';

let fake: FakePlatform;
let redis: RedisClient;
beforeAll(async () => {
  fake = await FakePlatform.start(fakeCreds);
  redis = connectRedis(inject('redisUrl'), { role: 'worker' });
});
afterAll(async () => {
  await fake.close();
  await redis.quit();
});

const retry = { attempts: 3, baseMs: 5, maxMs: 20 };

describe('shared access token', () => {
  it('WeCom: 20 concurrent sends (in two "processes") fetch the token once, and once again after it expires', async () => {
    const key = `${testPrefix()}:tok:wecom:t`;
    const mk = () =>
      new WecomClient({
        baseUrl: fake.url,
        corpId: 'ww-test',
        secret: 'wecom-secret-value',
        agentId: 1,
        redis,
        tokenKey: key,
        retry,
      });
    const a = mk();
    const b = mk(); // a second client = another process sharing Redis
    const send = (i: number) =>
      (i % 2 ? a : b).sendMessage('li', { msgtype: 'text', text: { content: `m${i}` } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
    expect(fake.tokenFetches('wecom')).toBe(1);
    expect(fake.delivered('/cgi-bin/message/send')).toHaveLength(20);

    fake.expireTokens('wecom');
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
    expect(fake.tokenFetches('wecom')).toBe(2);
    expect(fake.delivered('/cgi-bin/message/send')).toHaveLength(40);
    expect(a.token.fetches + b.token.fetches).toBe(2);
  });

  it('DingTalk: 20 concurrent sends fetch the token once; a refused token (401) is refreshed once', async () => {
    const key = `${testPrefix()}:tok:dingtalk:t`;
    const c = new DingtalkClient({
      apiBase: fake.url,
      appKey: 'ding-app-key',
      appSecret: 'ding-secret-value',
      robotCode: 'r',
      redis,
      tokenKey: key,
      retry,
    });
    const before = fake.tokenFetches('dingtalk');
    const send = (i: number) =>
      c.batchSend('d-li', {
        msgKey: 'sampleMarkdown',
        msgParam: JSON.stringify({ title: 't', text: `m${i}` }),
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
    expect(fake.tokenFetches('dingtalk') - before).toBe(1);
    fake.expireTokens('dingtalk');
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
    expect(fake.tokenFetches('dingtalk') - before).toBe(2);
    expect(fake.delivered('/v1.0/robot/oToMessages/batchSend')).toHaveLength(40);
  });

  it('a bad secret is a permanent error that names the variable, never the secret', async () => {
    const c = new WecomClient({
      baseUrl: fake.url,
      corpId: 'ww-test',
      secret: 'wrong-secret',
      agentId: 1,
      redis,
      tokenKey: `${testPrefix()}:tok:x`,
      retry,
    });
    const e = await c
      .sendMessage('li', { msgtype: 'text', text: { content: 'x' } })
      .catch((err: Error) => err);
    expect(e).toMatchObject({ name: 'PlatformError', kind: 'permanent' });
    expect((e as Error).message).toContain('WECOM_SECRET');
    expect((e as Error).message).not.toContain('wrong-secret');
  });
});
