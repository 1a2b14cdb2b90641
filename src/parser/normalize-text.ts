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
 * - the bot's own @-mention is removed wherever it stands, and so are other people's;
 * - each line is trimmed, runs of spaces become one, spaces next to separator punctuation
 *   (: ; , 、 。 ( ) ! ?) are dropped, and empty lines are dropped.
 *
 * `displayText` is the inverse direction for free text we hand back (problem texts, findings):
 * separators next to Chinese characters are written full-width again, as Chinese text expects.
 */

export const DEFAULT_BOT_NAMES: readonly string[] = ['督导助手'];

const SEPARATORS = ':;,、。()!?';
// spaces (never line breaks) around separator punctuation
const SPACE_NEAR_SEP = / *([:;,、。()!?]) */g;

function foldChar(code: number): string | null {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // enclosed list numbers as one character: ⑴ → (1), ⒈ → 1., ㈠ → (一)
  if (code >= 0x2474 && code <= 0x2487) return `(${code - 0x2473})`;
  if (code >= 0x2488 && code <= 0x249b) return `${code - 0x2487}.`;
  if (code >= 0x3220 && code <= 0x3229) return `(${'一二三四五六七八九十'[code - 0x3220]})`;
  if (
    code === 0x3000 ||
    code === 0x09 ||
    code === 0xa0 ||
    code === 0x1680 ||
    code === 0x202f ||
    code === 0x205f
  )
    return ' ';
  if (code >= 0x2000 && code <= 0x200a) return ' ';
  if (code === 0xff61) return '。';
  if (code === 0xff64) return '、';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return '';
  if (code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85) return '\n';
  if (code < 0x20 && code !== 0x0a) return '';
  if (code >= 0x7f && code < 0xa0) return '';
  return null;
}

/** Every character foldChar changes: one regex pass finds them (V8 does this far faster than a loop). */
const FOLD_RE =
  /\r\n|[\u2474-\u249b\u3220-\u3229\uff01-\uff5e\u3000\t\u00a0\u1680\u202f\u205f\u2000-\u200d\u2060\ufeff\uff61\uff64\u2028\u2029\u0085\r\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]/g;

function foldMatch(m: string): string {
  return m === '\r\n' ? '\n' : (foldChar(m.charCodeAt(0)) ?? m);
}

/** Full-width → half-width, spaces unified, control characters dropped. Line breaks kept. */
export function foldWidth(text: string): string {
  return text.replace(FOLD_RE, foldMatch);
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
    // never across a line break: the mention may end a line of a record
    re = new RegExp(`@ ?(?:${names}) *`, 'g');
    mentionCache.set(key, re);
  }
  return re;
}

/** The canonical text (see the file comment). Idempotent: normalizeText(normalizeText(x)) = normalizeText(x). */
/**
 * Someone else's @-mention (`日报 @张卫国`, `@李校长 请查收`): not an argument of a command. A mention
 * ends at a space or a separator, as WeCom and DingTalk insert them; never after a letter or digit
 * (an e-mail address keeps its '@').
 */
const OTHER_MENTION_RE = /(?<![0-9A-Za-z._%+-])@[^\s@:;,!?。、()]{1,20}(?=[\s:;,!?。、()]|$)/g;

/**
 * Emoji and the platforms' emoticon codes (WeCom and DingTalk write a sticker as `[抱拳]`, `[OK]`,
 * `[强]` in the text): a reaction, never part of a command (`收到[抱拳] ZG-12`).
 */
const EMOTICON_RE = /\[(?:[\u4e00-\u9fff]{1,4}|OK|ok|Ok)\]|\p{Extended_Pictographic}\ufe0f?/gu;

export function normalizeText(raw: string, botNames: readonly string[] = DEFAULT_BOT_NAMES): string {
  let text = foldWidth(raw);
  if (text.includes('[') || /\p{Extended_Pictographic}/u.test(text)) text = text.replace(EMOTICON_RE, ' ');
  if (text.includes('@')) text = text.replace(mentionRegExp(botNames), ' ').replace(OTHER_MENTION_RE, ' ');
  text = text.replace(/ {2,}/g, ' ').replace(SPACE_NEAR_SEP, '$1');
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const clean = line.trim();
    if (clean !== '') lines.push(clean);
  }
  return lines.join('\n');
}

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

/** Chinese characters and Chinese punctuation: a separator beside one of these is written full-width. */
function isCjkLike(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d
  );
}

/**
 * Free text as we show it back: canonical text with , ; : ! ? ( ) written full-width when a
 * Chinese character stands next to them ("课后服务(2月)" → "课后服务（2月）"; "10:30" stays).
 */
export function displayText(text: string): string {
  return text.replace(/[,;:!?()]/g, (ch, i: number) =>
    isCjkLike(text[i - 1]) || isCjkLike(text[i + 1]) ? FULL_WIDTH[ch]! : ch,
  );
}

/** Separator punctuation of the canonical text, for other modules' character classes. */
export const SEPARATOR_CHARS = SEPARATORS;
