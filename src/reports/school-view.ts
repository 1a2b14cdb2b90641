import type { Item, VisitRecord } from '../domain/records.js';
import type { FullStore } from '../store/store.js';
import { byIdNumber } from '../domain/ids.js';
import { collect } from '../store/collect.js';

/**
 * What `查询 <学校>` shows and the board's school detail shows: the school's latest visits (newest
 * first) and its open items (soonest deadline first). One loader, so the chat and the board never
 * show a school differently.
 */
export const SCHOOL_RECENT_VISITS = 5;
const OPEN: Item['status'][] = ['open', 'in_progress', 'submitted'];

export interface SchoolView {
  /** the latest visits, newest first (at most SCHOOL_RECENT_VISITS) */
  records: VisitRecord[];
  /** items not closed, soonest deadline first */
  openItems: Item[];
}

export async function loadSchoolView(
  store: Pick<FullStore, 'queryRecords' | 'queryItems'>,
  schoolId: string,
): Promise<SchoolView> {
  const [records, items] = await Promise.all([
    collect((cursor) => store.queryRecords({ school: schoolId, cursor, limit: 500 })),
    collect((cursor) => store.queryItems({ school: schoolId, status: OPEN, cursor, limit: 500 })),
  ]);
  records.sort((a, b) => (a.date === b.date ? byIdNumber(b.id, a.id) : a.date < b.date ? 1 : -1));
  items.sort((a, b) =>
    a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : byIdNumber(a.id, b.id),
  );
  return { records: records.slice(0, SCHOOL_RECENT_VISITS), openItems: items };
}
