import type { WorkCalendar } from '../domain/calendar.js';
import {
  addDays,
  addMonths,
  diffDays,
  endOfMonth,
  formatDayCn,
  makeDay,
  splitDay,
  startOfMonth,
  startOfWeek,
  weekday,
} from '../domain/day.js';
import { readNumber } from './cn-number.js';
import { charSet, trimEndChars } from './trim.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * Deadlines (整改期限) in every form docs/spec/commands.md lists, counted from a base day D: the record's
 * visit date for problems and 期限, today for 申请延期. Conventions (also in README.md):
 *
 * - `N个工作日(内)`: the Nth working day after D on the national calendar, 调休 included.
 * - `N天内`, `N日内`, `N周内` (一周 = 7, 两周 = 14), `N个月内`, `半个月内` (15 days): D + the period in
 *   calendar days (months: the same day-of-month, else the month's last day); when that day is
 *   off, the next working day (民法典 第二百零二、二百零三条).
 * - `本周内`: the Friday of D's week (weeks start on Monday), as written, even if that day is off.
 * - `本周五前`, `下周一前`, `周五前` (the first Friday on or after D), `月底前`, `本月底`, `本月内`,
 *   `3月底`, `下月10日前`, `下月底`, `年底前`, `15日前` (the 15th of D's month, or of the next month
 *   when that has passed), and written dates: those days as written, never moved.
 * - `立行立改`, `立即整改`, `立即…`, `当天整改`: D itself.
 * - A date without a year is in D's year, or in the next year when that lies more than 60 days
 *   before D (`1月10日前` in a record of 12月28日 is next January).
 * - A duration followed by 前 (`两个月前`) means "ago", so it is not a deadline.
 * - Holidays of the national calendar: `元旦前`, `春节前`, `清明节前`, `劳动节前` (`五一前`), `端午节前`,
 *   `中秋节前`, `国庆节前` = the last working day before that holiday's first day off (the next
 *   such holiday after D); `国庆节后` (`…第一个工作日`, `国庆假期后`) = the first working day after it;
 *   `节前` / `节后` alone: the next holiday's.
 * - What cannot be counted (`下学期开学前`, `期末前`, `寒假前`, `下旬`, a holiday the table does not
 *   have yet) is an `uncountable` error: the reply quotes it and asks for a date. It is never
 *   replaced by the default deadline.
 */

export type DeadlineError = {
  kind: 'unreadable' | 'invalid_date' | 'uncountable';
  text: string;
  detail?: string;
};
export type Resolved = { ok: true; day: string; assumption?: string } | { ok: false; error: DeadlineError };

/** One deadline found inside a problem text. `strong` hits are deadlines; weak ones are just dates. */
export interface DeadlineHit {
  start: number;
  end: number;
  text: string;
  strong: boolean;
  result: Resolved;
}

const NUM = '\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4}';
const NUM2 = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const wd = (g: string) => `(?:\\s?\\(?(?:周|星期|礼拜)(?<${g}>[一二三四五六日天])\\)?)?`;
const NOT_AGO = '(?!\\s?(?:之前|以前|前))';

const HOLIDAY = '元旦|春节|清明|劳动节|五一|端午|中秋|国庆';
const HOLIDAY_OFF = '(?:节)?\\s?(?:小长假|长假|假期|放假|假)?';
/** 节前 / 节后 without a name (never 第三节后: a lesson) */
const BARE_HOLIDAY = '(?<![第\\d一二三四五六七八九十])(?:节假日|小长假|长假|节)';
const FIRST_WORKDAY = '(?:\\s?(?:第一个|首个|第1个|第一)\\s?工作日|\\s?上班(?:第一天|首日))?';

