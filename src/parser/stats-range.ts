import {
  addDays,
  addMonths,
  endOfMonth,
  makeDay,
  splitDay,
  startOfMonth,
  startOfWeek,
} from '../domain/day.js';
import { readNumber } from './cn-number.js';
import { readVisitDate } from './visit-date.js';
import { charSet, trimEndChars } from './trim.js';
import { zh } from '../text/zh-CN/index.js';

const STATS_TAIL = charSet('。.!');

/**
 * The period of 统计 …, as whole periods with both ends included (the handler caps at today):
 * - nothing or 本月/这个月/当月: this month, 1st to last day (the reply says it assumed 本月);
 * - 本周/这周: Monday to Sunday of this week; 上周: the week before;
 * - 上月/上个月: last month; 今年/本年: this year; 去年: last year; 今天, 昨天: that day;
 * - 2021年3月, 2021-03, 2021/3: that month; 2021年 / 2021: that year;
 * - 3月 (no year): the latest March that has begun (this year's, or last year's if it is still ahead);
 * - a range A至B (also 到, -, ~) of dates written like visit dates.
 */

export type StatsRange = { ok: true; from: string; to: string; assumption?: string } | { ok: false };

const NUM2 = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const YEAR_MONTH_RE = new RegExp(`^(?<y>\\d{4})\\s?(?:年\\s?(?<m1>${NUM2})\\s?月份?|[-/.](?<m2>\\d{1,2}))$`);
const MONTH_RE = new RegExp(`^(?<m>${NUM2})\\s?月份?$`);
const YEAR_RE = /^(?<y>\d{4})\s?年?(?:全年|度)?$/;

function month(day: string): { from: string; to: string } {
  return { from: startOfMonth(day), to: endOfMonth(day) };
}

/** The from/to days of a 统计 argument, relative to today ('YYYY-MM-DD'). */
export function readStatsRange(text: string, today: string): StatsRange {
  if (text.length > 80) return { ok: false }; // no period is written that long (checked before any pattern)
  const t = trimEndChars(text.trim().replace(/^(?:范围|时间|期间)?:?/, ''), STATS_TAIL).replace(
    /(?:的)?(?:数据|情况|统计)$/,
    '',
  );
  const y = splitDay(today)!.year;
  if (t.length > 40) return { ok: false };
  if (t === '') return { ok: true, ...month(today), assumption: zh.parser.readings.noStatsRange };
  switch (t) {
    case '本月':
    case '这个月':
    case '这月':
    case '当月':
      return { ok: true, ...month(today) };
    case '上月':
    case '上个月':
      return { ok: true, ...month(addMonths(startOfMonth(today), -1)) };
    case '本周':
    case '这周':
    case '这星期':
    case '本星期': {
      const from = startOfWeek(today);
      return { ok: true, from, to: addDays(from, 6) };
    }
    case '上周':
    case '上星期': {
      const from = addDays(startOfWeek(today), -7);
      return { ok: true, from, to: addDays(from, 6) };
    }
    case '今年':
    case '本年':
    case '本年度':
    case '全年':
      return { ok: true, from: makeDay(y, 1, 1)!, to: makeDay(y, 12, 31)! };
    case '去年':
    case '上年':
      return { ok: true, from: makeDay(y - 1, 1, 1)!, to: makeDay(y - 1, 12, 31)! };
    case '今天':
    case '今日':
      return { ok: true, from: today, to: today };
    case '昨天':
    case '昨日':
      return { ok: true, from: addDays(today, -1), to: addDays(today, -1) };
  }
  const ym = YEAR_MONTH_RE.exec(t);
  if (ym) {
    const m = readNumber(ym.groups!.m1 ?? ym.groups!.m2!) ?? NaN;
    const first = makeDay(Number(ym.groups!.y), m, 1);
    return first ? { ok: true, ...month(first) } : { ok: false };
  }
  const mo = MONTH_RE.exec(t);
  if (mo) {
    const m = readNumber(mo.groups!.m!) ?? NaN;
    let first = makeDay(y, m, 1);
    if (first && first > today) first = makeDay(y - 1, m, 1);
    return first ? { ok: true, ...month(first) } : { ok: false };
  }
  const yr = YEAR_RE.exec(t);
  if (yr) {
    const year = Number(yr.groups!.y);
    return year >= 2000 && year <= 2100
      ? { ok: true, from: makeDay(year, 1, 1)!, to: makeDay(year, 12, 31)! }
      : { ok: false };
  }
  for (const [a, b] of rangeSplits(t)) {
    const from = rangeEnd(a, today);
    const to = rangeEnd(b, today);
    if (!from || !to) continue;
    if (from <= to) return { ok: true, from, to };
    // 12月20日至1月10日: a yearless range across New Year starts last year
    const pf = splitDay(from)!;
    if (!/\d{4}/.test(a) && pf.month > splitDay(to)!.month) {
      const earlier = makeDay(pf.year - 1, pf.month, pf.day);
      if (earlier && earlier <= to) return { ok: true, from: earlier, to };
    }
  }
  return { ok: false };
}

/** Ways to cut "A至B" in two: at 至/到/~/—, else at each '-' (2021-03-01-2021-03-31 has many). */
function rangeSplits(t: string): [string, string][] {
  const strong = /至|到|~|—/.exec(t);
  if (strong) return [[t.slice(0, strong.index), t.slice(strong.index + strong[0].length)]];
  const out: [string, string][] = [];
  for (let i = t.indexOf('-'); i > 0; i = t.indexOf('-', i + 1)) out.push([t.slice(0, i), t.slice(i + 1)]);
  return out;
}

/**
 * One end of a range. Unlike a visit date it may lie in the future (统计 3月1日至3月31日 on 3月15日),
 * so a yearless date is simply this year's.
 */
function rangeEnd(text: string, today: string): string | undefined {
  const t = text.trim();
  if (/^(?:今天|今日|昨天|昨日|前天)/.test(t) || /^\d{4}/.test(t)) {
    const r = readVisitDate(t, /^\d{4}/.test(t) ? '9999-12-31' : today);
    return r.ok ? r.day : undefined;
  }
  // read against the last day of this year: nothing in this year is "ahead" of it
  const endOfYear = makeDay(splitDay(today)!.year, 12, 31)!;
  const r = readVisitDate(t, endOfYear);
  return r.ok ? r.day : undefined;
}
