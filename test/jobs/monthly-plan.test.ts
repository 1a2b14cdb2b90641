import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import { monthlyKindsDue, processMonthlyPlan, runMonthlyPlan } from '../../jobs/monthly-plan.js';
import {
  importDistrict,
  openTimeWorld,
  outboundSends,
  visit,
  type TimeWorld,
} from '../helpers/time-district.js';
import { noDefer } from '../helpers/no-defer.js';

const cal = createCalendar();

describe('which monthly messages are due (2021 calendar)', () => {
  const kinds = (day: string) => monthlyKindsDue(day, cal).join('+');
  it('the plan on the first working day of the month (and a few days after, to catch up)', () => {
    expect(kinds('2021-05-01')).toBe(''); // 劳动节
    expect(kinds('2021-05-06')).toBe('plan'); // the first working day of May
    expect(kinds('2021-05-11')).toBe('plan'); // 5th working day (5/6, 7, 8, 10, 11): still catching up
    expect(kinds('2021-05-12')).toBe(''); // 6th
    expect(kinds('2021-10-08')).toBe('plan'); // after 国庆
    expect(kinds('2021-06-01')).toBe('plan');
  });
  it('the nudge from the 5th-last working day of the month', () => {
    expect(kinds('2021-05-24')).toBe('');
    expect(kinds('2021-05-25')).toBe('nudge'); // 5/25, 26, 27, 28, 31
    expect(kinds('2021-05-31')).toBe('nudge');
    expect(kinds('2021-05-29')).toBe(''); // Saturday
    expect(kinds('2021-10-22')).toBe('');
    expect(kinds('2021-10-25')).toBe('nudge'); // October ends on a Sunday: 10/25–10/29
  });
});

describe('the monthly plan job', () => {
  let w: TimeWorld;
  beforeEach(async () => {
    w = await openTimeWorld();
    await importDistrict(w.store);
  });
  afterEach(async () => {
    await w.close();
  });
  const ctx = () => ({ rt: w.rt, jobId: 'j', attempt: 0, attempts: 1, jobName: 'plan', defer: noDefer });

  it('sends each supervisor the month’s plan once, on the first working day', async () => {
    w.clock.at('2021-05-05', '09:00');
    expect(await processMonthlyPlan({}, ctx())).toMatchObject({ day: '2021-05-05', sent: 0 });
    w.clock.at('2021-05-06', '09:00');
    expect(await processMonthlyPlan({}, ctx())).toMatchObject({
      day: '2021-05-06',
      kinds: ['plan'],
      sent: 2,
    });
    w.clock.at('2021-05-07', '09:00');
    expect(await processMonthlyPlan({}, ctx())).toMatchObject({ kinds: ['plan'], sent: 0 });
    const sends = await outboundSends(w.rt);
    expect(sends.map((s) => s.to).sort()).toEqual(['sup-wang', 'sup-zhao']);
    expect(sends[0]!.kind).toBe('monthly_plan');
    expect(sends[0]!.title).toBe('2021年5月工作安排');
    expect(sends[0]!.text).toContain('食堂与校园安全：开展校园食堂与安全专项督导');
  });

  it('nudges, once, the supervisors whose schools are not yet visited this month', async () => {
    await visit(w.store, { school: 'S01', date: '2021-05-10' });
    await visit(w.store, { school: 'S02', date: '2021-04-28' }); // April does not count
    await visit(w.store, { school: 'S03', date: '2021-05-20' });
    await visit(w.store, { school: 'S04', date: '2021-05-21', supervisor: 'sup-wang' }); // anyone's visit covers it
    w.clock.at('2021-05-24', '09:00');
    expect((await runMonthlyPlan(w.rt)).sent).toEqual([]);
    w.clock.at('2021-05-25', '09:00');
    expect((await runMonthlyPlan(w.rt)).sent).toEqual([
      { person: 'sup-wang', kind: 'nudge', unvisited: ['城南中学'] },
    ]);
    w.clock.at('2021-05-26', '09:00');
    expect((await runMonthlyPlan(w.rt)).sent).toEqual([]);
    const [nudge] = await outboundSends(w.rt);
    expect(nudge).toMatchObject({ to: 'sup-wang', title: '5月督导提醒' });
    expect(nudge!.text).toContain('本月尚未督导：城南中学');
  });

  it('a dry run claims nothing', async () => {
    w.clock.at('2021-05-06', '09:00');
    expect((await runMonthlyPlan(w.rt, { dryRun: true })).sent).toHaveLength(2);
    expect(await outboundSends(w.rt)).toEqual([]);
    expect((await runMonthlyPlan(w.rt)).sent).toHaveLength(2);
  });
});
