import { Converter } from 'opencc-js/t2cn';
import { TRADITIONAL_CHARS } from './traditional-chars.js';

/**
 * Traditional characters read as simplified (docs/spec/commands.md: "traditional characters in command
 * words, labels and school names are read as simplified"): 提交督導記錄 / 學校：龍泉小學 / 驗收. The
 * whole text is converted with OpenCC's traditional → mainland table (opencc-js; phrase-aware, so
 * 乾淨 → 干净), free text included: records are kept in the office's script.
 *
 * OpenCC's tables take ~20 ms to load, so they are loaded only for a text that holds a character
 * the table changes (traditional-chars.ts, generated from the same table): a simplified message
 * costs one Set lookup per character. Both steps are linear in the text.
 */

const TRADITIONAL: ReadonlySet<string> = new Set(TRADITIONAL_CHARS);
let convert: ((text: string) => string) | undefined;

/** Whether a text holds a character OpenCC would change. */
export function hasTraditional(text: string): boolean {
  for (const ch of text) if (TRADITIONAL.has(ch)) return true;
  return false;
}

export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const c = (convert ??= Converter({ from: 't', to: 'cn' }));
  return c(text);
}
