// The working-day calendar: China's national holidays with their swapped working days (调休),
// plus local days off or working days an office adds in its configuration.
//
// The data is the `chinese-days` package's own table (dist/chinese-days.json, the same table its
// functions are built from, 2004 to the latest published year). We read the table rather than
// calling `isWorkday()`: those functions shift every day by one when the host's time zone lies
// west of UTC (they mix UTC parsing with local-time formatting), and a parser must not depend on
// the host's TZ. test/domain/calendar.test.ts checks that both agree in a zone where the library
// is right. Years outside the table have no holidays: Monday–Friday are working days.
//
// Days are 'YYYY-MM-DD' strings (see day.ts).

import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayFromNumber, dayNumber, formatDayCn, isDay, weekdayOfNumber } from './day.js';
import { zh } from '../text/zh-CN/index.js';

export type DayKind =
  | 'workday' // an ordinary Monday–Friday
  | 'weekend' // an ordinary Saturday or Sunday
  | 'holiday' // a national holiday (or a weekday off in lieu, 调休放假)
  | 'swapped_workday' // a weekend day worked in exchange (调休上班)
  | 'local_day_off' // configured by the office
  | 'local_workday'; // configured by the office

export interface DayInfo {
  day: string;
  workday: boolean;
  kind: DayKind;
  /** the holiday's Chinese name (劳动节) for holidays and swapped working days */
  holiday?: string;
}

export interface WorkCalendar {
  isWorkday(day: string): boolean;
  info(day: string): DayInfo;
  /** the nth working day after `day` (n > 0), before it (n < 0), or `day` itself (n = 0) */
  addWorkdays(day: string, n: number): string;
  /** the first working day strictly after `day` */
  nextWorkday(day: string): string;
  /** the last working day strictly before `day` */
  previousWorkday(day: string): string;
  /** `day` when it is a working day, else the next one (民法典 第二百零三条) */
  workdayOnOrAfter(day: string): string;
  /** working days in (a, b]; negative when b < a. So workdaysBetween(d, addWorkdays(d, n)) = n. */
  workdaysBetween(a: string, b: string): number;
  /** '5月8日 周六（调休上班）', '5月3日 周一（劳动节）', '3月22日 周一' */
  describe(day: string): string;
  /** whether the national table covers that year (else only weekends are days off) */
  hasHolidayData(year: number): boolean;
  /**
   * The national holiday periods named `name` (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆节; any name
   * when undefined), as their first and last day in the table, in order. For deadlines such as
   * 国庆节前 (the last working day before `first`) and 国庆节后第一个工作日 (the first after `last`).
   */
  holidayPeriods(name?: string): readonly HolidayPeriod[];
}

export interface HolidayPeriod {
  name: string;
  first: string;
  last: string;
}

export interface CalendarOptions {
  /** local days off ('YYYY-MM-DD'), e.g. a county's own holiday */
  extraDaysOff?: readonly string[];
  /** local working days ('YYYY-MM-DD'), e.g. a make-up day */
  extraWorkdays?: readonly string[];
}

/** The longest walk addWorkdays will take: guards against a runaway n. */
const MAX_WORKDAY_STEPS = 100_000;

interface Table {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
  /** the same days as day numbers, for the counting loops */
  holidayNumbers: Set<number>;
  workdayNumbers: Set<number>;
  years: Set<number>;
  /** runs of consecutive days of one holiday name, in day order */
  periods: HolidayPeriod[];
}

let nationalTable: Table | undefined;

function chineseName(entry: string): string {
  // entries look like "Labour Day,劳动节,1": English, Chinese, a days-count
  return entry.split(',')[1] ?? entry;
}

function loadTable(): Table {
  if (nationalTable) return nationalTable;
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const years = new Set<number>();
  const data = holidayData as { holidays: Record<string, string>; workdays: Record<string, string> };
  for (const [day, entry] of Object.entries(data.holidays)) {
    holidays.set(day, chineseName(entry));
    years.add(Number(day.slice(0, 4)));
  }
  for (const [day, entry] of Object.entries(data.workdays)) workdays.set(day, chineseName(entry));
  const holidayNumbers = new Set([...holidays.keys()].map(dayNumber));
  const workdayNumbers = new Set([...workdays.keys()].map(dayNumber));
  const periods: HolidayPeriod[] = [];
  for (const day of [...holidays.keys()].sort()) {
    const name = holidays.get(day)!;
    const last = periods[periods.length - 1];
    // a period is a run of days with the same name, a day apart (2023: 中秋 then 国庆节 adjoin)
    if (last && last.name === name && dayNumber(day) - dayNumber(last.last) === 1) last.last = day;
    else periods.push({ name, first: day, last: day });
  }
  nationalTable = { holidays, workdays, holidayNumbers, workdayNumbers, years, periods };
  return nationalTable;
}

