/** Median of numbers (mean of the middle two for an even count); null for none. */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
