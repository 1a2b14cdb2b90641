import { addDays, diffDays, formatDayCn, makeDay, splitDay, weekday } from '../domain/day.js';
import { readNumber } from './cn-number.js';
import { charSet, trimEndChars } from './trim.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The visit date (日期 of a record). Conventions (also in README.md):
 *
 * - `今天`/`今日`, `昨天`/`昨日`, `前天`: counted from today in the office's time zone;
 * - `3月15日`, `3月15号`, `三月十五日`, `3/15`, `3.15`, `2021年3月15日`, `2021-03-15`, `2021/3/15`,
 *   each optionally followed by a weekday (`（周一）`, `星期一`) and a time of day (`上午`, `9:00-11:30`);
 * - a stated weekday must agree with the date, else the date is refused (a typo is likelier than
 *   a wrong weekday, and we cannot tell which part is wrong);
 * - a date without a year is this year's, unless that lies more than 30 days ahead of today:
 *   then last year's (`12月30日` sent on 1月5日 is last December);
 * - a visit date after today is refused: records may be back-dated, never forward-dated.
 */

export type VisitDate =
  | { ok: true; day: string; assumption?: string }
  /** `future`: a readable date after today (the visit_future failure) */
  | { ok: false; reason: string; future?: boolean };

const NUM2 = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const WEEKDAY = '(?:\\s?\\(?(?:周|星期|礼拜)(?<wd>[一二三四五六日天])\\)?)?';
/** What may follow a date: a time of day or a span of hours (上午9:00—11:30, 9时至11时30分). */
const TIME_CHARS = charSet('0123456789:.点时分半上下中早晚午全天日间许左右约-—–~至到 ()和及、,');
const TAIL = WEEKDAY;

const RELATIVE_RE = new RegExp(`^(?<rel>今天|今日|昨天|昨日|前天|大前天|明天|明日|后天)${TAIL}`);
const FULL_RE = new RegExp(`^(?<y>\\d{4})\\s?年\\s?(?<m>${NUM2})\\s?月\\s?(?<d>${NUM2})\\s?[日号]?${TAIL}`);
const ISO_RE = new RegExp(`^(?<y>\\d{4})[-/.](?<m>\\d{1,2})[-/.](?<d>\\d{1,2})${TAIL}`);
const MD_RE = new RegExp(`^(?<m>${NUM2})\\s?月\\s?(?<d>${NUM2})\\s?[日号]?${TAIL}`);
const SHORT_RE = new RegExp(`^(?<m>\\d{1,2})[/.](?<d>\\d{1,2})${TAIL}`);

const DAY_OF_MONTH_RE = new RegExp(`^(?<d>${NUM2})\\s?[日号]${TAIL}`);
const WEEK_RE = /^(?:(?<which>本|这|上)个?)?(?:周|星期|礼拜)(?<wday>[一二三四五六日天])/;
const WEEKDAY_INDEX: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const RELATIVE_OFFSET: Record<string, number> = {
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  大前天: -3,
  明天: 1,
  明日: 1,
  后天: 2,
};
const TRAILING = charSet(',;。. ');

/** Whether what follows a date is only a time of day (loop, not a pattern: the text is unbounded). */
function timeTail(rest: string): boolean {
  for (const ch of rest) if (!TIME_CHARS.has(ch)) return false;
  return true;
}

/** How many days ahead a yearless date may lie before it is read as last year's. */
export const YEARLESS_VISIT_LOOKAHEAD_DAYS = 30;

function finish(day: string, today: string, wdChar: string | undefined, assumption?: string): VisitDate {
  if (wdChar !== undefined && WEEKDAY_INDEX[wdChar] !== weekday(day)) {
    return { ok: false, reason: zh.parser.dates.weekdayMismatch(formatDayCn(day, { year: true })) };
  }
  if (day > today) {
    return {
      ok: false,
      future: true,
      reason: zh.parser.dates.future(formatDayCn(day), formatDayCn(today)),
    };
  }
  return assumption ? { ok: true, day, assumption } : { ok: true, day };
}

