import type ExcelJS from 'exceljs';
import type { WorkCalendar } from '../domain/calendar.js';
import { addDays } from '../domain/day.js';
import type { HistoryEvent, Item, VisitRecord } from '../domain/records.js';
import { zonedInstant } from '../reminders/zone-time.js';
import type { Store } from '../store/store.js';
import { deadlineAt, openDuring, statusAt } from './as-of.js';
import { collect } from '../store/collect.js';
import { statsFromData, monthRange, type StatsReport } from './stats-report.js';
import {
  addOverdueNoticeSheet,
  addItemsSheet,
  addRecordsSheet,
  addStatsSheet,
  type ExportNames,
} from './export-sheets.js';
import { byIdNumber } from '../domain/ids.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The month's workbook (`export --month M`, GET export.xlsx?month=M), printed and filed as it is:
 *   督导记录  the visit records whose visit date lies in M
 *   整改事项  their items in their current state, then the items of earlier months that were still
 *            open in M (carried over), each with its whole history in words
 *   统计      M's statistics per zone and supervisor (stats-report.ts)
 *   通报      the items overdue at the end of M (replayed from their histories), by school; for the
 *            month still running, overdue on the day of the export, and it says so
 * Every sheet: a title row (the office, the month), a bold, frozen header row repeated on each
 * printed page, fitted column widths, dates as real Excel dates (the office's wall time), A4
 * landscape, one page wide, no emoji (they print as empty boxes).
 */
export interface ExportDeps {
  calendar: WorkCalendar;
  timeZone: string;
  /** today in TIMEZONE: the state "now" of items (overdue) */
  today: string;
  /** OFFICE_NAME, printed in each sheet's title */
  officeName?: string;
}

export interface ExportData {
  month: string;
  records: VisitRecord[];
  items: Item[];
  /** items of records before M that were open at some time in M */
  carried: Item[];
  /** visit dates of the carried items' records */
  recordDates: Map<string, string>;
  histories: Map<string, HistoryEvent[]>;
  /** the 通报: the day it speaks of, and whether that is the export's day (M not over yet) */
  notice: { day: string; isToday: boolean; items: NoticeItem[] };
  stats: StatsReport;
  names: ExportNames;
}

/** An item as the 通报 lists it: its deadline and status on the notice's day. */
export interface NoticeItem {
  item: Item;
  deadline: string;
  status: Item['status'];
}

const CHUNK = 200;
const OPEN = ['open', 'in_progress', 'submitted'] as const;

async function histories(store: Store, items: Item[], into: Map<string, HistoryEvent[]>): Promise<void> {
  const todo = items.filter((it) => !into.has(it.id));
  for (let i = 0; i < todo.length; i += CHUNK) {
    const chunk = todo.slice(i, i + CHUNK);
    const hs = await Promise.all(chunk.map((it) => store.history(it.id)));
    chunk.forEach((it, j) => into.set(it.id, hs[j]!));
  }
}

export async function loadExportData(store: Store, month: string, deps: ExportDeps): Promise<ExportData> {
  const { from, to } = monthRange(month);
  const tz = deps.timeZone;
  const monthStart = zonedInstant(from, '00:00', tz).toISOString();
  const noticeDay = deps.today <= to ? deps.today : to;
  const noticeEnd = new Date(zonedInstant(addDays(noticeDay, 1), '00:00', tz).getTime() - 1).toISOString();
  const monthEnd = new Date(zonedInstant(addDays(to, 1), '00:00', tz).getTime() - 1).toISOString();

  const [zones, schools, people, records, open, closed] = await Promise.all([
    store.listZones(),
    store.listSchools(),
    store.listPeople(),
    collect((cursor) => store.queryRecords({ from, to, cursor, limit: 500 })),
    collect((cursor) => store.queryItems({ status: [...OPEN], cursor, limit: 500 })),
    collect((cursor) => store.queryItems({ status: ['closed'], cursor, limit: 500 })),
  ]);
  records.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : byIdNumber(a.id, b.id)));
  const inMonth = new Set(records.flatMap((r) => r.items));
  const items = (await store.getItems([...inMonth])).sort((a, b) => byIdNumber(a.id, b.id));
  const hist = new Map<string, HistoryEvent[]>();
  await histories(store, items, hist);

  // Candidates that existed in M, closed after it began or not closed at all: what was carried
  // over, and what the 通报 may list. A district holds hundreds to thousands; the closed items are
  // filtered on their hash fields before any history is read.
  const candidates = [...open, ...closed.filter((it) => it.closedAt && it.closedAt >= monthStart)].filter(
    (it) => it.createdAt <= monthEnd,
  );
  await histories(store, candidates, hist);
  const recordDates = new Map<string, string>();
  const earlier = candidates.filter((it) => !inMonth.has(it.id));
  const recordIds = [...new Set(earlier.map((it) => it.record))];
  for (let i = 0; i < recordIds.length; i += CHUNK) {
    const rs = await Promise.all(recordIds.slice(i, i + CHUNK).map((id) => store.getRecord(id)));
    for (const r of rs) if (r) recordDates.set(r.id, r.date);
  }
  const carried = earlier
    .filter((it) => (recordDates.get(it.record) ?? to) < from)
    .filter((it) => openDuring(it, hist.get(it.id) ?? [], monthStart, monthEnd))
    .sort((a, b) => byIdNumber(a.id, b.id));

  const notice: NoticeItem[] = [];
  for (const it of candidates) {
    const h = hist.get(it.id) ?? [];
    const status = statusAt(it, h, noticeEnd);
    const deadline = deadlineAt(it, h, noticeEnd);
    if (status && status !== 'closed' && deadline < noticeDay) notice.push({ item: it, deadline, status });
  }
  notice.sort((a, b) =>
    a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : byIdNumber(a.item.id, b.item.id),
  );

  const stats = statsFromData({
    from,
    to,
    scope: { all: true },
    today: deps.today,
    timeZone: tz,
    zones,
    schools,
    people,
    records,
    items,
  });
  const names: ExportNames = {
    person: new Map(people.map((p) => [p.id, p.name])),
    school: new Map(schools.map((s) => [s.id, s.name])),
    zone: new Map(zones.map((z) => [z.id, z.name])),
  };
  return {
    month,
    records,
    items,
    carried,
    recordDates,
    histories: hist,
    notice: { day: noticeDay, isToday: noticeDay === deps.today && deps.today <= to, items: notice },
    stats,
    names,
  };
}

export async function buildWorkbook(d: ExportData, deps: ExportDeps): Promise<ExcelJS.Workbook> {
  // loaded on the first export, not at start-up: exceljs and its zip stack cost every thread of
  // `serve` about 0.7 s of module evaluation and tens of MB (bench:per-message's CPU profile)
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = zh.reports.workbook.creator;
  // a fixed date, so the same data gives the same file (the workbook's own metadata only)
  wb.created = wb.modified = new Date(`${deps.today}T00:00:00Z`);
  addRecordsSheet(wb, d, deps);
  addItemsSheet(wb, d, deps);
  addStatsSheet(wb, d, deps);
  addOverdueNoticeSheet(wb, d, deps);
  return wb;
}

/** The workbook of a month, as the bytes of an .xlsx file. */
export async function exportMonth(
  store: Store,
  month: string,
  deps: ExportDeps,
): Promise<{ buffer: Buffer; data: ExportData }> {
  const data = await loadExportData(store, month, deps);
  const buffer = Buffer.from(await (await buildWorkbook(data, deps)).xlsx.writeBuffer());
  return { buffer, data };
}