const ALTERNATIVES: [string, string][] = [
  ['holidayBefore', `(?:(?<hb>${HOLIDAY})${HOLIDAY_OFF}|${BARE_HOLIDAY})\\s?(?:之前|以前|前)(?!后)`],
  [
    'holidayAfter',
    `(?:(?<ha>${HOLIDAY})${HOLIDAY_OFF}|${BARE_HOLIDAY}|假期)\\s?(?:结束|收假)?\\s?(?:之后|以后|后)${FIRST_WORKDAY}`,
  ],
  ['full', `(?<!\\d)(?<fY>\\d{4})\\s?年\\s?(?<fM>${NUM2})\\s?月\\s?(?<fD>${NUM2})\\s?[日号]?${wd('fW')}`],
  ['iso', `(?<!\\d)(?<iY>\\d{4})[-/.](?<iM>\\d{1,2})[-/.](?<iD>\\d{1,2})(?!\\d)${wd('iW')}`],
  ['md', `(?<![\\d年])(?<mM>${NUM2})\\s?月\\s?(?<mD>${NUM2})\\s?[日号]${wd('mW')}`],
  ['monthEnd', `(?<![\\d年])(?<eM>${NUM2})\\s?月\\s?份?[底末]`],
  ['slash', `(?<![\\d/.\\-])(?<sM>\\d{1,2})/(?<sD>\\d{1,2})(?![\\d/])${wd('sW')}`],
  ['nextMonthDay', `下个?月\\s?(?<nD>${NUM2})\\s?[日号]`],
  ['nextMonthEnd', `下个?月\\s?[底末]`],
  ['thisMonthDay', `(?:本|这个?|当)月\\s?(?<tD>${NUM2})\\s?[日号]`],
  ['thisMonthEnd', `(?:本|这个?|当)月\\s?(?:之内|以内|内|底|末)|月[底末]`],
  ['yearEnd', `(?:今|本|当)年\\s?(?:年?[底末]|之内|以内|内)|年[底末]`],
  ['workdays', `(?<wN>${NUM})\\s?个?\\s?工作日${NOT_AGO}`],
  ['daysIn', `(?<dN>${NUM})\\s?个?\\s?(?:天|日)\\s?(?:之内|以内|内)`],
  [
    'weeks',
    `(?<!第)(?<kN>${NUM})\\s?个?\\s?(?:周|星期|礼拜)(?![一二三四五六日天])(?<kIn>\\s?(?:之内|以内|内))?${NOT_AGO}`,
  ],
  ['months', `(?<!第)(?<oN>${NUM}|半)\\s?个\\s?月(?<oIn>\\s?(?:之内|以内|内))?${NOT_AGO}`],
  ['days', `(?<pN>${NUM})\\s?天${NOT_AGO}`],
  ['thisWeek', `(?:本|这)\\s?(?:周|星期|礼拜)\\s?(?:之内|以内|内)`],
  ['weekday', `(?<!每)(?<wk>本|这|下个?)?(?:周|星期|礼拜)(?<wdN>[一二三四五六日天])`],
  ['dayOfMonth', `(?<![\\d月年])(?<oD>${NUM2})\\s?[日号](?=\\s?(?:之前|以前|前))`],
  ['now', `(?<nowStrong>立行立改|立即整改|即知即改|即查即改|当场整改|马上整改|立即改正|立即)|当天|当日|即日`],
];

const PREFIX =
  '(?<pre>(?:整改期限|整改时限|完成时限|期限|时限|截止到|截止至|截止|截至|限期|限于|限|务必在|须在|需在|应在|要在|请在|须于|需于|应于|请于|在|于)\\s?:?\\s?)?';
const POST = '(?<post>\\s?(?:之前|以前|前|为止|止|之内|以内|内))?';
const BODY = ALTERNATIVES.map(([name, src]) => `(?<a_${name}>${src})`).join('|');
// The lookahead lists every character a deadline can start with: most positions fail at once.
const FIRST =
  '(?=[\\d零〇一二两三四五六七八九十百半下本这当今年月周星礼立即马截限期时完整务须需应要请在于元春清劳五端中国节假长收])';
const SCAN_RE = new RegExp(`${FIRST}${PREFIX}(?:${BODY})${POST}`, 'g');

/** Words that may follow a deadline and add nothing: "3月31日前补齐", "5个工作日内整改到位". */
const ACTION =
  '(?:并|须|需|要|应|请|务必)?(?:全部|全面|及时|按要求|重新)?(?:完成|整改|停止|补报|补齐|补全|补充|补办|补录|补签|补交|办理|完善|落实|到位|改正|纠正|改进|更新|更换|维修|修复|修订|整理|清理|配齐|规范|备案|处理|解决|上报|提交|完毕|办结)*';
export const ACTION_ONLY_RE = new RegExp(`^${ACTION}$`);
const ACTION_AHEAD_RE =
  /^\s?(?:并|须|需|要|应|请|务必)?(?:完成|整改|补齐|补全|补充|完善|落实|到位|改正|纠正|更新|处理|解决|上报|提交|停止|清理|拆除|撤除|配齐|配备|修复|维修|更换|张贴|公示|建立|制定|开展|组织)/;

const WEEKDAY_INDEX: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
/** the weekday's name by ISO number, as a reply says it */
const WEEKDAY_NAME: Record<number, string> = zh.parser.dates.weekdays;

const ok = (day: string, assumption?: string): Resolved =>
  assumption ? { ok: true, day, assumption } : { ok: true, day };
