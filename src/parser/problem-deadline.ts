import type { WorkCalendar } from '../domain/calendar.js';
import { displayText } from './normalize-text.js';
import { charSet, trimEndChars, trimStartChars } from './trim.js';
import {
  ACTION_ONLY_RE,
  clauseBounds,
  findDeadlineAttempt,
  scanDeadlines,
  type DeadlineError,
} from './deadline.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * One problem's own deadline, and its text without it. The deadline clause is dropped only when
 * it says nothing else ("，5个工作日内整改", "；3月31日前补齐", "（一周内）"), so the item reads
 * "三年级作业公示栏未按周更新"; a clause with more in it stays as written, never mangled.
 * Several deadlines in one problem: the last one counts, and the reply says so.
 */

export type ProblemDeadline =
  | { ok: true; text: string; deadline?: string; assumptions: string[] }
  | { ok: false; error: DeadlineError };

/** Lead-ins that may precede a deadline in its clause: "要求5个工作日内整改". */
const LEAD_IN_RE =
  /^(?:已|现)?(?:要求|请|须|需|应|并|限|责令|要求学校|请学校|学校须|学校需|学校应|整改要求|整改期限|期限)?:?$/;
/** 立即/马上 and a short verb ("立即收缴", "马上拆除") is a directive, nothing else. */
const AT_ONCE_RE = /^(?:立即|马上|立刻)/;

const HEAD = charSet(' \n,;。、.:');
const TAIL = charSet(' \n,;。、:');

/** Words that lead into a glued deadline: "…更新，要求5个工作日内整改". */
const GLUED_LEAD_INS = [
  '要求学校',
  '请学校',
  '要求',
  '请于',
  '请在',
  '须在',
  '需在',
  '请',
  '须',
  '需',
  '应',
  '并',
  '限',
  // spoken: "…没有防护栏这个要在一周内整改"
  '这个',
  '这些',
  '那个',
];

function tidy(text: string): string {
  const flat = text.replace(/\n/g, ',').replace(/[,;]{2,}/g, (m) => m[0]!);
  return trimEndChars(trimStartChars(flat, HEAD), TAIL);
}

export function readProblemDeadline(raw: string, base: string, cal: WorkCalendar): ProblemDeadline {
  const hits = scanDeadlines(raw, base, cal).filter((h) => h.strong);
  if (hits.length === 0) {
    const attempt = findDeadlineAttempt(raw);
    if (attempt !== undefined)
      return {
        ok: false,
        error: { kind: attempt.uncountable ? 'uncountable' : 'unreadable', text: attempt.text },
      };
    return { ok: true, text: tidy(raw), assumptions: [] };
  }
  const hit = hits[hits.length - 1]!;
  if (!hit.result.ok) return { ok: false, error: hit.result.error };
  const assumptions: string[] = [];
  if (hit.result.assumption) assumptions.push(hit.result.assumption);
  if (hits.length > 1)
    assumptions.push(
      zh.parser.readings.lastDeadline(displayText(tidy(raw).slice(0, 12)), hits.length, hit.text),
    );

  let text = raw;
  const [cs, ce] = clauseBounds(raw, hit.start, hit.end);
  const before = raw.slice(cs, hit.start).trim();
  const after = raw.slice(hit.end, ce).trim();
  const actionOnly = ACTION_ONLY_RE.test(after) || (AT_ONCE_RE.test(hit.text) && [...after].length <= 4);
  if (LEAD_IN_RE.test(before) && actionOnly) {
    let from = cs;
    let to = ce;
    if (raw[cs - 1] === '(' && raw[ce] === ')') {
      from--;
      to++;
    } else if (cs > 0) {
      from--; // the separator before the clause
    }
    const rest = tidy(raw.slice(0, from) + raw.slice(to));
    if (rest !== '') text = rest;
  } else if (ce === raw.length && hits.length === 1 && ACTION_ONLY_RE.test(after)) {
    // glued to the problem with nothing between, as a voice transcription writes it
    // ("…未按周更新5个工作日内整改"): the deadline and its lead-in words go, the problem stays
    let head = raw.slice(0, hit.start);
    for (const w of GLUED_LEAD_INS) if (head.endsWith(w)) head = head.slice(0, -w.length);
    const rest = tidy(head);
    if ([...rest].length >= 4) text = rest;
  }
  return { ok: true, text: tidy(text), deadline: hit.result.day, assumptions };
}
