import type { Page } from './store.js';

/**
 * Every page of a store query, in order (the store answers at most 500 a page). Every cursor the
 * store returns moves forward, so the walk ends.
 */
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