const invalid = (text: string, detail: string): Resolved => ({
  ok: false,
  error: { kind: 'invalid_date', text, detail },
});

function num(s: string | undefined): number {
  return s === undefined ? NaN : s === '半' ? 0.5 : (readNumber(s) ?? NaN);
}

function checkWeekday(day: string, wdChar: string | undefined, text: string): Resolved {
  if (wdChar === undefined) return ok(day);
  const want = WEEKDAY_INDEX[wdChar]!;
  const have = ((weekday(day) + 6) % 7) + 1;
  return want === have
    ? ok(day)
    : invalid(text, zh.parser.dates.notThatWeekday(formatDayCn(day), WEEKDAY_NAME[want]!));
}

/** A written date: exact when the year is given, else D's year or the next (see file comment). */
function written(
  text: string,
  base: string,
  y: number | undefined,
  m: number,
  d: number,
  wdChar: string | undefined,
): Resolved {
  if (y !== undefined) {
    const day = makeDay(y, m, d);
    return day ? checkWeekday(day, wdChar, text) : invalid(text, zh.parser.dates.invalidDate(y, m, d));
  }
  const baseYear = splitDay(base)!.year;
  let day = makeDay(baseYear, m, d);
  if (day && diffDays(day, base) > 60) day = makeDay(baseYear + 1, m, d);
  if (!day) return invalid(text, zh.parser.dates.invalidMonthDay(m, d));
  const r = checkWeekday(day, wdChar, text);
  if (r.ok && splitDay(day)!.year !== baseYear)
    return ok(day, zh.parser.readings.readAs(text, formatDayCn(day, { year: true })));
  return r;
}

function monthEnd(text: string, base: string, m: number): Resolved {
  if (!(m >= 1 && m <= 12)) return invalid(text, zh.parser.dates.invalidMonth(m));
  const baseYear = splitDay(base)!.year;
  let day = endOfMonth(makeDay(baseYear, m, 1)!);
  if (diffDays(day, base) > 60) day = endOfMonth(makeDay(baseYear + 1, m, 1)!);
  return splitDay(day)!.year !== baseYear
    ? ok(day, zh.parser.readings.readAs(text, formatDayCn(day, { year: true })))
    : ok(day);
}

type Groups = Record<string, string | undefined>;

const HOLIDAY_NAME: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明',
  劳动节: '劳动节',
  五一: '劳动节',
  端午: '端午',
  中秋: '中秋',
  国庆: '国庆节',
};

/** 国庆节前 / 国庆节后第一个工作日 / 节前 / 节后 (see the file comment). */
function holiday(g: Groups, text: string, base: string, cal: WorkCalendar): Resolved {
  const before = g.a_holidayBefore !== undefined;
  const written = before ? g.hb : g.ha;
  const name = written === undefined ? undefined : HOLIDAY_NAME[written];
  const period = cal
    .holidayPeriods(name)
    .find((p) => (before ? p.first > base : p.last >= base && p.first > addDays(base, -30)));
  if (!period) {
    return {
      ok: false,
      error: {
        kind: 'uncountable',
        text,
        detail: zh.parser.dates.noNextHoliday(name),
      },
    };
  }
  const day = before ? cal.previousWorkday(period.first) : cal.nextWorkday(period.last);
  const what = name ?? period.name;
  return ok(day, zh.parser.readings.holiday(text, what, before, formatDayCn(day)));
}

