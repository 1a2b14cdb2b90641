import { MAX_PAGE } from '../domain/list-page.js';
import { readNumber } from './cn-number.js';

/**
 * The page asked for after a list command: 待办 2, 待办 第2页, 逾期第三页, 查询 龙泉小学 第2页.
 * A chat list answers one page (src/domain/list-page.ts) and says which command shows the next;
 * this reads that command back. Anchored at the end and bounded, so no input buys time.
 */

/** 第2页, 第 二 页, and 2页 on its own (a number glued to a name is the name's: 27页 is not 光谷27 页) */
const EXPLICIT_RE =
  /(?:第\s?([0-9零〇一二两三四五六七八九十百]{1,4})\s?页|(?:^|[\s,，、])([0-9]{1,3})\s?页)[\s.。!~]*$/;
/** a bare number, allowed only where nothing else can follow the keyword (待办 2) */
const BARE_RE = /^\s*([0-9]{1,3})[\s.。!~]*$/;

export interface PageTail {
  page: number;
  /** the text before the page words */
  rest: string;
}

/**
 * The page named at the end of `text`, and what comes before it; undefined when there is none.
 * `bare` allows a number alone ("2"), for the standalone lists whose keyword takes nothing else.
 */
export function readPageTail(text: string, opts: { bare?: boolean } = {}): PageTail | undefined {
  // a page tail is short: look at the last few characters only
  const tail = text.length > 24 ? text.slice(-24) : text;
  const cut = text.length - tail.length;
  const m = EXPLICIT_RE.exec(tail) ?? (opts.bare && cut === 0 ? BARE_RE.exec(tail) : null);
  if (!m) return undefined;
  const page = readNumber(m[1] ?? m[2] ?? '');
  if (page === undefined || page < 1 || page > MAX_PAGE) return undefined;
  return { page, rest: text.slice(0, cut + m.index).trimEnd() };
}
