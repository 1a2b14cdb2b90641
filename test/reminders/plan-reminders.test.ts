import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/domain/calendar.js';
import {
  createReminderPlanner,
  passWindow,
  supervisionDeadline,
  timeInZone,
  type ReminderPolicy,
} from '../../src/reminders/plan-reminders.js';

/** The real 2021 calendar (劳动节 5月1–5日 off, 4月25日 and 5月8日 worked; 国庆 10月1–7日 off, 9月26日 and 10月9日 worked). */
const cal = createCalendar();
const policy: ReminderPolicy = {
  beforeWorkdays: [3, 1, 0],
  escalateAfterWorkdays: 3,
  workHours: { start: '08:30', end: '18:00' },
  timeZone: 'Asia/Shanghai',
};
/** An instant in Beijing time. */
const bj = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);
const item = (deadline: string, createdAt = '2021-03-01T02:00:00.000Z', status = 'open') => ({
  deadline,
  createdAt,
  status,
});

/** The stage keys an item gets on each working day of a range. */
function plan(
  deadline: string,
  from: string,
  to: string,
  p: ReminderPolicy = policy,
  createdAt?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (let d = from; d <= to; d = cal.addWorkdays(d, 1)) {
    if (!cal.isWorkday(d)) continue;
    const stages = createReminderPlanner(d, p, cal).due(item(deadline, createdAt));
    if (stages.length) out[d] = stages.map((s) => `${s.key}:${s.workdays}`).join('+');
  }
  return out;
}

describe('the pass window', () => {
  it('is open on a working day inside WORK_HOURS only', () => {
    expect(passWindow(bj('2021-04-30', '08:29'), policy, cal)).toMatchObject({
      open: false,
      reason: 'quiet_hours',
    });
    expect(passWindow(bj('2021-04-30', '08:30'), policy, cal)).toMatchObject({
      open: true,
      day: '2021-04-30',
    });
    expect(passWindow(bj('2021-04-30', '17:59'), policy, cal).open).toBe(true);
    expect(passWindow(bj('2021-04-30', '18:00'), policy, cal)).toMatchObject({
      open: false,
      reason: 'quiet_hours',
    });
    expect(passWindow(bj('2021-04-30', '19:00'), policy, cal)).toMatchObject({
      open: false,
      reason: 'quiet_hours',
    });
    expect(passWindow(bj('2021-05-03', '10:00'), policy, cal)).toMatchObject({
      open: false,
      reason: 'not_workday',
    });
    expect(passWindow(bj('2021-04-25', '10:00'), policy, cal)).toMatchObject({
      open: true,
      day: '2021-04-25',
    }); // Sunday worked
    expect(passWindow(bj('2021-05-08', '10:00'), policy, cal).open).toBe(true); // Saturday worked
    expect(passWindow(bj('2021-05-09', '10:00'), policy, cal)).toMatchObject({
      open: false,
      reason: 'not_workday',
    });
  });
  it('judges the day and time in TIMEZONE, not in UTC or the host zone', () => {
    // 2021-05-06 01:00 UTC is 09:00 in Beijing on a working Thursday
    expect(passWindow(new Date('2021-05-06T01:00:00Z'), policy, cal)).toMatchObject({
      open: true,
      day: '2021-05-06',
      time: '09:00',
    });
    // 2021-05-05 23:00 UTC is 07:00 on 5月6日: still quiet
    expect(passWindow(new Date('2021-05-05T23:00:00Z'), policy, cal)).toMatchObject({
      open: false,
      reason: 'quiet_hours',
      day: '2021-05-06',
    });
    expect(timeInZone(new Date('2021-05-05T16:00:00Z'), 'Asia/Shanghai')).toBe('00:00');
  });
});

