/**
 * Trimming by loops, never by regular expressions. `/[…]+$/` is quadratic on a long run of the
 * class that does not reach the end ("!!!…!x": V8 tries the run from every start position), and a
 * message of 10,000 characters must parse in well under 100 ms (docs/spec/interfaces.md →
 * Security: "input cannot buy time"). Every trim in src/parser goes through these.
 */

/** A set of characters, built once per call site. */
export type CharSet = ReadonlySet<string>;

export const charSet = (chars: string): CharSet => new Set(chars);

/** Whitespace as the parser sees it after normalisation (space and line break), plus tab. */
export const SPACE = ' \n\t';

/** Index of the first character of `text` not in `set`, from `from`. */
export function skipChars(text: string, set: CharSet, from = 0): number {
  let i = from;
  while (i < text.length && set.has(text[i]!)) i++;
  return i;
}

/** `text` without leading characters of `set`. */
export function trimStartChars(text: string, set: CharSet): string {
  const i = skipChars(text, set);
  return i === 0 ? text : text.slice(i);
}

/** `text` without trailing characters of `set`. */
export function trimEndChars(text: string, set: CharSet): string {
  let j = text.length;
  while (j > 0 && set.has(text[j - 1]!)) j--;
  return j === text.length ? text : text.slice(0, j);
}

/** `text` without leading or trailing characters of `set`. */
export function trimChars(text: string, set: CharSet): string {
  return trimEndChars(trimStartChars(text, set), set);
}