/** Turn one match into a day. `text` is the matched text, for messages. */
function resolve(g: Groups, text: string, base: string, cal: WorkCalendar): Resolved {
  const periodEnd = (day: string) => ok(cal.workdayOnOrAfter(day));
  if (g.a_holidayBefore !== undefined || g.a_holidayAfter !== undefined) return holiday(g, text, base, cal);
  if (g.a_full) return written(text, base, Number(g.fY), num(g.fM), num(g.fD), g.fW);
  if (g.a_iso) return written(text, base, Number(g.iY), Number(g.iM), Number(g.iD), g.iW);
  if (g.a_md) return written(text, base, undefined, num(g.mM), num(g.mD), g.mW);
  if (g.a_slash) return written(text, base, undefined, Number(g.sM), Number(g.sD), g.sW);
  if (g.a_monthEnd) return monthEnd(text, base, num(g.eM));
  if (g.a_nextMonthDay || g.a_thisMonthDay) {
    const month = g.a_nextMonthDay ? addMonths(startOfMonth(base), 1) : startOfMonth(base);
    const p = splitDay(month)!;
    const d = num(g.a_nextMonthDay ? g.nD : g.tD);
    const day = makeDay(p.year, p.month, d);
    return day ? ok(day) : invalid(text, zh.parser.dates.noSuchDay(p.month, d));
  }
  if (g.a_nextMonthEnd) return ok(endOfMonth(addMonths(startOfMonth(base), 1)));
  if (g.a_thisMonthEnd) return ok(endOfMonth(base));
  if (g.a_yearEnd) return ok(makeDay(splitDay(base)!.year, 12, 31)!);
  if (g.a_workdays) {
    const n = num(g.wN);
    return n >= 1 && n <= 365 ? ok(cal.addWorkdays(base, n)) : invalid(text, zh.parser.dates.workdaysRange);
  }
  if (g.a_daysIn || g.a_days) {
    const n = num(g.a_daysIn ? g.dN : g.pN);
    return n >= 1 && n <= 730 ? periodEnd(addDays(base, n)) : invalid(text, zh.parser.dates.daysRange);
  }
  if (g.a_weeks) {
    const n = num(g.kN);
    return n >= 1 && n <= 104 ? periodEnd(addDays(base, 7 * n)) : invalid(text, zh.parser.dates.weeksRange);
  }
  if (g.a_months) {
    const n = num(g.oN);
    if (n === 0.5) return periodEnd(addDays(base, 15));
    return n >= 1 && n <= 24 ? periodEnd(addMonths(base, n)) : invalid(text, zh.parser.dates.monthsRange);
  }
  if (g.a_thisWeek) return ok(addDays(startOfWeek(base), 4));
  if (g.a_weekday) {
    const target = WEEKDAY_INDEX[g.wdN!]!;
    const monday = startOfWeek(base);
    if (g.wk?.startsWith('下')) return ok(addDays(monday, 7 + target - 1));
    if (g.wk) return ok(addDays(monday, target - 1));
    let day = addDays(monday, target - 1);
    if (day < base) day = addDays(day, 7);
    return ok(day, zh.parser.readings.readAs(text, formatDayCn(day)));
  }
  if (g.a_dayOfMonth) {
    const d = num(g.oD);
    const p = splitDay(base)!;
    let day = d >= p.day ? makeDay(p.year, p.month, d) : undefined;
    if (!day) {
      const next = splitDay(addMonths(startOfMonth(base), 1))!;
      day = makeDay(next.year, next.month, d);
    }
    return day
      ? ok(day, zh.parser.readings.readAs(text, formatDayCn(day)))
      : invalid(text, zh.parser.dates.invalidDayOfMonth(d));
  }
  return ok(base); // a_now
}

/** Whether a hit counts as a deadline inside free text (see the README: "which dates are deadlines"). */
function isStrong(g: Groups, after: string, clauseOnly: boolean): boolean {
  if (g.a_workdays || g.a_daysIn || g.a_thisWeek || g.a_thisMonthEnd || g.a_nextMonthEnd || g.a_nextMonthDay)
    return true;
  if (g.a_holidayBefore !== undefined || g.a_holidayAfter !== undefined) return true;
  if (g.a_thisMonthDay || g.a_yearEnd || g.a_dayOfMonth || g.nowStrong) return true;
  if (g.a_weeks && g.kIn) return true;
  if (g.a_months && g.oIn) return true;
  if (g.pre || g.post) return true;
  // "周六组织集体补课", "周三开展大课间": a bare weekday before 组织/开展 says when things happen
  if (g.a_weekday && !g.wk && HABIT_RE.test(after)) return clauseOnly;
  return clauseOnly || ACTION_AHEAD_RE.test(after);
}

const HABIT_RE = /^\s?(?:开展|组织)/;

const CLAUSE_END = /[,;。()!?\n]/;
const CLAUSE_END_G = /[,;。()!?\n]/g;

/** The clause around [start, end): bounded by , ; 。 ( ) ! ? or a line break. */
export function clauseBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !CLAUSE_END.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !CLAUSE_END.test(text[e]!)) e++;
  return [s, e];
}

