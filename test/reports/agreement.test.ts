import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { bj } from '../helpers/time-district.js';
import { buildKnownDistrict } from './known-district.js';

/**
 * One computation (src/reports/open-tally.ts), three readers: the digest, `GET /api/v1/stats` and the
 * board must give the same open / overdue / escalated numbers for the same scope and day. At 08:00 on
 * Tuesday 2021-05-11 nothing has changed since midnight in the known district, so the digest of that
 * morning (the state at 00:00) and stats (the state now) describe the same items on the same day.
 */
const TOKEN = 'test-admin-token-agreement-01';

describe('digest, stats and board agree', () => {
  let svc: TestService;
  const api = async (path: string) =>
    (await (
      await fetch(`${svc.url}/api/v1/${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as any;

  beforeAll(async () => {
    svc = await startTestService({
      env: { ADMIN_TOKEN: TOKEN },
      worker: false,
      now: () => bj('2021-05-11', '08:00'),
    });
    await buildKnownDistrict(createStore(svc.rt.redis, svc.rt.prefix));
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('the digest of the morning and stats now: the same open, overdue and escalated, in total and per zone', async () => {
    const [digest, stats] = await Promise.all([api('digest?date=2021-05-11'), api('stats')]);
    expect(digest.zones.length).toBe(2);
    expect({ open: digest.open, overdue: digest.overdue, escalated: digest.escalated }).toEqual({
      open: stats.total.open,
      overdue: stats.total.overdue,
      escalated: stats.total.escalated,
    });
    for (const z of digest.zones) {
      const row = stats.zones.find((s: any) => s.zone.id === z.id);
      expect({ zone: z.id, open: z.open, overdue: z.overdue }).toEqual({
        zone: row.zone.id,
        open: row.open,
        overdue: row.overdue,
      });
    }
    // and the numbers are not all zero (the comparison means something)
    expect(stats.total.open).toBeGreaterThan(5);
    expect(stats.total.overdue).toBeGreaterThan(1);
  });
});
