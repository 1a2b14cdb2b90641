import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { createCalendar } from '../../src/domain/calendar.js';
import { addDays } from '../../src/domain/day.js';

const cal = createCalendar();

/** 2021 as published by the State Council (国办发明电〔2020〕27号). */
const offDays2021: Record<string, string[]> = {
  元旦: ['2021-01-01', '2021-01-02', '2021-01-03'],
  春节: ['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17'],
  清明: ['2021-04-03', '2021-04-04', '2021-04-05'],
  劳动节: ['2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05'],
  端午: ['2021-06-12', '2021-06-13', '2021-06-14'],
  中秋: ['2021-09-19', '2021-09-20', '2021-09-21'],
  国庆: ['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'],
};
const swappedWorkdays2021 = [
  '2021-02-07',
  '2021-02-20',
  '2021-04-25',
  '2021-05-08',
  '2021-09-18',
  '2021-09-26',
  '2021-10-09',
];

describe('2021 national calendar', () => {
  for (const [name, days] of Object.entries(offDays2021)) {
    it(`${name} days are off`, () => {
      for (const d of days) expect(cal.isWorkday(d), d).toBe(false);
    });
  }
  it('the swapped weekend days are worked', () => {
    for (const d of swappedWorkdays2021) expect(cal.isWorkday(d), d).toBe(true);
  });
  it('the days around the holidays are ordinary', () => {
    expect(cal.isWorkday('2021-04-06')).toBe(true); // Tuesday after 清明
    expect(cal.isWorkday('2021-05-06')).toBe(true);
    expect(cal.isWorkday('2021-05-09')).toBe(false); // plain Sunday
    expect(cal.isWorkday('2021-10-08')).toBe(true);
    expect(cal.isWorkday('2021-10-10')).toBe(false);
    expect(cal.isWorkday('2021-09-22')).toBe(true);
    expect(cal.isWorkday('2021-06-15')).toBe(true);
  });
  it('counts exactly 250 working days in 2021', () => {
    // 365 days − 104 weekend days − 11 statutory holidays (2021) = 250
    expect(cal.workdaysBetween('2020-12-31', '2021-12-31')).toBe(250);
  });
});

describe('describe()', () => {
  it('names swapped working days, holidays and plain days', () => {
    expect(cal.describe('2021-05-08')).toBe('5月8日 周六（调休上班）');
    expect(cal.describe('2021-04-25')).toBe('4月25日 周日（调休上班）');
    expect(cal.describe('2021-05-03')).toBe('5月3日 周一（劳动节）');
    expect(cal.describe('2021-10-01')).toBe('10月1日 周五（国庆节）');
    expect(cal.describe('2021-03-22')).toBe('3月22日 周一');
    expect(cal.describe('2021-03-20')).toBe('3月20日 周六');
  });
  it('info() tells the kind', () => {
    expect(cal.info('2021-09-18')).toEqual({
      day: '2021-09-18',
      workday: true,
      kind: 'swapped_workday',
      holiday: '中秋',
    });
    expect(cal.info('2021-09-19')).toMatchObject({ workday: false, kind: 'holiday', holiday: '中秋' });
    expect(cal.info('2021-03-21')).toEqual({ day: '2021-03-21', workday: false, kind: 'weekend' });
  });
});