describe('stages around 劳动节 2021', () => {
  it('a deadline on the first day after the holiday (5月6日 周四)', () => {
    expect(plan('2021-05-06', '2021-04-20', '2021-05-20')).toEqual({
      '2021-04-28': 'before-3:3',
      '2021-04-29': 'before-3:2', // a later pass the same stage: its claim stops a resend
      '2021-04-30': 'before-1:1', // the last day before the holiday
      '2021-05-06': 'due:0',
      '2021-05-07': 'overdue:1',
      '2021-05-08': 'overdue:2', // Saturday, worked
      '2021-05-10': 'escalation:3',
      '2021-05-11': 'escalation:4',
      '2021-05-12': 'escalation:5',
      '2021-05-13': 'escalation:6',
      '2021-05-14': 'escalation:7',
      '2021-05-17': 'escalation:8',
      '2021-05-18': 'escalation:9',
      '2021-05-19': 'escalation:10',
      '2021-05-20': 'escalation:11',
    });
  });
  it('counts 4月25日 (Sunday worked) for a deadline of 4月26日', () => {
    const p = plan('2021-04-26', '2021-04-19', '2021-04-28');
    expect(p['2021-04-22']).toBe('before-3:3'); // 4/23, 4/25, 4/26 are left
    expect(p['2021-04-25']).toBe('before-1:1');
    expect(p['2021-04-26']).toBe('due:0');
    expect(p['2021-04-27']).toBe('overdue:1');
  });
  it('a holiday starting the day before the deadline (deadline 5月2日): due on the last day before it', () => {
    const p = plan('2021-05-02', '2021-04-20', '2021-05-11');
    expect(p).toMatchObject({
      '2021-04-27': 'before-3:3',
      '2021-04-29': 'before-1:1',
      '2021-04-30': 'due:0',
      '2021-05-06': 'overdue:1',
      '2021-05-07': 'overdue:2',
      '2021-05-08': 'escalation:3',
    });
    expect(Object.keys(p).some((d) => d >= '2021-05-01' && d <= '2021-05-05')).toBe(false);
  });
});

describe('stages around 国庆 2021', () => {
  it('a deadline of 10月2日 (the holiday began the day before): due on 9月30日', () => {
    expect(plan('2021-10-02', '2021-09-22', '2021-10-12')).toMatchObject({
      '2021-09-27': 'before-3:3', // 9/28, 9/29, 9/30 left
      '2021-09-29': 'before-1:1',
      '2021-09-30': 'due:0',
      '2021-10-08': 'overdue:1',
      '2021-10-09': 'overdue:2', // Saturday, worked
      '2021-10-11': 'escalation:3',
    });
  });
  it('counts 9月26日 (Sunday worked) and 10月9日 (Saturday worked)', () => {
    expect(plan('2021-09-28', '2021-09-22', '2021-09-28')).toMatchObject({
      '2021-09-24': 'before-3:3',
      '2021-09-27': 'before-1:1',
      '2021-09-28': 'due:0',
    });
    expect(plan('2021-09-27', '2021-09-22', '2021-09-27')).toMatchObject({ '2021-09-26': 'before-1:1' });
    expect(plan('2021-10-11', '2021-09-28', '2021-10-11')).toMatchObject({
      '2021-09-30': 'before-3:3',
      '2021-10-09': 'before-1:1',
      '2021-10-11': 'due:0',
    });
  });
});

