import { readNumber } from './cn-number.js';
import { charSet, trimEndChars, trimStartChars } from './trim.js';

/**
 * The 问题 field as a list of problem texts. People number them `1.` `1、` `1)` `(1)` `（1）` `①`
 * `一、` `（一）` `一是` `第一` `第1项`, one per line or several on one line — with or without a
 * separator before the marker (`1.食堂…缺失2.教室…`, `①晨午检…②隔离室…`) — or write one per
 * line unnumbered. Rules:
 *
 * - a marker at the start of a line always starts a problem;
 * - inside a line, a marker starts a problem only when it carries the next number of the same
 *   style (1 → 2 → 3; ① → ②; 一是 → 二是), and a list found inside a line needs at least its
 *   first two markers: "抽查3、5年级", "1.5米", "2个工作日内", "2月数据" stay inside the text;
 * - a voice transcription has no punctuation: there bare numbers count too (`问题1三年级…2课后…`),
 *   never before a unit (2月, 5个, 三年级 after 一 is fine, 三月 is not);
 * - when any marker is found, an unnumbered line continues the problem before it; when none is,
 *   every line is one problem;
 * - a lead-in before the first marker ("存在以下问题：", "主要有三个方面，") introduces the list
 *   and is dropped;
 * - `无`, `暂无`, `没有`, `未发现问题` mean no problems.
 *
 * Continuation lines are joined with '\n', so a deadline written on its own line stays a clause.
 * Works on normalised text: （1） has become (1), １． has become 1. One pass over the text with
 * sticky, bounded expressions at each position: linear.
 */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CN = '一二三四五六七八九十';

type Family = 'A' | 'AP' | 'C' | 'CP' | 'CD' | 'CS' | 'DI' | 'AB' | 'CB' | 'DB' | 'LA';

interface Marker {
  start: number;
  end: number;
  family: Family;
  n: number;
  lineStart: boolean;
}

/**
 * Every numbered-marker style in one global expression: the engine scans natively between
 * candidates (a loop of sticky expressions per position is several times slower on a long line
 * before the JIT warms up, and `npx dudao parse` is always cold).
 */
const MARKER_RE = new RegExp(
  [
    `\\((\\d{1,2})\\) ?`, // (1)
    `\\(([${CN}]{1,3})\\) ?`, // (一)
    `(\\d{1,2})(?:[、)]|\\.(?!\\d)) ?`, // 1、 1) 1.
    `([${CIRCLED}]) ?`, // ①
    `([${CN}]{1,3})、 ?`, // 一、
    `([A-H])(?:[、)]|\\.(?!\\d)) ?`, // A. B、 C)
    `([${CN}]{1,3})是(?:[:,] ?)?`, // 一是
    // 第一项 第2条 第一个问题是 第三, (never 第一食堂: a word)
    `第(\\d{1,2}|[${CN}]{1,3})(?:(?:个问题|项问题|个方面|方面|个|项|条|点)(?:是|为)?[:、.,]? ?|[:、.,] ?)`,
  ].join('|'),
  'g',
);
/** Voice only: a bare number glued to the text it numbers. */
const BARE_RE = new RegExp(
  `第([${CN}])(?=[\\u4e00-\\u9fff])|(\\d{1,2})(?=[\\u4e00-\\u9fff])|([${CN}])(?=[\\u4e00-\\u9fff])`,
  'g',
);
const BARE_TYPED_BEFORE = charSet(' \n');
/** What may follow a bare number without making it a quantity (2月, 5个, 3年级 after 一 is fine). */
const UNIT_CHARS =
  '〇零两百千万月日号年个天周点时分秒岁楼层栋幢班级次名人所只张台间处块本份套元米项条届期批轮户家篇节门是、';
const DIGIT_UNITS = charSet(UNIT_CHARS);
/** After a bare Chinese numeral, another numeral makes a number too (十二, 一三 is not a list). */
const CN_UNITS = charSet(`${CN}${UNIT_CHARS}`);
const CN_LINE_START_UNITS = charSet(`${CN}〇零两百千万月日号年个天周点时分秒岁些样般直定起切共致律旦`);
/** Before a bare Chinese numeral: these make it part of a word (初一, 周三, 第二, 一一). */
const CN_WORD_BEFORE = charSet(`${CN}第初高周期拜星月年号统唯万千百两`);

const NONE_RE = /^(?:无|暂无|没有|无问题|未发现问题|暂未发现问题|未发现明显问题|没有问题|无明显问题)[。.!]?$/;
/** A lead-in before the first marker: it announces the list and is not a problem itself. */
const INTRO_RE =
  /(?:以下|如下|下列|几个|几点|[\d一二两三四五六七八九十]+\s?(?:个|点|项|条|处|方面))(?:方面|问题|不足|情况)?(?:的问题|问题)?[:,;。]?$|[:]$/;

