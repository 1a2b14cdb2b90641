/**
 * The first step of parsing: one canonical spelling of what people type, so that every later
 * step sees the same text whether the sender used full-width or half-width punctuation, tabs or
 * ideographic spaces, CRLF or LF, and wherever the "@督导助手" mention stands.
 *
 * Canonical form:
 * - full-width ASCII forms (U+FF01–FF5E: ：；，（）１２ＡＢ) become half-width (: ; , ( ) 1 2 A B);
 *   、 and 。 have no half-width twin and stay;
 * - every kind of space (ideographic, no-break, WeCom's U+2005 after a mention, tab) is ' ';
 *   zero-width characters and control characters other than '\n' are dropped;
 * - the bot's own @-mention is removed wherever it stands;
 * - each line is trimmed, runs of spaces become one, spaces next to separator punctuation
 *   (: ; , 、 。 ( ) ! ?) are dropped, and empty lines are dropped.
 *
 * `displayText` is the inverse direction for free text we hand back (problem texts, findings):
 * separators next to Chinese characters are written full-width again, as Chinese text expects.
 */

export const DEFAULT_BOT_NAMES: readonly string[] = ['督导助手'];

const SEPARATORS = ':;,、。()!?';
const sepClass = '[:;,、。()!?]';
const SPACE_NEAR_SEP = new RegExp(`\\s*(${sepClass})\\s*`, 'g');

function foldChar(code: number): string | null {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x09 || code === 0xa0 || code === 0x1680 || code === 0x202f || code === 0x205f) return ' ';
  if (code >= 0x2000 && code <= 0x200a) return ' ';
  if (code === 0xff61) return '。';
  if (code === 0xff64) return '、';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return '';
  if (code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85) return '\n';
  if (code < 0x20 && code !== 0x0a) return '';
  if (code >= 0x7f && code < 0xa0) return '';
  return null;
}

/** Full-width → half-width, spaces unified, control characters dropped. Line breaks kept. */
export function foldWidth(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // fast path: ordinary printable ASCII and CJK pass through untouched
    if ((code >= 0x20 && code < 0x7f) || code === 0x0a || (code >= 0x3001 && code < 0xfe00 && code !== 0x3000)) continue;
    // CRLF: the CR folds to '\n' and the LF that follows is dropped
    const folded = code === 0x0d && text.charCodeAt(i + 1) === 0x0a ? '' : foldChar(code);
    if (folded === null) continue;
    out += text.slice(start, i) + folded;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const mentionCache = new Map<string, RegExp>();
function mentionRegExp(botNames: readonly string[]): RegExp {
  const key = botNames.join('\u0000');
  let re = mentionCache.get(key);
  if (!re) {
    const names = botNames.map((n) => escapeRegExp(foldWidth(n))).join('|');
    re = new RegExp(`@\\s?(?:${names})\\s*`, 'g');
    mentionCache.set(key, re);
  }
  return re;
}

/** The canonical text (see the file comment). Idempotent: normalizeText(normalizeText(x)) = normalizeText(x). */
export function normalizeText(raw: string, botNames: readonly string[] = DEFAULT_BOT_NAMES): string {
  let text = foldWidth(raw);
  if (text.includes('@')) text = text.replace(mentionRegExp(botNames), ' ');
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const clean = line.replace(/ {2,}/g, ' ').replace(SPACE_NEAR_SEP, '$1').trim();
    if (clean !== '') lines.push(clean);
  }
  return lines.join('\n');
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Chinese characters and Chinese punctuation: a separator beside one of these is written full-width. */
function isCjkLike(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d;
}

/**
 * Free text as we show it back: canonical text with , ; : ! ? ( ) written full-width when a
 * Chinese character stands next to them ("课后服务(2月)" → "课后服务（2月）"; "10:30" stays).
 */
export function displayText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const full = FULL_WIDTH[ch];
    if (full !== undefined && (isCjkLike(text[i - 1]) || isCjkLike(text[i + 1]))) out += full;
    else out += ch;
  }
  return out;
}

/** Separator punctuation of the canonical text, for other modules' character classes. */
export const SEPARATOR_CHARS = SEPARATORS;
