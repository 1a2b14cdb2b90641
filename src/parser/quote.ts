import { charSet, trimChars } from './trim.js';
import { itemId } from '../domain/ids.js';

/**
 * WeCom writes a quoted reply into the text itself (a quote block, a dashed line, the reply):
 *
 *   「王建国：督导记录 DD-7 已登记…」
 *   - - - - - - - - - - - - - - -
 *   收到
 *
 * The quote is context, never run again; the new text is the command. Normalised text (lines
 * trimmed) in, one pass over its lines: linear.
 */

export interface SplitQuote {
  /** the quoted text, without its 「」 and its author */
  quote?: string;
  /** what the person wrote */
  body: string;
}

const DASHES = charSet('-—–_ ');
const QUOTE_TRIM = charSet('「」 ');

function isDashLine(line: string): boolean {
  let dashes = 0;
  for (const ch of line) {
    if (!DASHES.has(ch)) return false;
    if (ch !== ' ') dashes++;
  }
  return dashes >= 3;
}

export function splitInlineQuote(text: string): SplitQuote {
  if (!text.startsWith('「')) return { body: text };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!isDashLine(lines[i]!)) continue;
    if (i === 0 || !lines[i - 1]!.endsWith('」')) return { body: text };
    let quote = trimChars(lines.slice(0, i).join('\n'), QUOTE_TRIM);
    // "王建国：…" — the author, up to a colon near the start
    const colon = quote.indexOf(':');
    if (colon > 0 && colon <= 16) quote = quote.slice(colon + 1).trim();
    return { quote, body: lines.slice(i + 1).join('\n') };
  }
  return { body: text };
}

/** The item numbers a quoted message names (ZG-21, ZG21), distinct, in order. */
export function itemsInQuote(quote: string): string[] {
  const out: string[] = [];
  const re = /z\s?g\s?-?\s?0*(\d{1,9})(?!\d)/gi;
  const q = quote.slice(0, 4000);
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const id = itemId(Number(m[1]));
    if (Number(m[1]) >= 1 && !out.includes(id)) out.push(id);
  }
  return out;
}
