import type { Page } from '../store/store.js';

/** Every page of a store query (the store pages at most 500). */
export async function collect<T>(page: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const p = await page(cursor);
    out.push(...p.items);
    if (!p.next) return out;
    cursor = p.next;
  }
}

/** Median of numbers (mean of the middle two for an even count); null for none. */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
