import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { fakeCreds, platformEnv } from './helpers.js';
import { registerDingtalkCardCallback } from '../../jobs/register-card-callback.js';
import { cardCallbackSecret } from '../../src/platforms/dingtalk/sign.js';

let fake: FakePlatform;
const services: TestService[] = [];
const start = async (extra: Record<string, string>) => {
  const svc = await startTestService({ web: false, worker: false, env: { ...platformEnv(fake), ...extra } });
  services.push(svc);
  return svc;
};
beforeAll(async () => {
  fake = await FakePlatform.start(fakeCreds);
});
afterAll(async () => {
  for (const s of services) await s.close();
  await fake?.close();
});

describe('DingTalk card callback registration', () => {
  const http = {
    DINGTALK_MODE: 'http',
    DINGTALK_EVENT_TOKEN: 'evt-token',
    DINGTALK_EVENT_AES_KEY: 'b'.repeat(43),
    PUBLIC_BASE_URL: 'https://dudao.example.gov.cn/',
  };

  it('in HTTP mode registers PUBLIC_BASE_URL/dingtalk/card with the secret the card route verifies', async () => {
    const svc = await start(http);
    expect(await registerDingtalkCardCallback(svc.rt)).toBe('registered');
    const [r] = fake.delivered('/v1.0/card/callbacks/register');
    expect(r!.body).toEqual({
      callbackRouteKey: 'dudao',
      callbackUrl: 'https://dudao.example.gov.cn/dingtalk/card',
      apiSecret: cardCallbackSecret('ding-secret-value'),
      forceUpdate: true,
    });
    expect(svc.logs.text()).not.toContain(cardCallbackSecret('ding-secret-value'));
  });

  it('registers nothing in Stream mode (clicks come over the connection) or without a public URL', async () => {
    fake.reset();
    expect(await registerDingtalkCardCallback((await start({})).rt)).toBe('skipped');
    expect(await registerDingtalkCardCallback((await start({ ...http, PUBLIC_BASE_URL: '' })).rt)).toBe(
      'skipped',
    );
    expect(fake.delivered('/v1.0/card/callbacks/register')).toHaveLength(0);
  });
});