/** Read a visit date written by a person, relative to `today` ('YYYY-MM-DD' in the office's zone). */
export function readVisitDate(text: string, today: string): VisitDate {
  // bounded before any pattern sees it: no date is written in more than 40 characters
  if (text.length > 200) return { ok: false, reason: zh.parser.dates.unreadableLong(text.slice(0, 20)) };
  const t = trimEndChars(text.trim(), TRAILING);
  const unreadable: VisitDate = { ok: false, reason: zh.parser.dates.unreadable(t) };
  if (t === '' || t.length > 40) return unreadable;
  const tailOk = (m: RegExpExecArray) => timeTail(t.slice(m[0].length));

  const rel = RELATIVE_RE.exec(t);
  if (rel && tailOk(rel))
    return finish(addDays(today, RELATIVE_OFFSET[rel.groups!.rel!]!), today, rel.groups!.wd);

  // 本周一, 上周五, 周三 (the latest one on or before today): as the narrative records say it
  const week = WEEK_RE.exec(t);
  if (week && tailOk(week)) {
    const g = week.groups!;
    const target = WEEKDAY_INDEX[g.wday!]!;
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    const offset = (target + 6) % 7; // Monday = 0 … Sunday = 6
    let day = addDays(monday, offset);
    if (g.which === '上') day = addDays(day, -7);
    else if (g.which === undefined && day > today) day = addDays(day, -7);
    return finish(
      day,
      today,
      undefined,
      g.which === undefined ? zh.parser.readings.readAs(t, formatDayCn(day)) : undefined,
    );
  }

  // 15日 / 15号 alone: this month's, or last month's when that is still to come
  const dom = DAY_OF_MONTH_RE.exec(t);
  if (dom && tailOk(dom)) {
    const d = readNumber(dom.groups!.d!) ?? NaN;
    const p = splitDay(today)!;
    let day = makeDay(p.year, p.month, d);
    if (day && day > today) {
      const prev = splitDay(addDays(makeDay(p.year, p.month, 1)!, -1))!;
      day = makeDay(prev.year, prev.month, d);
    }
    if (!day) return { ok: false, reason: zh.parser.dates.invalidDayOfMonth(dom.groups!.d!) };
    return finish(day, today, dom.groups!.wd, zh.parser.readings.readAs(t, formatDayCn(day)));
  }

  const fullM = FULL_RE.exec(t);
  const full = fullM && tailOk(fullM) ? fullM : ISO_RE.exec(t);
  if (full && tailOk(full)) {
    const g = full.groups!;
    const y = Number(g.y);
    const m = readNumber(g.m!) ?? NaN;
    const d = readNumber(g.d!) ?? NaN;
    const day = makeDay(y, m, d);
    return day ? finish(day, today, g.wd) : { ok: false, reason: zh.parser.dates.invalidDate(y, g.m!, g.d!) };
  }

  const mdM = MD_RE.exec(t);
  const md = mdM && tailOk(mdM) ? mdM : SHORT_RE.exec(t);
  if (md && tailOk(md)) {
    const g = md.groups!;
    const m = readNumber(g.m!) ?? NaN;
    const d = readNumber(g.d!) ?? NaN;
    const year = splitDay(today)!.year;
    let day = makeDay(year, m, d);
    let assumption: string | undefined;
    if (day && diffDays(today, day) > YEARLESS_VISIT_LOOKAHEAD_DAYS) {
      day = makeDay(year - 1, m, d);
      if (day) assumption = zh.parser.readings.readAs(t, formatDayCn(day, { year: true }));
    }
    if (!day) return { ok: false, reason: zh.parser.dates.invalidMonthDay(g.m!, g.d!) };
    return finish(day, today, g.wd, assumption);
  }
  return unreadable;
}
