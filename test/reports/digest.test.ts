import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import { buildDigestFor, type DigestReport } from '../../src/reports/build-digest.js';
import { buildDigest } from '../../src/reports/digest.js';
import { loadSnapshot, replay } from '../../src/reports/snapshot.js';
import { openTimeWorld, type TimeWorld } from '../helpers/time-district.js';
import { buildKnownDistrict, type Letter } from './known-district.js';

const cal = createCalendar();
const deps = { calendar: cal, timeZone: 'Asia/Shanghai', escalateAfterWorkdays: 3 };

let w: TimeWorld;
let ids: Record<Letter, string>;
beforeAll(async () => {
  w = await openTimeWorld();
  ids = await buildKnownDistrict(w.store);
});
afterAll(async () => {
  await w.close();
});

/** The invariants every digest keeps, whatever the data. */
function expectAddsUp(d: DigestReport) {
  expect(d.awaitingRecheck).toBeLessThanOrEqual(d.open);
  expect(d.dueThisWeek + d.overdue).toBeLessThanOrEqual(d.open);
  expect(d.escalated).toBeLessThanOrEqual(d.overdue);
  expect(d.visits.schools.length).toBeLessThanOrEqual(d.visits.count);
  if (d.zones.length) {
    const sum = (f: (z: DigestReport['zones'][number]) => number) => d.zones.reduce((n, z) => n + f(z), 0);
    expect(sum((z) => z.open)).toBe(d.open);
    expect(sum((z) => z.overdue)).toBe(d.overdue);
    expect(sum((z) => z.visits)).toBe(d.visits.count);
    expect(sum((z) => z.visited)).toBe(d.coverage.visited);
    expect(sum((z) => z.schools)).toBe(d.coverage.total);
  }
}

describe('the digest for the morning of Monday 2021-05-10, hand-counted', () => {
  it('district-wide: every number', async () => {
    const d = await buildDigestFor(w.store, 'district', '2021-05-10', deps);
    expect(d).toMatchObject({
      date: '2021-05-10',
      weekday: '周一',
      // the last working day before it is Saturday 5月8日 (worked for 劳动节), so 5/8–5/9
      from: '2021-05-08',
      to: '2021-05-09',
      asOf: '2021-05-09T16:00:00.000Z',
      scope: '全区',
    });
    // R1 (S01, 王) and R2 (S03, 赵); R6 was written after 00:00 of 5/10, R3 is dated 5/7
    expect(d.visits).toEqual({
      count: 2,
      supervisors: ['王督学', '赵督学'],
      schools: ['棠香小学', '龙水幼儿园'],
    });
    expect(d.newProblems).toBe(3); // A, B, C
    expect(d.closed).toBe(2); // F (5/8), P (5/9); N closed after 00:00, J before the window, O before it too
    expect(d.open).toBe(9); // A B C D E G K L N — N was still awaiting recheck at 00:00, O was closed then
    expect(d.awaitingRecheck).toBe(2); // G, N
    expect(d.dueThisWeek).toBe(4); // B (5/12), C (5/10, today), K (5/14), N (5/12); L is 5/17
    expect(d.overdue).toBe(3); // D, E, G
    expect(d.escalated).toBe(2); // E (8 working days), G (5/7, 5/8, 5/10 = 3); D has 2
    expect(d.worst).toEqual([
      {
        item: ids.E,
        school: '龙水幼儿园',
        text: '幼儿午睡室消毒记录缺失',
        daysOverdue: 14,
        supervisor: '赵督学',
      },
      {
        item: ids.G,
        school: '龙水幼儿园',
        text: '户外活动场地地垫破损',
        daysOverdue: 4,
        supervisor: '赵督学',
      },
      { item: ids.D, school: '城南中学', text: '实验室危化品台账不全', daysOverdue: 3, supervisor: '王督学' },
    ]);
    expect(d.zones).toEqual([
      { id: 'z1', name: '城区责任区', visits: 1, open: 3, overdue: 1, visited: 2, schools: 2 },
      { id: 'z2', name: '龙水责任区', visits: 1, open: 6, overdue: 2, visited: 1, schools: 2 },
    ]);
    // May so far: S01 (5/8), S02 (5/7), S03 (5/9); S04 only in April; S05 is inactive
    expect(d.coverage).toEqual({ month: '2021-05', visited: 3, total: 4 });
    expect(d.unreachable).toEqual([{ id: 'pri-wu', name: '吴校长', roles: '校长' }]);
    expect(d.failedDeliveries).toEqual({ count: 1, people: ['李校长'] });
    expectAddsUp(d);
  });

  it('a zone leader sees their zone only', async () => {
    const sun = (await w.store.getPerson('lead-sun'))!;
    const d = await buildDigestFor(w.store, sun, '2021-05-10', deps);
    expect(d.scope).toBe('龙水责任区');
    expect(d.visits).toEqual({ count: 1, supervisors: ['赵督学'], schools: ['龙水幼儿园'] });
    expect([
      d.newProblems,
      d.closed,
      d.open,
      d.awaitingRecheck,
      d.dueThisWeek,
      d.overdue,
      d.escalated,
    ]).toEqual([1, 2, 6, 2, 3, 2, 2]);
    expect(d.worst.map((x) => x.item)).toEqual([ids.E, ids.G]);
    expect(d.zones).toEqual([]); // one zone: no per-zone lines
    expect(d.coverage).toEqual({ month: '2021-05', visited: 1, total: 2 });
    expect(d.unreachable.map((p) => p.id)).toEqual(['pri-wu']);
    expect(d.failedDeliveries.count).toBe(0);
    expectAddsUp(d);
  });

  it('buildDigest (the 日报 handler entry) gives the same numbers', async () => {
    const a = await buildDigest(w.store, cal, {
      date: '2021-05-10',
      scope: { all: true },
      timezone: 'Asia/Shanghai',
    });
    const b = await buildDigestFor(w.store, 'district', '2021-05-10', deps);
    expect(a).toEqual(b);
  });
});