const LIST_START = charSet(' \n:;,。!?');
const FREE: ReadonlySet<Family> = new Set(['AP', 'C', 'CP', 'CS', 'DI']);
const GROUP: Record<Family, string> = {
  A: 'a',
  AB: 'a',
  AP: 'ap',
  C: 'c',
  CP: 'cp',
  CD: 'cd',
  CB: 'cd',
  DB: 'di',
  LA: 'la',
  CS: 'cs',
  DI: 'di',
};

/** Digits, ASCII letters and the characters that join them (ZG12, 1.5, 2021-3, 10:30). */
function isAsciiAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 46 || // .
    c === 45 || // -
    c === 47 || // /
    c === 58 || // :
    c === 35 // #
  );
}

/**
 * Whether the number at `i` continues something before it (ZG12, 1.5, 2021-3, 10:30); a colon
 * only joins digits, so "问题:1.…" starts a list.
 */
function gluedToAscii(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (prev === ':') return isDigit(text[i - 2]);
  return isAsciiAlnum(prev);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** MARKER_RE's capture groups, in order: which style matched. */
const FAMILY_OF_GROUP: Family[] = ['AP', 'CP', 'A', 'C', 'CD', 'LA', 'CS', 'DI'];

function numberIn(family: Family, s: string): number | undefined {
  if (family === 'AP' || family === 'A') return Number(s);
  if (family === 'C') return CIRCLED.indexOf(s) + 1;
  if (family === 'LA') return s.charCodeAt(0) - 64;
  return s.length === 1 ? CN.indexOf(s) + 1 : readNumber(s);
}

function toMarker(text: string, m: RegExpExecArray): Marker | undefined {
  const prev = text[m.index - 1];
  const lineStart = m.index === 0 || prev === '\n';
  let k = 1;
  while (m[k] === undefined) k++;
  const family = FAMILY_OF_GROUP[k - 1]!;
  const n = family === 'DI' && /^\d/.test(m[k]!) ? Number(m[k]) : numberIn(family, m[k]!);
  // a number glued to a digit or a letter before it is part of something else (ZG12, 1.5, 2021-3)
  if (
    (family === 'A' || family === 'LA' || family === 'CD' || family === 'CS') &&
    gluedToAscii(text, m.index)
  )
    return undefined;
  if ((family === 'CD' || family === 'CS') && prev !== undefined && CN_WORD_BEFORE.has(prev))
    return undefined;
  if (n === undefined || n < 1) return undefined;
  return { start: m.index, end: m.index + m[0].length, family, n, lineStart };
}

function bareMarker(text: string, m: RegExpExecArray): Marker | undefined {
  const prev = text[m.index - 1];
  const lineStart = m.index === 0 || prev === '\n';
  const next = text[m.index + m[0].length];
  if (m[1] !== undefined) {
    // 第一…第二… spoken: never 第一中学, 第三年 (a unit or a numeral after it)
    if (next === undefined || CN_UNITS.has(next)) return undefined;
    return { start: m.index, end: m.index + 2, family: 'DB', n: CN.indexOf(m[1]) + 1, lineStart };
  }
  const digits = m[2];
  const cn = m[3];
  if (gluedToAscii(text, m.index) || next === undefined) return undefined;
  if (digits !== undefined && DIGIT_UNITS.has(next)) return undefined;
  // at the start of a line only words stop it (问题一户外… is a list, 一些/一样 are not)
  if (digits === undefined && (lineStart ? CN_LINE_START_UNITS : CN_UNITS).has(next)) return undefined;
  if (digits !== undefined)
    return { start: m.index, end: m.index + m[0].length, family: 'AB', n: Number(digits), lineStart };
  if (prev !== undefined && CN_WORD_BEFORE.has(prev)) return undefined;
  return { start: m.index, end: m.index + 1, family: 'CB', n: CN.indexOf(cn!) + 1, lineStart };
}

/** Every marker-looking token, in order (one per position at most). */
function scan(text: string, voiceLike: boolean): Marker[] {
  const out: Marker[] = [];
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m; m = MARKER_RE.exec(text)) {
    const marker = toMarker(text, m);
    if (marker) out.push(marker);
    else MARKER_RE.lastIndex = m.index + 1; // a refused candidate may hide one a character later
  }
  const bare: Marker[] = [];
  BARE_RE.lastIndex = 0;
  for (let m = BARE_RE.exec(text); m; m = BARE_RE.exec(text)) {
    // typed text: only a bare digit after a space or at a line's start ("1食堂… 2灭火器…")
    if (!voiceLike && (m[2] === undefined || !BARE_TYPED_BEFORE.has(text[m.index - 1] ?? '\n'))) continue;
    const marker = bareMarker(text, m);
    if (marker) bare.push(marker);
  }
  if (bare.length === 0) return out;
  // merge: a bare number never inside a marker already found
  const merged: Marker[] = [];
  let j = 0;
  for (const b of bare) {
    while (j < out.length && out[j]!.start < b.start) merged.push(out[j++]!);
    const last = merged[merged.length - 1];
    if ((last && last.end > b.start) || (j < out.length && out[j]!.start === b.start)) continue;
    merged.push(b);
  }
  while (j < out.length) merged.push(out[j++]!);
  return merged;
}

