import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitReady } from '../helpers/inbound-jobs.js';
import { tokenFromAuthorization } from '../../src/http/admin-auth.js';
import { PermanentJobError } from '../../jobs/types.js';
import { waitFor } from '../helpers/wait-for.js';

const TOKEN = 'admin-token-0123456789abcdef';
const basic = (user: string, pass: string) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

describe('/admin/queues behind ADMIN_TOKEN', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ worker: false, env: { ADMIN_TOKEN: TOKEN } });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('without credentials: 401 with WWW-Authenticate: Basic realm="dudao"', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin']) {
      const r = await fetch(`${svc.url}${path}`);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Basic realm="dudao"');
    }
  });

  it('a wrong token (bearer or basic) is 401', async () => {
    expect(
      (await fetch(`${svc.url}/admin/queues`, { headers: { authorization: 'Bearer nope-nope-nope-nope' } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${svc.url}/admin/queues`, { headers: { authorization: basic('admin', 'wrong') } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${svc.url}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status,
    ).toBe(401);
  });

  it('Bearer token: the dashboard page and its assets', async () => {
    const r = await fetch(`${svc.url}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const html = await r.text();
    expect(html).toContain('<base href="/admin/queues/"');
    const asset = /src="(static\/js\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    expect(
      (await fetch(`${svc.url}/admin/queues/${asset}`, { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(200);
    expect((await fetch(`${svc.url}/admin/queues/${asset}`)).status).toBe(401);
  });

  it('HTTP Basic with any user and the token as password: the JSON API lists the queues', async () => {
    const r = await fetch(`${svc.url}/admin/queues/api/queues`, {
      headers: { authorization: basic('whoever', TOKEN) },
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name)).toEqual(expect.arrayContaining(['inbound', 'outbound']));
  });

  it('authenticated, a path the dashboard does not serve is 404', async () => {
    expect(
      (await fetch(`${svc.url}/admin/nothing-here`, { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(404);
  });

  it('the token never reaches the log', () => {
    expect(svc.logs.text()).not.toContain(TOKEN);
  });
});

describe('/admin/queues never runs a completed job again', () => {
  // what made a job's run exactly-once (an outbound job's ledger) is deleted when it completes
  // (src/worker.ts), so a retry of a completed job would send again: refused, failed ones allowed
  let svc: TestService;
  const auth = { authorization: `Bearer ${TOKEN}` };
  beforeAll(async () => {
    svc = await startTestService({
      env: { ADMIN_TOKEN: TOKEN },
      processors: {
        outbound: async (data) => {
          if ((data as { fail?: boolean }).fail) throw new PermanentJobError('refused for good');
          return 'done';
        },
      },
    });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('a completed job: 409 for its retry and for "retry every completed job"; a failed one is retried', async () => {
    const q = svc.rt.jobQueues.outbound;
    const done = await q.add('send', {}, { jobId: 'admin-done-1' });
    const failed = await q.add('send', { fail: true }, { jobId: 'admin-failed-1' });
    await waitFor(
      'both jobs finished',
      async () => (await done.getState()) === 'completed' && (await failed.getState()) === 'failed',
    );
    const put = (path: string) =>
      fetch(`${svc.url}/admin/queues/api/queues${path}`, { method: 'PUT', headers: auth });
    expect((await put('/outbound/admin-done-1/retry')).status).toBe(409);
    expect((await put('/outbound/retry/completed')).status).toBe(409);
    expect(await q.getJobState('admin-done-1')).toBe('completed');
    expect((await put('/outbound/admin-failed-1/retry')).status).toBe(204);
  });
});

describe('/admin without ADMIN_TOKEN', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ worker: false });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('is 404', async () => {
    expect((await fetch(`${svc.url}/admin/queues`)).status).toBe(404);
    expect(
      (await fetch(`${svc.url}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(404);
  });
});

describe('tokenFromAuthorization', () => {
  it('reads Bearer and Basic (password after the first colon)', () => {
    expect(tokenFromAuthorization('Bearer abc')).toBe('abc');
    expect(tokenFromAuthorization('bearer abc')).toBe('abc');
    expect(tokenFromAuthorization(basic('u', 'p:with:colons'))).toBe('p:with:colons');
    expect(tokenFromAuthorization(basic('', 'p'))).toBe('p');
    expect(tokenFromAuthorization('Digest x')).toBeUndefined();
    expect(tokenFromAuthorization(undefined)).toBeUndefined();
  });
});
