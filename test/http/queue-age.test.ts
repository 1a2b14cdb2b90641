import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitReady } from '../helpers/inbound-jobs.js';

/**
 * dudao_queue_oldest_age_seconds{queue} (docs/spec/interfaces.md → Operating it): past capacity the
 * backlog shows as the age of the job that has waited longest, before users notice. No worker
 * runs here, so what is added waits.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ worker: false });
  await waitReady(svc.url);
});
afterAll(() => svc?.close());

const age = async (queue: string) => {
  const text = await (await fetch(`${svc.url}/metrics`)).text();
  const m = new RegExp(`^dudao_queue_oldest_age_seconds\\{queue="${queue}"\\} ([0-9.e+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
};

describe('/metrics: the age of the oldest waiting job', () => {
  it('is 0 for an empty queue and grows while a job waits', async () => {
    expect(await age('inbound')).toBe(0);
    await svc.rt.queues.inbound.add('message', { x: 1 }, { jobId: 'j-age-1' });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await age('inbound')).toBeGreaterThanOrEqual(1);
    expect(await age('outbound')).toBe(0);
    expect(await (await fetch(`${svc.url}/metrics`)).text()).toMatch(
      /^dudao_queue_depth\{queue="inbound"\} 1$/m,
    );
  });
});
