import { addDays, addMonths, startOfMonth } from '../domain/day.js';
import type { Item, ItemStatus, VisitRecord } from '../domain/records.js';
import type { PlanEntry, Person, School, Zone } from '../domain/roster.js';
import type { FullStore, Page } from '../store/store.js';
import type { BoardScope } from '../board/scope.js';
import { collect } from '../store/collect.js';
import { stateAt } from './snapshot.js';

/**
 * What the board draws from, for one scope and day D, read at the instant `at` (the end of D, or
 * now for today): the roster, the scope's items that existed at `at` with their status then
 * (replayed from the history when they changed since, as the digest does), and the scope's visits
 * dated from the first of last month (or 60 days back, if earlier) up to D.
 *
 * Reads only the scope: a zone's or school's index, never the district, for a supervisor or
 * principal. A district-wide board reads every item, like the digest does once a morning.
 */
export interface ItemThen {
  item: Item;
  status: ItemStatus;
  closedAt?: string;
}

export interface BoardData {
  day: string;
  at: Date;
  zones: Zone[];
  schools: School[];
  people: Person[];
  plan: PlanEntry[];
  items: ItemThen[];
  /** visits dated within [from, day], registered before `at` */
  records: VisitRecord[];
  from: string;
}

type BoardStore = Pick<
  FullStore,
  'listZones' | 'listSchools' | 'listPeople' | 'listPlan' | 'queryItems' | 'queryRecords' | 'history'
>;

const CHUNK = 200;

/** The first visit day the board needs: last month's first day or D − 59, whichever is earlier. */
export function boardRecordsFrom(day: string): string {
  const lastMonth = startOfMonth(addMonths(day, -1));
  const sixty = addDays(day, -59);
  return [lastMonth, sixty].sort()[0]!;
}

/** Every page of a query, once per zone / school of the scope, the results deduplicated by id. */
async function perScope<T extends { id: string }>(
  scope: BoardScope,
  page: (filter: { zone?: string; school?: string }, cursor?: string) => Promise<Page<T>>,
): Promise<T[]> {
  const filters = scope.all
    ? [{}]
    : [...scope.zones.map((zone) => ({ zone })), ...scope.schools.map((school) => ({ school }))];
  const lists = await Promise.all(filters.map((f) => collect((cursor) => page(f, cursor))));
  const seen = new Map<string, T>();
  for (const l of lists) for (const x of l) seen.set(x.id, x);
  return [...seen.values()];
}

export async function loadBoardData(
  store: BoardStore,
  scope: BoardScope,
  day: string,
  at: Date,
): Promise<BoardData> {
  const from = boardRecordsFrom(day);
  const atMs = at.getTime();
  const [zones, schools, people, plan, rawItems, rawRecords] = await Promise.all([
    store.listZones(),
    store.listSchools(),
    store.listPeople(),
    store.listPlan(),
    perScope(scope, (f, cursor) => store.queryItems({ ...f, cursor, limit: 500 })),
    perScope(scope, (f, cursor) => store.queryRecords({ ...f, from, to: day, cursor, limit: 500 })),
  ]);
  const existing = rawItems.filter((i) => Date.parse(i.createdAt) < atMs);
  const items: ItemThen[] = [];
  for (let i = 0; i < existing.length; i += CHUNK) {
    const chunk = existing.slice(i, i + CHUNK);
    const states = await Promise.all(chunk.map((it) => stateAt(store, it, atMs)));
    chunk.forEach((item, j) => items.push({ item, ...states[j]! }));
  }
  const records = rawRecords.filter((r) => Date.parse(r.createdAt) < atMs);
  return { day, at, zones, schools, people, plan, items, records, from };
}