describe('catching up, creation and configuration', () => {
  it('after downtime only the latest stage reached is due', () => {
    // down 4/28–4/30: on 5/6 only `due`, not before-3 and before-1 as well
    expect(
      createReminderPlanner('2021-05-06', policy, cal)
        .due(item('2021-05-06'))
        .map((s) => s.key),
    ).toEqual(['due']);
    // down from the deadline to the 4th overdue working day: only the escalation
    expect(
      createReminderPlanner('2021-05-11', policy, cal)
        .due(item('2021-05-06'))
        .map((s) => s.key),
    ).toEqual(['escalation']);
  });
  it('stages reached on or before the creation day are not sent', () => {
    // created on 4/29 (Beijing) with a deadline of 5/6: before-3 was 4/28, so only before-1 and later
    const created = '2021-04-29T02:00:00.000Z';
    expect(plan('2021-05-06', '2021-04-28', '2021-05-07', policy, created)).toEqual({
      '2021-04-30': 'before-1:1',
      '2021-05-06': 'due:0',
      '2021-05-07': 'overdue:1',
    });
    // created at 07:30 Beijing on 4/30 = 23:30 UTC on 4/29: the zone's day decides (4/30 = before-1 day)
    expect(plan('2021-05-06', '2021-04-30', '2021-05-06', policy, '2021-04-29T23:30:00.000Z')).toEqual({
      '2021-05-06': 'due:0',
    });
  });
  it('an item overdue when it is created enters 督办: its latest stage is not "before creation"', () => {
    // a back-dated record stored on 5/10 with a deadline of 5/7: overdue since 5/8 (a worked
    // Saturday), escalated on 5/11; only the latest stage reached is due, as after downtime
    const created = '2021-05-10T02:00:00.000Z';
    expect(
      createReminderPlanner('2021-05-10', policy, cal)
        .due(item('2021-05-07', created))
        .map((s) => s.key),
    ).toEqual(['overdue']);
    expect(
      createReminderPlanner('2021-05-11', policy, cal)
        .due(item('2021-05-07', created))
        .map((s) => s.key),
    ).toEqual(['escalation']);
  });
  it('a closed item has no stage', () => {
    expect(
      createReminderPlanner('2021-05-06', policy, cal).due(item('2021-05-06', undefined, 'closed')),
    ).toEqual([]);
  });
  it('ESCALATE_AFTER_WORKDAYS = 1 sends the 督办 notice and the escalation together', () => {
    const keys = createReminderPlanner('2021-05-07', { ...policy, escalateAfterWorkdays: 1 }, cal)
      .due(item('2021-05-06'))
      .map((s) => s.key);
    expect(keys.sort()).toEqual(['escalation', 'overdue']);
  });
  it('honours another REMINDER_WORKDAYS_BEFORE', () => {
    expect(plan('2021-05-14', '2021-05-06', '2021-05-14', { ...policy, beforeWorkdays: [5, 2] })).toEqual({
      '2021-05-08': 'before-5:5', // 5/10–5/14 left
      '2021-05-10': 'before-5:4',
      '2021-05-11': 'before-5:3',
      '2021-05-12': 'before-2:2',
      '2021-05-13': 'before-2:1',
      '2021-05-14': 'before-2:0',
    });
  });
  it('scans the deadline index only as far as a stage can reach', () => {
    expect(createReminderPlanner('2021-04-28', policy, cal).scanUntil).toBe('2021-05-06'); // 4/29, 4/30, 5/6 = 3 left; 5/7 is 4
    expect(createReminderPlanner('2021-09-30', policy, cal).scanUntil).toBe('2021-10-11'); // 10/8, 10/9, 10/11 are 3 left; 10/12 is 4
  });
  it('after a complete pass, scans only deadlines whose escalation day is not before it', () => {
    const p = createReminderPlanner('2021-05-11', policy, cal);
    expect(p.scanFrom('2021-05-10')).toBe('2021-05-06'); // 5/6 escalates on 5/10 (5/7, 5/8 worked, 5/10)
    expect(p.scanFrom('2021-05-11')).toBe('2021-05-07');
    expect(p.scanFrom(undefined)).toBeUndefined();
    expect(p.scanFrom('2021-05-12')).toBeUndefined(); // a watermark after the pass day (a replayed --at): scan all
  });
  it('the 督办 deadline is 3 working days after the notice', () => {
    expect(supervisionDeadline('2021-04-29', cal)).toBe('2021-05-07');
    expect(supervisionDeadline('2021-10-08', cal)).toBe('2021-10-12');
  });
});
