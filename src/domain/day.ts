/**
 * Calendar days as 'YYYY-MM-DD' strings: the only date type the domain, the parser, the cards and
 * the store exchange. A day has no time and no zone; an instant becomes a day only through
 * `dayInZone(instant, TIMEZONE)`, so "today" is always the office's today, whatever the host's TZ.
 *
 * Arithmetic goes through a UTC day number (days since 1970-01-01), which has no DST and no
 * host-zone dependence. Strings compare correctly with < and >, because the format is fixed-width.
 */

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAY_CN = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Days in a month (month 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' from parts, or undefined when the day does not exist (2月30日, 13月). */
export function makeDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Split a day into numbers; undefined when it is not a real 'YYYY-MM-DD' day. */
export function splitDay(day: string): { year: number; month: number; day: number } | undefined {
  const m = DAY_RE.exec(day);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return makeDay(parts.year, parts.month, parts.day) === day ? parts : undefined;
}

export function isDay(value: string): boolean {
  return splitDay(value) !== undefined;
}

function mustSplit(day: string): { year: number; month: number; day: number } {
  const p = splitDay(day);
  if (!p) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return p;
}

/** Days since 1970-01-01 (negative before). Throws on a malformed day: callers pass valid days. */
export function dayNumber(day: string): number {
  const p = mustSplit(day);
  return Math.round(Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY);
}

/** The inverse of dayNumber. */
export function dayFromNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
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
  // 1970-01-01 was a Thursday (4)
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
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

/** The calendar day an instant falls on in an IANA time zone: dayInZone(now, 'Asia/Shanghai'). */
export function dayInZone(instant: Date, timeZone: string): string {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD; formatToParts keeps us independent of that detail anyway
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
  return `${y.padStart(4, '0')}-${m}-${d}`;
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
  const head = opts.year ? `${p.year}年${p.month}月${p.day}日` : `${p.month}月${p.day}日`;
  return `${head} ${weekdayCn(day)}`;
}
