import { readNumber } from './cn-number.js';

/**
 * The 问题 field as a list of problem texts. People number them `1.` `1、` `1)` `(1)` `（1）` `①`
 * `一、` `第1项`, or write one per line; a short form puts several on one line
 * (`问题：1、…；2、…`). Rules:
 *
 * - a marker at the start of a line always starts a problem;
 * - inside a line, a marker starts a problem only when it follows a separator (; , 。 or a space)
 *   and carries the next number in sequence — so "抽查3、5年级" or "1.5米" stay inside the text;
 * - when any line is numbered, an unnumbered line continues the problem before it; when none is,
 *   every line is one problem;
 * - a line ending in ':' before a numbered list ("存在以下问题：") introduces it and is dropped;
 * - `无`, `暂无`, `没有`, `未发现问题` mean no problems.
 *
 * Continuation lines are joined with '\n', so a deadline written on its own line stays a clause.
 *
 * Works on normalised text: （1） has become (1), １． has become 1.
 */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const LINE_MARKER_RE = new RegExp(
  '^(?:' +
    '\\((?<p>\\d{1,2})\\)' + // (1)
    '|(?<a>\\d{1,2})(?:[、)]|\\.(?!\\d))' + // 1、 1) 1.
    `|(?<c>[${CIRCLED}])` + // ①
    '|(?<h>[一二三四五六七八九十]{1,3})、' + // 一、
    '|第(?<n>\\d{1,2}|[一二三四五六七八九十]{1,3})[项条点个]?[:、.]?' + // 第1项
    ')\\s?',
);

const INLINE_MARKER_RE = new RegExp(
  `[;,。 ](?:\\((\\d{1,2})\\)|(\\d{1,2})(?:[、)]|\\.(?!\\d))|([${CIRCLED}]))`,
  'g',
);

const NONE_RE = /^(?:无|暂无|没有|无问题|未发现问题|暂未发现问题|未发现明显问题|没有问题)[。.!]?$/;

function markerNumber(g: Record<string, string | undefined>): number | undefined {
  if (g.p ?? g.a) return Number(g.p ?? g.a);
  if (g.c) return CIRCLED.indexOf(g.c) + 1;
  const cn = g.h ?? g.n;
  return cn === undefined ? undefined : readNumber(cn);
}

/** Split one line at inline markers that continue the numbering (prev + 1, prev + 2, …). */
function splitInline(line: string, prev: number | undefined): { parts: string[]; last: number | undefined } {
  if (prev === undefined) return { parts: [line], last: prev };
  const parts: string[] = [];
  let expected = prev + 1;
  let from = 0;
  INLINE_MARKER_RE.lastIndex = 0;
  for (let m = INLINE_MARKER_RE.exec(line); m; m = INLINE_MARKER_RE.exec(line)) {
    const n = (m[1] ?? m[2]) ? Number(m[1] ?? m[2]) : CIRCLED.indexOf(m[3]!) + 1;
    if (n !== expected) continue;
    parts.push(line.slice(from, m.index + 1));
    from = m.index + m[0].length;
    expected++;
  }
  parts.push(line.slice(from));
  return { parts, last: expected - 1 };
}

function tidy(text: string): string {
  return text.replace(/^[\s;,。、.]+|[\s;,。、]+$/g, '');
}

/** The problems of a 问题 field, one string each, markers removed, in the order written. */
export function splitProblems(lines: readonly string[]): string[] {
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1 && NONE_RE.test(nonEmpty[0]!)) return [];

  const numbered = nonEmpty.some((l) => LINE_MARKER_RE.test(l));
  const problems: string[] = [];
  let current: string | undefined;
  let lastNumber: number | undefined;
  const flush = () => {
    if (current !== undefined) {
      const t = tidy(current);
      if (t !== '') problems.push(t);
    }
    current = undefined;
  };

  for (const line of nonEmpty) {
    const m = LINE_MARKER_RE.exec(line);
    let body = line;
    if (m) {
      flush();
      lastNumber = markerNumber(m.groups ?? {});
      body = line.slice(m[0].length);
    } else if (numbered && current !== undefined) {
      // a continuation line of a numbered problem
      const { parts, last } = splitInline(body, lastNumber);
      current += '\n' + parts[0]!;
      for (const p of parts.slice(1)) {
        flush();
        current = p;
      }
      lastNumber = last;
      continue;
    } else {
      flush();
      // "存在以下问题：" before a numbered list introduces it; it is not a problem itself
      if (numbered && line.endsWith(':')) continue;
    }
    const { parts, last } = splitInline(body, lastNumber);
    current = parts[0]!;
    for (const p of parts.slice(1)) {
      flush();
      current = p;
    }
    lastNumber = last;
    if (!numbered) flush();
  }
  flush();
  return problems;
}
