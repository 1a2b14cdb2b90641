import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';

describe('health, readiness and metrics', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(async () => {
    await svc.close();
    await svc.close(); // close() is safe twice
  });

  it('GET /healthz answers {"ok":true}', async () => {
    const r = await fetch(`${svc.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
  });

  it('GET /readyz is 200 when Redis answers and the workers run', async () => {
    const r = await fetch(`${svc.url}/readyz`);
    expect(r.status).toBe(200);
  });

  it('GET /metrics speaks the Prometheus text format with the contract names', async () => {
    const r = await fetch(`${svc.url}/metrics`);
    expect(r.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const body = await r.text();
    for (const name of [
      'dudao_callbacks_total',
      'dudao_queue_depth',
      'dudao_job_duration_seconds',
      'dudao_send_failures_total',
    ]) {
      expect(body).toContain(name);
    }
    expect(body).toContain('dudao_callbacks_total{platform="wecom",outcome="bad_signature"} 0');
    expect(body).toMatch(/dudao_queue_depth\{queue="inbound"\} \d+/);
  });

  it('an unknown route is 404 and an unknown method is 405', async () => {
    expect((await fetch(`${svc.url}/nope`)).status).toBe(404);
    expect((await fetch(`${svc.url}/healthz`, { method: 'DELETE' })).status).toBe(405);
  });
});