function checkDays(name: string, days: readonly string[]): Set<string> {
  for (const d of days)
    if (!isDay(d)) throw new RangeError(`${name}: not a day (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return new Set(days);
}

/** A calendar over the national table and the office's own additions. Throws on a malformed day. */
export function createCalendar(opts: CalendarOptions = {}): WorkCalendar {
  const table = loadTable();
  const daysOff = checkDays('extraDaysOff', opts.extraDaysOff ?? []);
  const workdaysLocal = checkDays('extraWorkdays', opts.extraWorkdays ?? []);
  for (const d of daysOff) {
    if (workdaysLocal.has(d)) throw new RangeError(`${d} is both an extra day off and an extra working day`);
  }
  const offNumbers = new Set([...daysOff].map(dayNumber));
  const onNumbers = new Set([...workdaysLocal].map(dayNumber));

  /** The rule, on day numbers: local config first, then 调休, then holidays, then weekends. */
  const isWorkdayNumber = (n: number): boolean => {
    if (offNumbers.has(n)) return false;
    if (onNumbers.has(n) || table.workdayNumbers.has(n)) return true;
    if (table.holidayNumbers.has(n)) return false;
    const wd = weekdayOfNumber(n);
    return wd !== 0 && wd !== 6;
  };

  const info = (day: string): DayInfo => {
    const n = dayNumber(day); // validates
    if (daysOff.has(day)) return { day, workday: false, kind: 'local_day_off' };
    if (workdaysLocal.has(day)) return { day, workday: true, kind: 'local_workday' };
    const swapped = table.workdays.get(day);
    if (swapped !== undefined) return { day, workday: true, kind: 'swapped_workday', holiday: swapped };
    const holiday = table.holidays.get(day);
    if (holiday !== undefined) return { day, workday: false, kind: 'holiday', holiday };
    const wd = weekdayOfNumber(n);
    return wd === 0 || wd === 6
      ? { day, workday: false, kind: 'weekend' }
      : { day, workday: true, kind: 'workday' };
  };

  /** The nth working day from day number `from` in `direction` (n ≥ 1). */
  const stepNumber = (from: number, n: number, direction: 1 | -1): number => {
    let num = from;
    let left = n;
    for (let guard = 0; left > 0; guard++) {
      if (guard > MAX_WORKDAY_STEPS) throw new RangeError(`addWorkdays: ${n} working days is too far`);
      num += direction;
      if (isWorkdayNumber(num)) left--;
    }
    return num;
  };
  const step = (day: string, n: number, direction: 1 | -1): string =>
    dayFromNumber(stepNumber(dayNumber(day), n, direction));

  const addWorkdays = (day: string, n: number): string => {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
    if (n === 0) {
      dayNumber(day); // validates
      return day;
    }
    return n > 0 ? step(day, n, 1) : step(day, -n, -1);
  };

  const workdaysBetween = (a: string, b: string): number => {
    const na = dayNumber(a);
    const nb = dayNumber(b);
    const [lo, hi, sign] = na <= nb ? [na, nb, 1] : [nb, na, -1];
    let count = 0;
    for (let n = lo + 1; n <= hi; n++) if (isWorkdayNumber(n)) count++;
    return sign * count;
  };

  const describe = (day: string): string => {
    const i = info(day);
    const base = formatDayCn(day);
    switch (i.kind) {
      case 'swapped_workday':
        return zh.domain.dayNotes.swappedWorkday(base);
      case 'holiday':
        return zh.domain.dayNotes.holiday(base, i.holiday!);
      case 'local_day_off':
        return zh.domain.dayNotes.localDayOff(base);
      case 'local_workday':
        return zh.domain.dayNotes.localWorkday(base);
      default:
        return base;
    }
  };

  return {
    isWorkday: (day) => isWorkdayNumber(dayNumber(day)),
    info,
    addWorkdays,
    nextWorkday: (day) => step(day, 1, 1),
    previousWorkday: (day) => step(day, 1, -1),
    workdayOnOrAfter: (day) => {
      const n = dayNumber(day);
      return isWorkdayNumber(n) ? day : dayFromNumber(stepNumber(n, 1, 1));
    },
    workdaysBetween,
    describe,
    hasHolidayData: (year) => table.years.has(year),
    holidayPeriods: (name) =>
      name === undefined ? table.periods : table.periods.filter((p) => p.name === name),
  };
}
