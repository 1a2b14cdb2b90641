// Finding 7: `app.proxy` was always on, so anyone could write the client address of a refused
// callback's log line with X-Forwarded-For. TRUST_PROXY (default false) turns it on, for a
// service behind a reverse proxy that overwrites the header.

import { afterEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitReady } from '../helpers/inbound-jobs.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { loadConfig } from '../../src/config.js';

const refusedIp = async (svc: TestService) => {
  const r = await fetch(`${svc.url}/wecom/bot?msg_signature=x&timestamp=1&nonce=n`, {
    method: 'POST',
    headers: { 'x-forwarded-for': '6.6.6.6', 'content-type': 'application/json' },
    body: '{"encrypt":"AAAA"}',
  });
  expect(r.status).toBe(401);
  const line = svc.logs.lines.map((l) => JSON.parse(l)).find((l) => l.outcome === 'bad_signature');
  return line?.ip as string;
};

describe('TRUST_PROXY', () => {
  let svc: TestService | undefined;
  afterEach(async () => svc?.close());

  it('is false unless set, and reads true/false', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'sometimes' })).toThrow(/TRUST_PROXY/);
  });

  it('off: X-Forwarded-For is not believed; the log names the peer', async () => {
    svc = await startTestService({ env: wecomEnv(), worker: false });
    await waitReady(svc.url);
    expect(await refusedIp(svc)).toMatch(/127\.0\.0\.1/);
  });

  it('on (behind a proxy): the log names the forwarded client', async () => {
    svc = await startTestService({ env: { ...wecomEnv(), TRUST_PROXY: 'true' }, worker: false });
    await waitReady(svc.url);
    expect(await refusedIp(svc)).toBe('6.6.6.6');
  });
});
