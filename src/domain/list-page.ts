/**
 * A list answered in chat (待办, 逾期, 查询 <学校>) shows one page: the soonest LIST_PAGE_SIZE items,
 * with how many more there are and the command for the next page (docs/spec/interfaces.md, "Cards
 * act on one item each"). Twenty entries read on a phone at a glance and fit one smart-bot answer;
 * a supervisor's hundreds of open items belong on the board, and an answer naming all of them
 * would wait minutes for the platforms' per-member message limits.
 */
export const LIST_PAGE_SIZE = 20;

/** Pages beyond this are not asked for by people: 999 pages of 20 is every item a county has. */
export const MAX_PAGE = 999;

export interface ListPage<T> {
  /** this page's entries, in the list's order */
  items: T[];
  /** 1-based; a page past the end shows the last */
  page: number;
  pages: number;
  total: number;
  /** entries after this page */
  after: number;
}

export function pageOf<T>(all: readonly T[], page = 1, size = LIST_PAGE_SIZE): ListPage<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  const items = all.slice((p - 1) * size, p * size);
  return { items, page: p, pages, total: all.length, after: Math.max(0, all.length - p * size) };
}
