import { zh } from '../text/zh-CN/index.js';

/**
 * Calendar days as 'YYYY-MM-DD' strings: the only date type the domain, the parser, the cards and
 * the store exchange. A day has no time and no zone; an instant becomes a day only through
 * `dayInZone(instant, TIMEZONE)`, so "today" is always the office's today, whatever the host's TZ.
 *
 * Arithmetic goes through a UTC day number (days since 1970-01-01), which has no DST and no
 * host-zone dependence. Strings compare correctly with < and >, because the format is fixed-width.
 */

/** the weekdays' names, by JavaScript's weekday number (0 = Sunday) */
const WEEKDAY_CN: Record<number, string> = zh.domain.days.weekdays;

/** Days in a month (month 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' from parts, or undefined when the day does not exist (2月30日, 13月). */
export function makeDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Split a day into numbers; undefined when it is not a real 'YYYY-MM-DD' day. */
export function splitDay(day: string): { year: number; month: number; day: number } | undefined {
  // hand-parsed: this runs for every day the calendar steps over, so no regex and no Date
  if (typeof day !== 'string' || day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45)
    return undefined;
  const year = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
  const month = digit(day, 5) * 10 + digit(day, 6);
  const d = digit(day, 8) * 10 + digit(day, 9);
  if (!(year >= 1000 && month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(year, month)))
    return undefined;
  return { year, month, day: d };
}

export function isDay(value: string): boolean {
  return splitDay(value) !== undefined;
}

function mustSplit(day: string): { year: number; month: number; day: number } {
  const p = splitDay(day);
  if (!p) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return p;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil; exact, no Date). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 (negative before). Throws on a malformed day: callers pass valid days. */
export function dayNumber(day: string): number {
  const p = mustSplit(day);
  return daysFromCivil(p.year, p.month, p.day);
}

/** The inverse of dayNumber (civil_from_days). */
export function dayFromNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The day n calendar days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

/** b − a in calendar days: diffDays('2021-03-15', '2021-03-22') = 7. */
export function diffDays(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(day: string): number {
  return weekdayOfNumber(dayNumber(day));
}

/** weekday() of a day number: 1970-01-01 was a Thursday (4). */
export function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The Monday of the day's week: weeks start on Monday, as Chinese offices count them. */
export function startOfWeek(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

export function startOfMonth(day: string): string {
  const p = mustSplit(day);
  return makeDay(p.year, p.month, 1)!;
}

export function endOfMonth(day: string): string {
  const p = mustSplit(day);
  return makeDay(p.year, p.month, daysInMonth(p.year, p.month))!;
}

/**
 * The same day-of-month n months later; when that month is shorter, its last day
 * (民法典 第二百零二条: 没有对应日的，月末日为期间的最后一日).
 */
export function addMonths(day: string, n: number): string {
  const p = mustSplit(day);
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return makeDay(year, month, Math.min(p.day, daysInMonth(year, month)))!;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneDayCache = new Map<string, string>();
const QUARTER_HOUR = 900_000;

/**
 * The calendar day an instant falls on in an IANA time zone: dayInZone(now, 'Asia/Shanghai').
 * Zone offsets are whole quarter hours, so every instant of one UTC quarter hour has the same
 * local day: the answer is cached per quarter hour (Intl formatting costs microseconds).
 */
export function dayInZone(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(instant.getTime() / QUARTER_HOUR)}`;
  const cached = zoneDayCache.get(key);
  if (cached !== undefined) return cached;
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneFormatters.set(timeZone, f);
  }
  let y = '';
  let m = '';
  let d = '';
  for (const part of f.formatToParts(instant)) {
    if (part.type === 'year') y = part.value;
    else if (part.type === 'month') m = part.value;
    else if (part.type === 'day') d = part.value;
  }
  const day = `${y.padStart(4, '0')}-${m}-${d}`;
  if (zoneDayCache.size > 4096) zoneDayCache.clear();
  zoneDayCache.set(key, day);
  return day;
}

/** '周一' … '周日'. */
export function weekdayCn(day: string): string {
  return WEEKDAY_CN[weekday(day)]!;
}

/**
 * How users read a day: formatDayCn('2021-03-22') → '3月22日 周一';
 * with { year: true } → '2021年3月22日 周一'.
 */
export function formatDayCn(day: string, opts: { year?: boolean } = {}): string {
  const p = mustSplit(day);
  const head = opts.year
    ? zh.domain.days.yearMonthDay(p.year, p.month, p.day)
    : zh.domain.days.monthDay(p.month, p.day);
  return zh.domain.days.withWeekday(head, weekdayCn(day));
}
