import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { bj } from '../helpers/time-district.js';
import { buildKnownDistrict } from './known-district.js';
import { apiAs, signIn } from '../board/helpers.js';

/**
 * One computation (src/reports/open-tally.ts), three readers: the digest, `GET /api/v1/stats` and the
 * board must give the same open / overdue / escalated numbers for the same scope and day, and the
 * board's month figures are the stats of that month. At 08:00 on
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

  it('the board of the same day: the same open, overdue, escalated and due-soon numbers, per zone, per school and in total', async () => {
    const [stats, digest] = await Promise.all([api('stats'), api('digest?date=2021-05-11')]);
    const board = (await apiAs(svc.url, await signIn(svc.rt, svc.url, 'lead-liu'), '/board/api/overview'))
      .body;
    expect(board.date).toBe('2021-05-11');
    const pick = (x: any) => ({
      open: x.open,
      overdue: x.overdue,
      escalated: x.escalated,
      dueSoon: x.dueSoon,
    });
    expect(pick(board.total)).toEqual(pick(stats.total));
    expect(board.total.open).toBe(digest.open);
    expect(board.total.overdue).toBe(digest.overdue);
    expect(board.total.escalated).toBe(digest.escalated);
    for (const z of board.zones) {
      const row = stats.zones.find((s: any) => s.zone.id === z.zone.id);
      expect(pick(z)).toEqual(pick(row));
      const d = digest.zones.find((x: any) => x.id === z.zone.id);
      expect([z.open, z.overdue]).toEqual([d.open, d.overdue]);
      // the 三色 rows of the zone add up to it
      const schools = board.schools.filter((s: any) => s.zone === z.zone.id);
      expect(schools.reduce((n: number, s: any) => n + s.open, 0)).toBe(z.open);
      expect(schools.reduce((n: number, s: any) => n + s.overdue, 0)).toBe(z.overdue);
    }
  });

  it('the board’s month figures are those of stats?month= for the same month, zone by zone and supervisor by supervisor', async () => {
    const stats = await api('stats?month=2021-05');
    const board = (await apiAs(svc.url, await signIn(svc.rt, svc.url, 'lead-liu'), '/board/api/overview'))
      .body;
    for (const z of board.zones) {
      const row = stats.zones.find((s: any) => s.zone.id === z.zone.id);
      expect({
        visits: z.visitsThisMonth,
        schoolsVisited: z.schoolsVisited,
        schools: z.schools,
        problems: z.problemsThisMonth,
        closed: z.closedThisMonth,
      }).toEqual({
        visits: row.visits,
        schoolsVisited: row.schoolsVisited,
        schools: row.schools,
        problems: row.problems,
        closed: row.closedOnTime + row.closedLate,
      });
    }
    for (const s of board.supervisors) {
      const row = stats.supervisors.find((x: any) => x.supervisor.id === s.id);
      expect([s.visitsThisMonth, s.planned]).toEqual([row.visits, row.schools]);
    }
    // last month's through the same computation: April's visits
    const april = await api('stats?month=2021-04');
    const z2 = board.zones.find((z: any) => z.zone.id === 'z2');
    const aprilZ2 = april.zones.find((z: any) => z.zone.id === 'z2');
    expect([z2.lastMonth.visits, z2.lastMonth.problems, z2.lastMonth.closed]).toEqual([
      aprilZ2.visits,
      aprilZ2.problems,
      aprilZ2.closedOnTime + aprilZ2.closedLate,
    ]);
  });

  it('a past day is the state at its end: the open items of the next morning’s digest (same instant)', async () => {
    const digest = await api('digest?date=2021-05-10');
    const cookie = await signIn(svc.rt, svc.url, 'lead-liu');
    const board = (await apiAs(svc.url, cookie, '/board/api/overview?date=2021-05-09')).body;
    expect(board.asOf).toBe(digest.asOf);
    expect(board.total.open).toBe(digest.open);
    for (const z of board.zones) expect(z.open).toBe(digest.zones.find((x: any) => x.id === z.zone.id).open);
    // judged on 5/9, an item due on 5/9 is not yet overdue; the digest of 5/10 counts it
    expect(board.total.overdue).toBeLessThanOrEqual(digest.overdue);
  });

  it('a zone leader’s board agrees with that zone’s line of stats', async () => {
    const stats = await api('stats');
    const board = (await apiAs(svc.url, await signIn(svc.rt, svc.url, 'lead-sun'), '/board/api/overview'))
      .body;
    const pick = (x: any) => ({
      open: x.open,
      overdue: x.overdue,
      escalated: x.escalated,
      dueSoon: x.dueSoon,
    });
    expect(board.zones.map((z: any) => z.zone.id)).toEqual(['z2']);
    expect(pick(board.total)).toEqual(pick(stats.zones.find((s: any) => s.zone.id === 'z2')));
  });
});