describe('addWorkdays / nextWorkday / workdaysBetween', () => {
  it('counts the nth working day after a day', () => {
    expect(cal.addWorkdays('2021-03-15', 5)).toBe('2021-03-22');
    expect(cal.addWorkdays('2021-03-15', 10)).toBe('2021-03-29');
    expect(cal.addWorkdays('2021-03-15', 0)).toBe('2021-03-15');
    expect(cal.addWorkdays('2021-03-22', -5)).toBe('2021-03-15');
  });
  it('steps over 清明 (4月3–5日)', () => {
    // 4/1 Thu → 4/2 Fri (1), 4/6 Tue (2), 4/7 Wed (3)
    expect(cal.addWorkdays('2021-04-01', 3)).toBe('2021-04-07');
  });
  it('steps over 劳动节 and counts 4月25日 and 5月8日', () => {
    // 4/23 Fri → 4/25 Sun worked (1), 4/26 (2)
    expect(cal.addWorkdays('2021-04-23', 2)).toBe('2021-04-26');
    // 4/29 Thu → 4/30 (1), 5/6 (2), 5/7 (3), 5/8 Sat worked (4), 5/10 Mon (5)
    expect(cal.addWorkdays('2021-04-29', 5)).toBe('2021-05-10');
  });
  it('steps over 端午 (6月12–14日)', () => {
    // 6/10 Thu → 6/11 (1), 6/15 (2)
    expect(cal.addWorkdays('2021-06-10', 2)).toBe('2021-06-15');
  });
  it('steps over 中秋 with 9月18日 worked and 国庆 with 9月26日, 10月9日 worked', () => {
    // 9/17 Fri → 9/18 Sat worked (1), 9/22 Wed (2)
    expect(cal.addWorkdays('2021-09-17', 2)).toBe('2021-09-22');
    // 9/24 Fri → 9/26 Sun (1), 9/27 (2), 9/28 (3), 9/29 (4), 9/30 (5), 10/8 (6), 10/9 Sat (7), 10/11 (8)
    expect(cal.addWorkdays('2021-09-24', 8)).toBe('2021-10-11');
  });
  it('steps over 春节 with 2月7日 and 2月20日 worked', () => {
    // 2/5 Fri → 2/7 Sun (1), 2/8 (2), 2/9 (3), 2/10 (4), 2/18 (5), 2/19 (6), 2/20 Sat (7), 2/22 (8)
    expect(cal.addWorkdays('2021-02-05', 8)).toBe('2021-02-22');
  });
  it('crosses the year boundary and 元旦 2022 (1月1–3日)', () => {
    // 2021-12-30 Thu → 12/31 (1), 2022-01-04 Tue (2)
    expect(cal.addWorkdays('2021-12-30', 2)).toBe('2022-01-04');
  });
  it('nextWorkday, previousWorkday, workdayOnOrAfter', () => {
    expect(cal.nextWorkday('2021-04-30')).toBe('2021-05-06');
    expect(cal.nextWorkday('2021-05-07')).toBe('2021-05-08');
    expect(cal.previousWorkday('2021-10-08')).toBe('2021-09-30');
    expect(cal.previousWorkday('2021-03-22')).toBe('2021-03-19');
    expect(cal.workdayOnOrAfter('2021-10-03')).toBe('2021-10-08');
    expect(cal.workdayOnOrAfter('2021-10-09')).toBe('2021-10-09');
  });
  it('workdaysBetween is the inverse of addWorkdays', () => {
    for (let d = '2021-01-01'; d < '2022-01-01'; d = addDays(d, 3)) {
      for (const n of [1, 3, 5, 10, 20]) expect(cal.workdaysBetween(d, cal.addWorkdays(d, n))).toBe(n);
    }
    expect(cal.workdaysBetween('2021-03-22', '2021-03-15')).toBe(-5);
    expect(cal.workdaysBetween('2021-03-15', '2021-03-15')).toBe(0);
  });
  it('refuses malformed days and non-integer counts', () => {
    expect(() => cal.isWorkday('2021-02-30')).toThrow(RangeError);
    expect(() => cal.addWorkdays('2021-3-1', 1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2021-03-01', 1.5)).toThrow(RangeError);
  });
});

describe('local days', () => {
  it('adds an office’s own days off and working days', () => {
    const local = createCalendar({ extraDaysOff: ['2021-03-16'], extraWorkdays: ['2021-03-20'] });
    expect(local.isWorkday('2021-03-16')).toBe(false);
    expect(local.isWorkday('2021-03-20')).toBe(true);
    expect(local.describe('2021-03-16')).toBe('3月16日 周二（本地放假）');
    expect(local.describe('2021-03-20')).toBe('3月20日 周六（本地上班）');
    // 3/15 → 3/17 (1), 3/18 (2), 3/19 (3), 3/20 Sat local (4)
    expect(local.addWorkdays('2021-03-15', 4)).toBe('2021-03-20');
    // the national calendar is untouched
    expect(cal.isWorkday('2021-03-16')).toBe(true);
  });
  it('rejects malformed or conflicting configuration', () => {
    expect(() => createCalendar({ extraDaysOff: ['2021/03/16'] })).toThrow(/extraDaysOff/);
    expect(() => createCalendar({ extraDaysOff: ['2021-03-16'], extraWorkdays: ['2021-03-16'] })).toThrow(
      /both/,
    );
  });
});

describe('the wrapper agrees with chinese-days', () => {
  // chinese-days' functions are right only when the host's zone is at or east of UTC (see calendar.ts)
  const hostOffsetMinutes = -new Date('2021-06-01T00:00:00Z').getTimezoneOffset();
  it.runIf(hostOffsetMinutes >= 0)('on every day from 2004 to 2026', () => {
    let mismatches = 0;
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (cal.isWorkday(d) !== chineseDays.isWorkday(d)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
  it('knows which years it has data for', () => {
    expect(cal.hasHolidayData(2021)).toBe(true);
    expect(cal.hasHolidayData(1999)).toBe(false);
    // beyond the table: only weekends are off
    expect(cal.isWorkday('2099-01-01')).toBe(true); // a Thursday
  });
});
