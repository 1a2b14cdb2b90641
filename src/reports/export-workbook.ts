import ExcelJS from 'exceljs';
import type { WorkCalendar } from '../domain/calendar.js';
import type { HistoryEvent, Item, VisitRecord } from '../domain/records.js';
import type { Store } from '../store/store.js';
import { collect } from './collect.js';
import { statsFromData, monthRange, type StatsReport } from './stats-report.js';
import {
  addOverdueNoticeSheet,
  addItemsSheet,
  addRecordsSheet,
  addStatsSheet,
  type ExportNames,
} from './export-sheets.js';

/**
 * The month's workbook (`export --month M`, GET export.xlsx?month=M), for printing and filing:
 *   督导记录  the visit records whose visit date lies in M
 *   整改事项  their items in their current state, with a summary of each item's history
 *   统计      M's statistics per zone and supervisor (stats-report.ts)
 *   通报      the items overdue today, by school, as a circulated notice would list them
 * Every sheet: a bold, frozen header row repeated on each printed page, fitted column widths,
 * dates as real Excel dates (the office's wall time), A4 landscape, one page wide.
 */
export interface ExportDeps {
  calendar: WorkCalendar;
  timeZone: string;
  /** today in TIMEZONE: the state "now" of items (overdue, the 通报's date) */
  today: string;
}

export interface ExportData {
  month: string;
  records: VisitRecord[];
  items: Item[];
  histories: Map<string, HistoryEvent[]>;
  overdue: Item[];
  stats: StatsReport;
  names: ExportNames;
}

const CHUNK = 200;

export async function loadExportData(store: Store, month: string, deps: ExportDeps): Promise<ExportData> {
  const { from, to } = monthRange(month);
  const [zones, schools, people, records, overdueAll] = await Promise.all([
    store.listZones(),
    store.listSchools(),
    store.listPeople(),
    collect((cursor) => store.queryRecords({ from, to, cursor, limit: 500 })),
    collect((cursor) => store.queryItems({ overdueOn: deps.today, cursor, limit: 500 })),
  ]);
  records.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : num(a.id) - num(b.id)));
  const items = (await store.getItems(records.flatMap((r) => r.items))).sort((a, b) => num(a.id) - num(b.id));
  const histories = new Map<string, HistoryEvent[]>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const hs = await Promise.all(chunk.map((it) => store.history(it.id)));
    chunk.forEach((it, j) => histories.set(it.id, hs[j]!));
  }
  const stats = statsFromData({
    from,
    to,
    scope: { all: true },
    today: deps.today,
    timeZone: deps.timeZone,
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
  const overdue = overdueAll.sort((a, b) =>
    a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : num(a.id) - num(b.id),
  );
  return { month, records, items, histories, overdue, stats, names };
}

export function buildWorkbook(d: ExportData, deps: ExportDeps): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dudao 督导助手';
  // a fixed date, so the same data gives the same file (the workbook's own metadata only)
  wb.created = wb.modified = new Date(`${deps.today}T00:00:00Z`);
  addRecordsSheet(wb, d, deps);
  addItemsSheet(wb, d, deps);
  addStatsSheet(wb, d);
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
  const buffer = Buffer.from(await buildWorkbook(data, deps).xlsx.writeBuffer());
  return { buffer, data };
}

const num = (id: string) => Number(id.slice(3));
