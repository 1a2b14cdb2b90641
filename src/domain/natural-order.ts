/**
 * Order names the way an office lists them: 第二责任区 before 第十责任区, 城区2 before 城区10.
 * Chinese numerals up to 九十九 and Arabic digits compare by value; the rest by code point.
 */
const DIGIT: Record<string, number> = {
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

function cnValue(s: string): number | undefined {
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? DIGIT[m[1]]! : 1) * 10 + (m[2] ? DIGIT[m[2]]! : 0);
  if (s.length === 1 && s in DIGIT) return DIGIT[s];
  return undefined;
}

/** The name with every number written as 6 digits, so a plain comparison orders by value. */
export function naturalKey(name: string): string {
  return name
    .replace(/[零〇一二两三四五六七八九十]+/g, (m) => {
      const v = cnValue(m);
      return v === undefined ? m : String(v).padStart(6, '0');
    })
    .replace(/\d+/g, (m) => m.padStart(6, '0'));
}

export const compareNatural = (a: string, b: string): number => {
  const ka = naturalKey(a);
  const kb = naturalKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
