/**
 * Numbers as people write them in Chinese: 三, 十, 十五, 二十五, 两, 一百二十, 〇; and digit-by-digit
 * runs such as 五一 (a school named after 1 May) or 二〇二一. Used for deadlines (三个工作日内, 十日内),
 * dates (三月十五日) and school names (第二十七 → 27).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters that may appear in a Chinese numeral (for building regular expressions). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百';

/**
 * The value of a numeral written in Arabic digits or Chinese characters; undefined when it is not
 * one. Without 十/百 several characters are read digit by digit (五一 → 51).
 */
export function readNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '' || !/^[零〇一二两三四五六七八九十百]+$/.test(text)) return undefined;
  if (!/[十百]/.test(text)) {
    let n = 0;
    for (const ch of text) n = n * 10 + DIGITS[ch]!;
    return n;
  }
  let total = 0;
  let current = 0;
  let lastUnit = 1000;
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      if (unit >= lastUnit) return undefined; // 十百, 十十: not a numeral
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
      lastUnit = unit;
    } else {
      const d = DIGITS[ch]!;
      if (current !== 0) return undefined; // 二三十: two digits in a row inside a positional numeral
      current = d;
    }
  }
  return total + current;
}
