import { readDeadline, scanDeadlines } from './deadline.js';
import type { ParseContext } from './parse-context.js';
import { charSet, trimChars, trimEndChars, trimStartChars } from './trim.js';

// Where a problem list's own clauses end and a deadline for the problem before, or for all of
// them, begins (used by parse-record.ts).

/** Lead words of a clause that adds a deadline to the problem before it ("；要求3月31日前补齐"). */
const CLAUSE_LEAD_RE = /^(?:要求|请|须|需|并|应|限|务必)?$/;

/**
 * Whether the part after a ';' in an unnumbered problem line continues the problem before it: a
 * deadline clause ("；3月31日前补齐") or a sentence about all problems ("；以上问题月底前整改").
 */
export function continuesProblem(part: string, date: string, ctx: ParseContext): boolean {
  if (ALL_LEAD_RE.test(part) || /^(?:整改期限|整改时限|完成时限|期限)/.test(part)) return true;
  const head = part.slice(0, 30);
  const hit = scanDeadlines(head, date, ctx.calendar)[0];
  return hit !== undefined && CLAUSE_LEAD_RE.test(head.slice(0, hit.start));
}

/** A deadline label inside a problem, where the problem list's own clauses end (longest first). */
const DEADLINE_LABEL_RE = /(?:整改期限|整改时限|完成时限|完成期限|期限)(?::|如下:|是|为)?/g;
/** A sentence after the list that speaks to all of it: "。以上问题要求月底前整改", "。请学校于…". */
const REQUIREMENT_LEAD_RE = /^(?:以上|上述|所有|全部|各项|均|务必|要求|请|限|责令|督促|整改要求)/;
/** …or, after a mere ';' or ',', only words that name all of the problems. */
const ALL_LEAD_RE = /^(?:以上|上述|所有|全部|各项|均)/;
const TAIL_TRIM = charSet(' \n,;。、:');

/**
 * The record's deadline written after the last problem of a list (docs/spec/commands.md → "Also
 * read as people really write"): a deadline label (`期限：一周内`, voice `整改期限是一周内`) at a clause
 * boundary, or — with two problems or more — a last sentence that speaks to all problems
 * (`。以上问题要求月底前整改`), and never when an earlier problem has its own
 * label (`1.… 期限：3月20日 2.… 期限：3月25日` are each the problem's own). Bounded look-ups
 * over the last problem's text: linear.
 */
export function splitTailDeadline(
  raws: string[],
  date: string,
  ctx: ParseContext,
  voiceLike: boolean,
): { problem: string; result: ReturnType<typeof readDeadline> } | undefined {
  if (raws.length === 0) return undefined;
  for (const r of raws.slice(0, -1)) {
    DEADLINE_LABEL_RE.lastIndex = 0;
    if (DEADLINE_LABEL_RE.test(r)) return undefined;
  }
  const last = raws[raws.length - 1]!;
  let cut: number | undefined;
  let tail: string | undefined;
  DEADLINE_LABEL_RE.lastIndex = 0;
  for (let m = DEADLINE_LABEL_RE.exec(last); m; m = DEADLINE_LABEL_RE.exec(last)) {
    const before = last[m.index - 1];
    if (m.index > 0 && !voiceLike && !(before !== undefined && TAIL_BOUNDARY.has(before))) continue;
    cut = m.index;
    tail = last.slice(m.index + m[0].length);
  }
  if (cut === undefined && raws.length > 1) {
    // the last sentence (after 。, a line break, or ';' with 以上/所有…)
    for (let i = last.length - 1; i > 0; i--) {
      const ch = last[i]!;
      if (ch !== '。' && ch !== '\n' && ch !== ';' && ch !== ',') continue;
      const rest = trimStartChars(last.slice(i + 1), TAIL_TRIM);
      if (rest === '') continue;
      if ((ch === ';' || ch === ',' ? ALL_LEAD_RE : REQUIREMENT_LEAD_RE).test(rest)) {
        cut = i;
        tail = rest;
      }
      break;
    }
  }
  if (cut === undefined || tail === undefined) return undefined;
  const problem = trimEndChars(last.slice(0, cut), TAIL_TRIM);
  if (problem === '') return undefined;
  const clean = trimChars(tail, TAIL_TRIM);
  let result = readDeadline(clean, date, ctx.calendar);
  if (!result.ok && result.error.kind !== 'invalid_date') {
    const hits = scanDeadlines(clean, date, ctx.calendar).filter((h) => h.strong);
    const hit = hits[hits.length - 1];
    if (!hit) return undefined;
    result = hit.result;
  }
  return { problem, result };
}

const TAIL_BOUNDARY = charSet(' \n,;。、');
