/**
 * Split a message so every part fits a platform's size limit, on line boundaries, numbered
 * "(1/3)". Limits are in UTF-8 bytes (WeCom counts bytes: text 2048, markdown 4096 —
 * https://developer.work.weixin.qq.com/document/path/90236 and
 * https://developer.work.weixin.qq.com/document/path/91770) and optionally in characters
 * (DingTalk). A line longer than a whole part is cut between graphemes (Intl.Segmenter), so a
 * Chinese character, an emoji or a combining sequence is never cut in half.
 */

export interface SplitLimits {
  /** the platform's limit in UTF-8 bytes, for the whole part including the "(1/3)" line */
  maxBytes: number;
  /** an extra limit in Unicode code points, where a platform counts characters */
  maxChars?: number;
}

const encoder = new TextEncoder();
export const utf8Bytes = (s: string): number => encoder.encode(s).length;
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (g) => g.segment);

export function fits(s: string, l: SplitLimits): boolean {
  return utf8Bytes(s) <= l.maxBytes && (l.maxChars === undefined || codePoints(s) <= l.maxChars);
}

/** The header put in front of part i of n. */
export const partHeader = (i: number, n: number) => `(${i}/${n})\n`;

/** Cut one over-long line into pieces that each fit, between graphemes. */
function cutLine(line: string, l: SplitLimits): string[] {
  const out: string[] = [];
  let cur = '';
  for (const g of graphemes(line)) {
    if (fits(cur + g, l)) {
      cur += g;
      continue;
    }
    if (cur) out.push(cur);
    // a single grapheme larger than the budget (absurd limits): fall back to code points
    if (!fits(g, l)) {
      for (const cp of g) out.push(cp);
      cur = '';
    } else cur = g;
  }
  if (cur) out.push(cur);
  return out;
}

/** Greedy packing of lines into parts that fit `budget`. */
function pack(text: string, budget: SplitLimits): string[] {
  const parts: string[] = [];
  let cur: string | undefined;
  for (const line of text.split('\n')) {
    const pieces = fits(line, budget) ? [line] : cutLine(line, budget);
    for (const piece of pieces) {
      const joined = cur === undefined ? piece : `${cur}\n${piece}`;
      if (fits(joined, budget)) cur = joined;
      else {
        if (cur !== undefined && cur.trim() !== '') parts.push(cur);
        cur = piece;
      }
    }
  }
  if (cur !== undefined && cur.trim() !== '') parts.push(cur);
  return parts;
}

/**
 * Split `text` into parts that each fit `limits` once numbered. A text that fits is returned
 * as is (no number). Parts never begin or end mid-grapheme; lines are kept whole when they fit.
 */
export function splitMessage(text: string, limits: SplitLimits): string[] {
  if (fits(text, limits)) return [text];
  // The header's length depends on the number of parts; grow the reserve until it is stable.
  for (let digits = 1; digits < 6; digits++) {
    const header = partHeader(10 ** digits - 1, 10 ** digits - 1);
    const budget: SplitLimits = {
      maxBytes: limits.maxBytes - utf8Bytes(header),
      maxChars: limits.maxChars === undefined ? undefined : limits.maxChars - codePoints(header),
    };
    if (budget.maxBytes < 8 || (budget.maxChars !== undefined && budget.maxChars < 2)) {
      throw new Error('splitMessage: limit too small for a numbered part');
    }
    const parts = pack(text, budget);
    if (String(parts.length).length <= digits) {
      return parts.map((p, i) => partHeader(i + 1, parts.length) + p);
    }
  }
  throw new Error('splitMessage: too many parts');
}

/** Cut a one-line label to at most `max` graphemes, with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const g = graphemes(s);
  return g.length <= max ? s : g.slice(0, Math.max(0, max - 1)).join('') + '…';
}

export const graphemeCount = (s: string) => graphemes(s).length;

/** `s` if it fits, else cut between graphemes (with "…") so that it does: a text kept short, never dropped. */
export function clipToFit(s: string, l: SplitLimits): string {
  if (fits(s, l)) return s;
  const g = graphemes(s);
  let lo = 0;
  let hi = g.length;
  // the longest prefix that fits with the ellipsis (binary search: a long body costs log n checks)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(g.slice(0, mid).join('') + '…', l)) lo = mid;
    else hi = mid - 1;
  }
  return g.slice(0, lo).join('') + '…';
}