/** The markers that cut the text into problems (see the file comment). */
function choose(markers: Marker[], text: string): Marker[] {
  const cuts: Marker[] = [];
  /** index in `cuts` where the current inline run started, and whether it is still unconfirmed */
  let runStart = -1;
  let group: string | undefined;
  let last = 0;
  const dropUnconfirmed = () => {
    // an inline run that never reached its second marker was not a list
    if (runStart >= 0 && cuts.length - runStart === 1) cuts.pop();
    runStart = -1;
  };
  for (const m of markers) {
    const g = GROUP[m.family];
    const bare = m.family === 'AB' || m.family === 'CB' || m.family === 'DB';
    if (m.lineStart && !bare) {
      dropUnconfirmed();
      cuts.push(m);
      group = g;
      last = m.n;
      continue;
    }
    if (group === g && m.n === last + 1) {
      cuts.push(m);
      last = m.n;
      continue;
    }
    // the start of a list inside a line: number 1, at the field's start or after a separator
    // (the free styles ① （一） 一是 may stand anywhere)
    if (m.n === 1 && (m.start === 0 || FREE.has(m.family) || LIST_START.has(text[m.start - 1]!))) {
      dropUnconfirmed();
      runStart = cuts.length;
      cuts.push(m);
      group = g;
      last = 1;
    }
  }
  dropUnconfirmed();
  return cuts;
}

const HEAD_TRIM = charSet(' \n;,。、.:');
const TAIL_TRIM = charSet(' \n;,。、');

function tidy(text: string): string {
  return trimEndChars(trimStartChars(text, HEAD_TRIM), TAIL_TRIM);
}

const BULLET_RE = /(?:^|[\n ])[-•·●▪◆■*]\s?/g;

/** A list of bullets (at least two, the first at the start), one problem each; or undefined. */
function splitBullets(text: string): string[] | undefined {
  const starts: [number, number][] = [];
  BULLET_RE.lastIndex = 0;
  for (let m = BULLET_RE.exec(text); m; m = BULLET_RE.exec(text))
    starts.push([m.index, m.index + m[0].length]);
  if (starts.length < 2 || starts[0]![0] !== 0) return undefined;
  const out = starts.map(([, from], i) => tidy(text.slice(from, starts[i + 1]?.[0] ?? text.length)));
  return out.filter((t) => t !== '');
}

/** The problems of a 问题 field, one string each, markers removed, in the order written. */
export function splitProblems(
  lines: readonly string[],
  o: {
    voiceLike?: boolean;
    /**
     * Whether a part after a ';' only adds to the problem before it (a deadline: "；3月31日前补齐").
     * Given, an unnumbered line is split at ';' elsewhere ("存在问题：A；B。").
     */
    continues?: (part: string) => boolean;
  } = {},
): string[] {
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1 && NONE_RE.test(nonEmpty[0]!)) return [];
  const text = nonEmpty.join('\n');
  const cuts = choose(scan(text, !!o.voiceLike), text);
  if (cuts.length === 0) {
    // bullets: "- 食堂…⏎- 灭火器…", "·食堂… ·灭火器…"
    const bulleted = splitBullets(text);
    if (bulleted) return bulleted;
    const out: string[] = [];
    for (const line of nonEmpty) {
      if (!o.continues || !line.includes(';')) {
        out.push(line);
        continue;
      }
      const parts = line.split(';');
      let current = parts[0]!;
      for (const part of parts.slice(1)) {
        if (tidy(part) === '' || o.continues(tidy(part))) current += `;${part}`;
        else {
          out.push(current);
          current = part;
        }
      }
      out.push(current);
    }
    return out.map(tidy).filter((t) => t !== '');
  }

  const problems: string[] = [];
  const lead = tidy(text.slice(0, cuts[0]!.start));
  if (lead !== '') {
    // "存在以下问题：" introduces the list; other unnumbered lines before it are problems
    const leadLines = lead.split('\n');
    const lastLead = leadLines[leadLines.length - 1]!;
    // the lead-in test looks at the last few characters only: its pattern must not see a long text
    const raw = text.slice(Math.max(0, cuts[0]!.start - 24), cuts[0]!.start).trimEnd();
    if (INTRO_RE.test(raw) || INTRO_RE.test(lastLead.slice(-24))) leadLines.pop();
    for (const l of leadLines) {
      const t = tidy(l);
      if (t !== '') problems.push(t);
    }
  }
  cuts.forEach((c, i) => {
    const t = tidy(text.slice(c.end, cuts[i + 1]?.start ?? text.length));
    if (t !== '') problems.push(t);
  });
  return problems;
}