/** clauseBounds for many hits in one text: the separators are found once, then binary-searched. */
function clauseFinder(text: string): (start: number, end: number) => [number, number] {
  const seps: number[] = [];
  CLAUSE_END_G.lastIndex = 0;
  for (let m = CLAUSE_END_G.exec(text); m; m = CLAUSE_END_G.exec(text)) seps.push(m.index);
  const firstAtOrAfter = (i: number): number => {
    let lo = 0;
    let hi = seps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seps[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (start, end) => {
    const before = firstAtOrAfter(start) - 1;
    const after = firstAtOrAfter(end);
    return [before >= 0 ? seps[before]! + 1 : 0, after < seps.length ? seps[after]! : text.length];
  };
}

/** Every date-like phrase in a free text, in order; `strong` marks the ones that are deadlines. */
export function scanDeadlines(text: string, base: string, cal: WorkCalendar): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  const bounds = clauseFinder(text);
  // the same words resolve to the same day within one text: a text repeating one phrase
  // thousands of times resolves it once
  const resolved = new Map<string, Resolved>();
  SCAN_RE.lastIndex = 0;
  for (let m = SCAN_RE.exec(text); m; m = SCAN_RE.exec(text)) {
    if (m[0] === '') {
      SCAN_RE.lastIndex++;
      continue;
    }
    const g = m.groups as Groups;
    const start = m.index;
    const end = start + m[0].length;
    const [cs, ce] = bounds(start, end);
    // a clause that is only the deadline (plus a few action words) is short: look no further
    const rest = text.slice(end, Math.min(ce, end + 24));
    const clauseOnly =
      start - cs <= 2 &&
      ce - end <= 24 &&
      text.slice(cs, start).trim() === '' &&
      ACTION_ONLY_RE.test(rest.trim());
    const strong = isStrong(g, rest, clauseOnly);
    let result = resolved.get(m[0]);
    if (!result) resolved.set(m[0], (result = resolve(g, m[0], base, cal)));
    hits.push({ start, end, text: m[0], strong, result });
  }
  return hits;
}

/** Attempts we do not understand ("下下周内", "三天后"): a strong hint the writer meant a deadline. */
const ATTEMPT_RE =
  /(?:\d|[一二两三四五六七八九十半])\s?个?\s?(?:工作日|天|周|星期|礼拜|月)\s?(?:之内|以内|内|后)|(?:\d|[一二三四五六七八九十])\s?[日号]\s?(?:之前|以前|前)|(?<![\d一二两三四五六七八九十个])(?:周|星期|礼拜)[一二三四五六日天]?\s?(?:之前|以前|前|内)|[月年][底末中]\s?前|(?:节|假期?)\s?(?:之前|以前|前)(?!后)/;

/**
 * Deadlines that name a moment we cannot count: the school calendar differs from school to school
 * and year to year, so the reply asks for a date instead.
 */
const UNCOUNTABLE_RE =
  /(?:[下本这新上]个?)?学期\s?(?:末|结束|开学)?\s?(?:之前|以前|前|之内|以内|内)|开学\s?(?:之前|以前|前)|期末(?:考试)?\s?(?:之前|以前|前)|[寒暑]假\s?(?:之前|以前|前)|(?<![\d一二两三四五六七八九十几多去今明前后])年前(?![\d一二两三四五六七八九十])|[上中下]旬\s?(?:之前|以前|前|之内|以内|内)|月中\s?(?:之前|以前|前)/;

export type DeadlineAttempt = { text: string; uncountable: boolean };

/** The clause around an unreadable (or uncountable) deadline attempt, or undefined when there is none. */
export function findDeadlineAttempt(text: string): DeadlineAttempt | undefined {
  const u = UNCOUNTABLE_RE.exec(text);
  const m = u ?? ATTEMPT_RE.exec(text);
  if (!m) return undefined;
  const [s, e] = clauseBounds(text, m.index, m.index + m[0].length);
  return { text: text.slice(s, e).trim(), uncountable: u !== null };
}

/** Whether a text names a moment we cannot count (下学期开学前, 期末前…). */
export function isUncountable(text: string): boolean {
  return UNCOUNTABLE_RE.test(text.slice(0, 200));
}

/**
 * A whole text that must be one deadline (the 期限 field, 申请延期 … 至 X): an optional prefix,
 * the deadline, optional 前/内 and action words, nothing else.
 */
const READ_TRAILING = charSet(',;。.! ');

export function readDeadline(text: string, base: string, cal: WorkCalendar): Resolved {
  if (text.length > 200) return { ok: false, error: { kind: 'unreadable', text: `${text.slice(0, 20)}…` } };
  const clean = trimEndChars(text.trim(), READ_TRAILING);
  const unreadable: Resolved = {
    ok: false,
    error: { kind: isUncountable(clean) ? 'uncountable' : 'unreadable', text: clean },
  };
  if (clean === '' || clean.length > 60) return unreadable;
  SCAN_RE.lastIndex = 0;
  const m = SCAN_RE.exec(clean);
  if (m?.index !== 0 || m[0] === '') return unreadable;
  if (!ACTION_ONLY_RE.test(clean.slice(m[0].length).trim())) return unreadable;
  return resolve(m.groups as Groups, m[0], base, cal);
}
