import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayFromNumber,
  dayNumber,
  dayInZone,
  diffDays,
  endOfMonth,
  formatDayCn,
  isDay,
  makeDay,
  startOfWeek,
  weekday,
} from '../../src/domain/day.js';

describe('day helpers', () => {
  it('validates and builds days', () => {
    expect(makeDay(2021, 2, 29)).toBeUndefined();
    expect(makeDay(2020, 2, 29)).toBe('2020-02-29');
    expect(makeDay(2021, 13, 1)).toBeUndefined();
    expect(isDay('2021-03-15')).toBe(true);
    expect(isDay('2021-3-15')).toBe(false);
    expect(isDay('2021-04-31')).toBe(false);
  });
  it('adds and subtracts days across months and years', () => {
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(diffDays('2021-03-15', '2021-03-22')).toBe(7);
    expect(diffDays('2021-12-28', '2022-01-10')).toBe(13);
  });
  it('knows weekdays and week starts (Monday)', () => {
    expect(weekday('2021-03-15')).toBe(1);
    expect(weekday('2021-05-08')).toBe(6);
    expect(weekday('2021-04-25')).toBe(0);
    expect(startOfWeek('2021-03-21')).toBe('2021-03-15');
    expect(startOfWeek('2021-03-15')).toBe('2021-03-15');
  });
  it('month arithmetic clamps to the month end', () => {
    expect(endOfMonth('2021-02-10')).toBe('2021-02-28');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2021-12-15', 1)).toBe('2022-01-15');
    expect(addMonths('2021-01-15', -1)).toBe('2020-12-15');
  });
  it('formats days the way users read them', () => {
    expect(formatDayCn('2021-03-22')).toBe('3月22日 周一');
    expect(formatDayCn('2021-10-01', { year: true })).toBe('2021年10月1日 周五');
  });
  it('finds the office day of an instant, whatever the host zone', () => {
    // 2021-03-14T16:30Z is 00:30 on 3月15日 in China
    expect(dayInZone(new Date('2021-03-14T16:30:00Z'), 'Asia/Shanghai')).toBe('2021-03-15');
    expect(dayInZone(new Date('2021-03-14T15:59:59Z'), 'Asia/Shanghai')).toBe('2021-03-14');
    expect(dayInZone(new Date('2021-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2022-01-01');
    expect(dayInZone(new Date('2021-03-15T02:00:00Z'), 'America/Los_Angeles')).toBe('2021-03-14');
  });
});

describe('day numbers', () => {
  it('agree with Date.UTC for every day from year 1000 to 9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 }),
        (n) => {
          const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
          expect(dayFromNumber(n)).toBe(iso);
          expect(dayNumber(iso)).toBe(n);
        },
      ),
      { numRuns: 5000 },
    );
  });
  it('refuses malformed days', () => {
    for (const bad of ['2021-3-15', '2021-02-29', '2021-13-01', '2021/03/15', '20210315xx', '0999-01-01']) {
      expect(isDay(bad), bad).toBe(false);
      expect(() => dayNumber(bad)).toThrow(RangeError);
    }
  });
});