describe('other mornings', () => {
  it('Tuesday 5/11 covers Monday only; N is closed within it, O is open again', async () => {
    const d = await buildDigestFor(w.store, 'district', '2021-05-11', deps);
    expect([d.from, d.to]).toEqual(['2021-05-10', '2021-05-10']);
    // R5 (S04, 5/10) is a visit of 5/10; R6 is dated 5/9, outside the covered day
    expect(d.visits).toEqual({ count: 1, supervisors: ['赵督学'], schools: ['龙水小学'] });
    expect(d.newProblems).toBe(1); // H
    expect(d.closed).toBe(1); // N
    // A B C D E G K L + H + I + O (reopened) = 11
    expect(d.open).toBe(11);
    expect(d.overdue).toBe(4); // C (5/10) joins D, E, G
    expect(d.coverage).toEqual({ month: '2021-05', visited: 4, total: 4 });
    expectAddsUp(d);
  });

  it('the first working day after 国庆 covers 9/30 to 10/7; an ordinary Monday covers Friday to Sunday', async () => {
    const a = await loadSnapshot(w.store, '2021-10-08', deps);
    expect([a.from, a.to, a.month]).toEqual(['2021-09-30', '2021-10-07', '2021-10']);
    const b = await loadSnapshot(w.store, '2021-05-17', deps);
    expect([b.from, b.to]).toEqual(['2021-05-14', '2021-05-16']);
    // a Monday the 1st shows the month just ended
    const c = await loadSnapshot(w.store, '2021-03-01', deps);
    expect([c.from, c.to, c.month]).toEqual(['2021-02-26', '2021-02-28', '2021-02']);
  });
});

describe('replaying the history', () => {
  it('the status at an instant is the `from` of the first later transition', () => {
    const h = [
      { at: '2021-05-06T02:00:00.000Z', actor: 'x', action: 'create' as const },
      {
        at: '2021-05-07T02:00:00.000Z',
        actor: 'x',
        action: 'done' as const,
        from: 'open' as const,
        to: 'submitted' as const,
      },
      {
        at: '2021-05-08T02:00:00.000Z',
        actor: 'x',
        action: 'close' as const,
        from: 'submitted' as const,
        to: 'closed' as const,
      },
      {
        at: '2021-05-10T02:00:00.000Z',
        actor: 'x',
        action: 'reopen' as const,
        from: 'closed' as const,
        to: 'in_progress' as const,
      },
    ];
    const cur = { status: 'in_progress' as const };
    expect(replay(h, cur, Date.parse('2021-05-06T12:00:00Z'))).toEqual({ status: 'open' });
    expect(replay(h, cur, Date.parse('2021-05-07T12:00:00Z'))).toEqual({ status: 'submitted' });
    expect(replay(h, cur, Date.parse('2021-05-09T12:00:00Z'))).toEqual({
      status: 'closed',
      closedAt: '2021-05-08T02:00:00.000Z',
    });
    expect(replay(h, cur, Date.parse('2021-05-11T12:00:00Z'))).toEqual({ status: 'in_progress' });
  });
});
