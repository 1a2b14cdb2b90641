import { readLeadingId } from './item-number.js';
import { KEYWORDS, type Intent } from './keywords.js';

/**
 * A command word one typo away (`验手 ZG-3 通过`, `提交督导纪录`, `申请廷期`): typed, it is answered
 * "您是不是要发送『验收 ZG-3 通过』？" and nothing is done; in a voice transcription (where the
 * platform, not the person, chose the characters: 提交都导记录, 整改进读) it is read as meant and
 * the reply says so.
 *
 * Optimal string alignment distance (Damerau: a swap of two neighbours is one edit) between the
 * start of the text and each keyword: at most 1 for keywords of up to 5 characters, 2 from 6.
 * Two-character keywords are short enough for chat to hit by chance ("收好了"), so a suggestion
 * for one needs what the command needs after it: an item number (收到, 验收, 退回…) or nothing at
 * all (待办, 日报, 帮助).
 */

export interface Suggestion {
  intent: Intent;
  keyword: string;
  /** how many characters of the text the typo took */
  length: number;
  /** the text with the typo replaced by the keyword */
  text: string;
}

const STANDALONE: ReadonlySet<Intent> = new Set(['todo', 'overdue', 'digest_now', 'help']);
const ITEM_INTENTS: ReadonlySet<Intent> = new Set([
  'progress',
  'progress_done',
  'acknowledge',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'recheck',
  'recheck_pass',
  'recheck_reject',
  'reopen',
]);

/** Everyday phrases kept as synonyms, too close to talk to suggest (等一下 is not 查一下). */
const NO_TYPO: ReadonlySet<string> = new Set([
  '查一下',
  '查一查',
  '帮我查一下',
  '查看一下',
  // 我校, 本校, 该校 begin sentences: never a typo of the query word 学校
  '学校',
  '复查',
]);

const CANDIDATES: [string, Intent][] = (Object.entries(KEYWORDS) as [Intent, readonly string[]][])
  .flatMap(([intent, words]) => words.map((w): [string, Intent] => [w, intent]))
  .filter(([w]) => /^[\u4e00-\u9fff]{2,}$/.test(w) && !NO_TYPO.has(w))
  .sort((a, b) => b[0].length - a[0].length);

/** Optimal string alignment distance of two short strings. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

const REST_SEPARATORS = /^[\s:;,、。.!?~]*/;

function restFits(intent: Intent, rest: string): boolean {
  const r = rest.replace(REST_SEPARATORS, '');
  if (STANDALONE.has(intent)) return r === '';
  if (ITEM_INTENTS.has(intent)) return readLeadingId(r).ok;
  return r !== '';
}

/** The keyword a text probably meant, or undefined. Looks at the first 8 characters only. */
export function suggestKeyword(text: string): Suggestion | undefined {
  const head = text.slice(0, 8);
  let best: (Suggestion & { distance: number }) | undefined;
  for (const [keyword, intent] of CANDIDATES) {
    const k = keyword.length;
    const max = k >= 6 ? 2 : 1;
    // the same length first: a wrong character is likelier than a missing or an extra one
    for (const len of k === 2 ? [2] : [k, k - 1, k + 1]) {
      if (len > head.length) continue;
      const part = head.slice(0, len);
      if (!/^[\u4e00-\u9fff]+$/.test(part)) continue;
      const distance = editDistance(part, keyword);
      if (distance === 0 || distance > max) continue;
      // a two-character word must share one character in place (验手 → 验收, not 手验 → 验收)
      if (k === 2 && part[0] !== keyword[0] && part[1] !== keyword[1]) continue;
      const rest = text.slice(len);
      if (k <= 3 && !restFits(intent, rest)) continue;
      if (!best || distance < best.distance || (distance === best.distance && k > best.keyword.length)) {
        const joined = /^[\s:;,、。.!?\n]/.test(rest) || rest === '' ? rest : ` ${rest}`;
        best = { intent, keyword, length: len, text: keyword + joined, distance };
      }
    }
  }
  if (!best) return undefined;
  const { distance: _d, ...s } = best;
  return s;
}
