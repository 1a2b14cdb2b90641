import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, startOfMonth } from '../domain/day.js';
import type { HistoryEvent, Item, ItemStatus, VisitRecord } from '../domain/records.js';
import type { Person, School, Zone } from '../domain/roster.js';
import type { Delivery, FullStore } from '../store/store.js';
import { startOfDayIn } from '../reminders/zone-time.js';
import { collect } from '../store/collect.js';

/**
 * The district as it stood at the start of a day D (00:00 in TIMEZONE): what the digest sent on the
 * morning of D reports, whenever it is built (at 08:30, later by `日报`, or for a past day by
 * `digest --date`). Read once per digest run and shared by every leader's scope.
 *
 * An item's status at that instant is its current one unless it changed since; then it is replayed
 * from its history (the `from` of the first event after the instant). Its deadline is the current
 * one: an extension approved after the instant counts with its new deadline (the history does not
 * always carry the old one).
 */
export interface ItemAtStart {
  item: Item;
  /** status at the start of D */
  status: ItemStatus;
  /** when it was closed, if it was closed at the start of D */
  closedAt?: string;
  /** failed sends about this item within the covered days */
  failed: Delivery[];
}

export interface DistrictSnapshot {
  /** the morning the digest is for */
  day: string;
  /** the covered days, both included: the last working day before D up to D − 1 */
  from: string;
  to: string;
  /** 00:00 of D and of `from`, in TIMEZONE */
  at: Date;
  fromAt: Date;
  zones: Zone[];
  schools: School[];
  people: Person[];
  /** visits dated within [from, to] */
  records: VisitRecord[];
  /** the coverage month (that of D − 1, so Monday the 1st still shows the month just ended) */
  month: string;
  /** visits dated from the first of that month up to D − 1 */
  monthRecords: VisitRecord[];
  /** items that existed at the start of D and were then open, or were closed within [from, to] */
  items: ItemAtStart[];
}

export interface SnapshotDeps {
  calendar: WorkCalendar;
  timeZone: string;
}

type SnapshotStore = Pick<
  FullStore,
  | 'listZones'
  | 'listSchools'
  | 'listPeople'
  | 'queryRecords'
  | 'queryItems'
  | 'scanOpenByDeadline'
  | 'history'
  | 'deliveries'
>;

const FAR_FUTURE = '9999-12-31';
const CHUNK = 200;

export async function loadSnapshot(
  store: SnapshotStore,
  day: string,
  deps: SnapshotDeps,
): Promise<DistrictSnapshot> {
  const from = deps.calendar.previousWorkday(day);
  const to = addDays(day, -1);
  const at = startOfDayIn(day, deps.timeZone);
  const fromAt = startOfDayIn(from, deps.timeZone);
  const monthFrom = startOfMonth(to);
  const [zones, schools, people, records, monthRecords, openNow, closedNow] = await Promise.all([
    store.listZones(),
    store.listSchools(),
    store.listPeople(),
    collect((cursor) => store.queryRecords({ from, to, cursor, limit: 500 })),
    collect((cursor) => store.queryRecords({ from: monthFrom, to, cursor, limit: 500 })),
    collect((cursor) => store.scanOpenByDeadline(FAR_FUTURE, cursor, 500)),
    collect((cursor) => store.queryItems({ status: ['closed'], cursor, limit: 500 })),
  ]);
  const atMs = at.getTime();
  const fromMs = fromAt.getTime();
  const candidates = [
    ...openNow,
    // a closed item matters only if it was closed (or changed) within the covered days or since
    ...closedNow.filter((i) => ms(i.updatedAt) >= fromMs),
  ].filter((i) => ms(i.createdAt) < atMs);

  const items: ItemAtStart[] = [];
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const states = await Promise.all(chunk.map((it) => stateAt(store, it, atMs)));
    for (let j = 0; j < chunk.length; j++) {
      const s = states[j]!;
      const closedInWindow = s.status === 'closed' && s.closedAt !== undefined && ms(s.closedAt) >= fromMs;
      if (s.status !== 'closed' || closedInWindow) items.push({ item: chunk[j]!, ...s, failed: [] });
    }
  }
  // failed sends within the covered days, for the items the digest is about
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const lists = await Promise.all(chunk.map((x) => store.deliveries(x.item.id)));
    chunk.forEach(
      (x, j) =>
        (x.failed = lists[j]!.filter((d) => d.outcome === 'failed' && ms(d.at) >= fromMs && ms(d.at) < atMs)),
    );
  }
  return {
    day,
    from,
    to,
    at,
    fromAt,
    zones,
    schools,
    people,
    records,
    month: monthFrom.slice(0, 7),
    monthRecords,
    items,
  };
}

const ms = (iso: string) => Date.parse(iso);

/** An item's status (and closing) at an instant: its own when unchanged since, else replayed. */
export async function stateAt(
  store: Pick<SnapshotStore, 'history'>,
  item: Item,
  atMs: number,
): Promise<{ status: ItemStatus; closedAt?: string }> {
  if (ms(item.updatedAt) < atMs)
    return item.closedAt ? { status: item.status, closedAt: item.closedAt } : { status: item.status };
  return replay(await store.history(item.id), item, atMs);
}

/** The status at an instant from the append-only history. Exported for the tests. */
export function replay(
  history: HistoryEvent[],
  item: Pick<Item, 'status' | 'closedAt'>,
  atMs: number,
): { status: ItemStatus; closedAt?: string } {
  let status: ItemStatus | undefined;
  let closedAt: string | undefined;
  for (const e of history) {
    const t = ms(e.at);
    if (t < atMs) {
      if (e.action === 'close') closedAt = e.at;
      else if (e.to && e.to !== 'closed') closedAt = undefined;
    } else if (status === undefined && e.from) status = e.from;
  }
  status ??= item.status;
  return status === 'closed' && closedAt ? { status, closedAt } : { status };
}
