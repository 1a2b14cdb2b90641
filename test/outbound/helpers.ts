import type { Queue } from 'bullmq';
import { buildDistrict } from '../helpers/district.js';
import { createStore } from '../../src/store/redis-store.js';
import type { Runtime } from '../../src/runtime.js';
import { outboundJobId } from '../../src/queue/outbound-job.js';
import { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { createOutboundProcessor } from '../../jobs/outbound.js';
import type { OutboundOptions } from '../../jobs/outbound-deps.js';
import type { FullStore } from '../../src/store/store.js';
import { waitFor } from '../helpers/wait-for.js';

export const platformEnv = (fake: FakePlatform): Record<string, string> => ({
  WECOM_CORP_ID: 'ww-test',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecom-secret-value',
  WECOM_TOKEN: 'wecom-callback-token',
  WECOM_AES_KEY: 'a'.repeat(43),
  DINGTALK_APP_KEY: 'ding-app-key',
  DINGTALK_APP_SECRET: 'ding-secret-value',
  DINGTALK_ROBOT_CODE: 'ding-robot',
  DINGTALK_MODE: 'stream',
  DINGTALK_CARD_TEMPLATE_ID: 'tpl-test.schema',
  WECOM_API_BASE: fake.url,
  DINGTALK_API_BASE: fake.url,
  DINGTALK_OAPI_BASE: fake.url,
  SIM: 'off',
});

export const fakeCreds = {
  wecom: { corpId: 'ww-test', secret: 'wecom-secret-value' },
  dingtalk: { appKey: 'ding-app-key', appSecret: 'ding-secret-value' },
};

export async function loadRoster(rt: Runtime, fakeUrl: string) {
  const roster = buildDistrict({
    zones: [{ id: 'Z1', name: '城东责任区' }],
    schools: [{ id: 'S1', name: '龙泉小学', type: '小学', zone: 'Z1' }],
    people: [
      { id: 'p-li', name: '李校长', roles: ['principal'], school: 'S1', wecomId: 'li', dingtalkId: 'd-li' },
      { id: 'p-wang', name: '王督学', roles: ['supervisor'], zones: ['Z1'], wecomId: 'wang' },
      { id: 'p-zhao', name: '赵督学', roles: ['supervisor'], zones: ['Z1'], dingtalkId: 'd-zhao' },
      { id: 'p-none', name: '钱老师', roles: ['principal'], school: 'S1' },
    ],
    chats: [
      {
        platform: 'wecom',
        chatId: `${fakeUrl}/cgi-bin/webhook/send?key=k-zone1`,
        name: '城东责任区群',
        binding: { type: 'zone', id: 'Z1' },
      },
    ],
  });
  const store = createStore(rt.redis, rt.prefix);
  await store.importRoster(roster);
  return store;
}

export interface OutboundService {
  fake: FakePlatform;
  svc: TestService;
  store: FullStore;
  close(): Promise<void>;
}

/**
 * The worker side alone (no web): the real outbound processor, with `o`, against a fake platform
 * API, the test roster above loaded.
 */
export async function startOutboundService(
  o: OutboundOptions = { timeoutMs: 300 },
): Promise<OutboundService> {
  const fake = await FakePlatform.start(fakeCreds);
  const svc = await startTestService({
    web: false,
    env: platformEnv(fake),
    processors: { outbound: createOutboundProcessor(o) },
  });
  const store = (await loadRoster(svc.rt, fake.url)) as FullStore;
  return {
    fake,
    svc,
    store,
    async close() {
      await svc.close();
      await fake.close();
    },
  };
}

let n = 0;
/** Enqueue an outbound job as the producers do (deterministic id, attempts with backoff). */
export async function enqueue(q: Queue, data: unknown, opts: { attempts?: number } = {}): Promise<string> {
  const id = outboundJobId(`test-${Date.now()}-${++n}`, 'r0');
  await q.add('send', data, {
    jobId: id,
    attempts: opts.attempts ?? 4,
    backoff: { type: 'fixed', delay: 50 },
  });
  return id;
}

export async function waitJob(
  q: Queue,
  id: string,
  timeoutMs = 15_000,
): Promise<{ state: string; attemptsMade: number; failedReason?: string; returnvalue: unknown }> {
  return waitFor(
    `job ${id} to complete or fail`,
    async () => {
      const job = await q.getJob(id);
      const state = job ? await job.getState() : 'missing';
      return (
        job &&
        (state === 'completed' || state === 'failed') && {
          state,
          attemptsMade: job.attemptsMade,
          failedReason: job.failedReason,
          returnvalue: job.returnvalue,
        }
      );
    },
    timeoutMs,
    30,
  );
}
