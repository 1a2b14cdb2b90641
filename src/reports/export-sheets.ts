import type ExcelJS from 'exceljs';
import type { PaperSize } from 'exceljs';
import { dayInZone, diffDays, splitDay } from '../domain/day.js';
import { actionNames } from '../domain/lifecycle.js';
import { statusNames, type HistoryEvent, type Item } from '../domain/records.js';
import { zh } from '../text/zh-CN/index.js';
import { wallClockAsUtc } from '../reminders/zone-time.js';
import { originalDeadline } from './as-of.js';
import type { ExportData, ExportDeps } from './export-workbook.js';
import type { StatsRow } from './stats-report.js';

/** The four sheets of the month's workbook (export-workbook.ts). */
export interface ExportNames {
  person: Map<string, string>;
  school: Map<string, string>;
  zone: Map<string, string>;
}

interface Col {
  header: string;
  width: number;
  /** dates and times as real Excel dates */
  fmt?: 'date' | 'datetime' | 'percent';
  wrap?: boolean;
}

const A4 = 9 as PaperSize;
const FMT = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', percent: '0%' } as const;
/** Row 1 is the sheet's title, row 2 its header; data begins on row 3. */
export const HEADER_ROW = 2;

/**
 * Text as it prints: emoji (and the joiners, variation selectors and skin tones that build them)
 * come out of office printers and Excel's CJK fonts as empty boxes, so they are left out. Symbols
 * below U+2100 that are pictographic in Unicode's eyes (©, ®, ‼) print fine and stay.
 */
export function printable(s: string): string;
export function printable(s: string | undefined | null): string | null;
export function printable(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  return s
    .replace(/[\u200d\ufe0e\ufe0f\u20e3]|[\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}\u{e0020}-\u{e007f}]/gu, '')
    .replace(/\p{Extended_Pictographic}/gu, (c) => (c.codePointAt(0)! < 0x2100 ? c : ''))
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** '2021年5月' */
function monthCn(month: string): string {
  const [y, m] = month.split('-');
  return zh.reports.workbook.month(y!, Number(m));
}

/** '2021年5月7日' */
export function dayCnFull(day: string): string {
  const p = splitDay(day)!;
  return zh.reports.workbook.date(p.year, p.month, p.day);
}

/**
 * A sheet with the title on row 1 (merged across the columns) and its header on row 2, frozen and
 * repeated on each printed page, A4 landscape.
 */
function sheet(wb: ExcelJS.Workbook, name: string, cols: Col[], title: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: `&C${zh.reports.workbook.footer(name)}` },
  });
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.fmt) col.numFmt = FMT[c.fmt];
    col.alignment = { vertical: 'top', wrapText: c.wrap ?? false };
  });
  ws.mergeCells(1, 1, 1, cols.length);
  const t = ws.getCell(1, 1);
  t.value = printable(title);
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const h = ws.getRow(HEADER_ROW);
  h.values = cols.map((c) => c.header);
  h.font = { bold: true };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  h.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return ws;
}

/** '城关区教育督导室 2021年5月 督导记录' (the office's name when OFFICE_NAME is set). */
function sheetTitle(deps: ExportDeps, month: string, what: string): string {
  return zh.reports.workbook.heading(deps.officeName, monthCn(month), what);
}

/** A row spanning the sheet, in bold: a section's heading inside a table. */
function sectionRow(ws: ExcelJS.Worksheet, text: string, width: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, width);
  row.font = { bold: true };
  row.getCell(1).alignment = { vertical: 'middle', wrapText: false };
}

/** A day 'YYYY-MM-DD' as the Excel date of that day. */
export function excelDay(day: string): Date {
  const p = splitDay(day)!;
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

const nameOr = (m: Map<string, string>, id: string) => m.get(id) ?? id;

export function addRecordsSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const ws = sheet(
    wb,
    zh.reports.records.sheet,
    [
      { header: zh.reports.records.columns.id, width: 9 },
      { header: zh.reports.records.columns.date, width: 12, fmt: 'date' },
      { header: zh.reports.records.columns.school, width: 18, wrap: true },
      { header: zh.reports.records.columns.zone, width: 12 },
      { header: zh.reports.records.columns.supervisor, width: 10 },
      { header: zh.reports.records.columns.kind, width: 12 },
      { header: zh.reports.records.columns.manner, width: 7 },
      { header: zh.reports.records.columns.topic, width: 16, wrap: true },
      { header: zh.reports.records.columns.findings, width: 40, wrap: true },
      { header: zh.reports.records.columns.highlights, width: 28, wrap: true },
      { header: zh.reports.records.columns.problems, width: 8 },
      { header: zh.reports.records.columns.items, width: 18, wrap: true },
      { header: zh.reports.records.columns.createdAt, width: 17, fmt: 'datetime' },
    ],
    sheetTitle(deps, d.month, zh.reports.records.heading),
  );
  for (const r of d.records) {
    ws.addRow([
      r.id,
      excelDay(r.date),
      printable(nameOr(d.names.school, r.school)),
      printable(nameOr(d.names.zone, r.zone)),
      printable(nameOr(d.names.person, r.supervisor)),
      r.kind,
      r.manner ?? null,
      printable(r.topic),
      printable(r.findings),
      printable(r.highlights),
      r.items.length,
      r.items.join(zh.reports.workbook.listJoin) || null,
      wallClockAsUtc(new Date(r.createdAt), deps.timeZone),
    ]);
  }
}

/** What one history event adds in words after '2021年5月7日 报告完成（陈园长）'. */
function eventDetail(e: HistoryEvent): string {
  const note = e.note ? printable(e.note) : '';
  switch (e.action) {
    case 'request_extension':
      return `${e.until ? zh.reports.items.history.requestedUntil(dayCnFull(e.until)) : ''}${note ? zh.reports.items.history.reason(note) : ''}`;
    case 'approve_extension': {
      const moved =
        e.until && e.previousDeadline
          ? zh.reports.items.history.moved(dayCnFull(e.previousDeadline), dayCnFull(e.until))
          : e.until
            ? zh.reports.items.history.movedTo(dayCnFull(e.until))
            : '';
      return `${moved}${note ? zh.reports.items.history.opinion(note) : ''}`;
    }
    case 'refuse_extension':
    case 'close':
      return note ? zh.reports.items.history.opinion(note) : '';
    case 'reject':
    case 'reopen':
      return note ? zh.reports.items.history.reason(note) : '';
    default:
      return note ? zh.reports.items.history.note(note) : '';
  }
}

/**
 * '2021年4月20日 登记（赵督学）；2021年5月7日 报告完成（陈园长）：签到表已补齐；2021年5月8日
 * 退回（赵督学），原因：照片看不清' — every step with its year, the principal's notes, the reasons
 * for sending back and for extensions, and the deadlines an extension moved.
 */
export function historySummary(h: HistoryEvent[], names: ExportNames, timeZone: string): string {
  return h
    .filter((e) => e.action !== 'attach')
    .map((e) => {
      const day = dayCnFull(dayInZone(new Date(e.at), timeZone));
      const who = printable(nameOr(names.person, e.actor));
      return `${zh.reports.items.history.step(day, actionNames[e.action], who)}${eventDetail(e)}`;
    })
    .join(zh.reports.items.history.stepJoin);
}

function closingState(it: Item, deps: ExportDeps): string {
  if (it.status === 'closed' && it.closedAt) {
    const late = diffDays(it.deadline, dayInZone(new Date(it.closedAt), deps.timeZone));
    return late > 0 ? zh.reports.items.closedLate(late) : zh.reports.items.closedOnTime;
  }
  const late = diffDays(it.deadline, deps.today);
  return late > 0 ? zh.reports.items.overdue(late) : zh.reports.items.notDue;
}

export function addItemsSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const cols: Col[] = [
    { header: zh.reports.items.columns.id, width: 9 },
    { header: zh.reports.items.columns.record, width: 9 },
    { header: zh.reports.items.columns.date, width: 12, fmt: 'date' },
    { header: zh.reports.items.columns.school, width: 18, wrap: true },
    { header: zh.reports.items.columns.zone, width: 12 },
    { header: zh.reports.items.columns.supervisor, width: 10 },
    { header: zh.reports.items.columns.text, width: 34, wrap: true },
    { header: zh.reports.items.columns.originalDeadline, width: 12, fmt: 'date' },
    { header: zh.reports.items.columns.deadline, width: 12, fmt: 'date' },
    { header: zh.reports.items.columns.status, width: 9 },
    { header: zh.reports.items.columns.lateness, width: 13 },
    { header: zh.reports.items.columns.closedOn, width: 12, fmt: 'date' },
    { header: zh.reports.items.columns.history, width: 56, wrap: true },
  ];
  const ws = sheet(wb, zh.reports.items.sheet, cols, sheetTitle(deps, d.month, zh.reports.items.heading));
  const recordDate = new Map(d.records.map((r) => [r.id, r.date]));
  for (const [k, v] of d.recordDates) recordDate.set(k, v);
  const add = (it: Item) => {
    const h = d.histories.get(it.id) ?? [];
    const date = recordDate.get(it.record);
    ws.addRow([
      it.id,
      it.record,
      date ? excelDay(date) : null,
      printable(nameOr(d.names.school, it.school)),
      printable(nameOr(d.names.zone, it.zone)),
      printable(nameOr(d.names.person, it.supervisor)),
      printable(it.text),
      excelDay(originalDeadline(it, h)),
      excelDay(it.deadline),
      statusNames[it.status],
      closingState(it, deps),
      it.status === 'closed' && it.closedAt
        ? excelDay(dayInZone(new Date(it.closedAt), deps.timeZone))
        : null,
      historySummary(h, d.names, deps.timeZone),
    ]);
  };
  sectionRow(ws, zh.reports.items.thisMonth(d.items.length), cols.length);
  for (const it of d.items) add(it);
  if (d.carried.length) {
    sectionRow(ws, zh.reports.items.carried(d.carried.length), cols.length);
    for (const it of d.carried) add(it);
  }
  ws.addRow([]);
  ws.addRow([zh.reports.items.asOf(dayCnFull(deps.today))]);
}

export function addStatsSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const ws = sheet(
    wb,
    zh.reports.stats.sheet,
    [
      { header: zh.reports.stats.columns.scope, width: 8 },
      { header: zh.reports.stats.columns.name, width: 14 },
      { header: zh.reports.stats.columns.visits, width: 9 },
      { header: zh.reports.stats.columns.visited, width: 9 },
      { header: zh.reports.stats.columns.schools, width: 8 },
      { header: zh.reports.stats.columns.coverage, width: 8, fmt: 'percent' },
      { header: zh.reports.stats.columns.problems, width: 9 },
      { header: zh.reports.stats.columns.closedOnTime, width: 9 },
      { header: zh.reports.stats.columns.closedLate, width: 9 },
      { header: zh.reports.stats.columns.pending, width: 10, wrap: true },
      { header: zh.reports.stats.columns.overdue, width: 10 },
      { header: zh.reports.stats.columns.medianDays, width: 12, wrap: true },
    ],
    sheetTitle(deps, d.month, zh.reports.stats.heading),
  );
  const row = (kind: string, r: StatsRow) =>
    ws.addRow([
      kind,
      printable(r.name),
      r.visits,
      r.schoolsVisited,
      r.schools,
      r.schools ? r.schoolsVisited / r.schools : null,
      r.problems,
      r.closedOnTime,
      r.closedLate,
      r.pending,
      r.overdue,
      r.medianDaysToClose,
    ]);
  row(zh.reports.stats.rows.total, d.stats.total).font = { bold: true };
  for (const z of d.stats.zones) row(zh.reports.stats.rows.zone, z);
  for (const s of d.stats.supervisors) row(zh.reports.stats.rows.supervisor, s);
  ws.addRow([]);
  ws.addRow([zh.reports.stats.note(monthCn(d.month), d.stats.today)]);
}

export function addOverdueNoticeSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const cols: Col[] = [
    { header: zh.reports.notice.columns.n, width: 6 },
    { header: zh.reports.notice.columns.school, width: 18, wrap: true },
    { header: zh.reports.notice.columns.zone, width: 12 },
    { header: zh.reports.notice.columns.id, width: 9 },
    { header: zh.reports.notice.columns.text, width: 40, wrap: true },
    { header: zh.reports.notice.columns.deadline, width: 12, fmt: 'date' },
    { header: zh.reports.notice.columns.daysOverdue, width: 9 },
    { header: zh.reports.notice.columns.supervisor, width: 10 },
    {
      header: d.notice.isToday
        ? zh.reports.notice.columns.statusToday
        : zh.reports.notice.columns.statusMonthEnd,
      width: 9,
    },
  ];
  const title = zh.reports.notice.heading(deps.officeName, dayCnFull(d.notice.day), d.notice.isToday);
  const ws = sheet(wb, zh.reports.notice.sheet, cols, title);
  // by school: the school with the most overdue items first, then by name; within it, oldest first
  const bySchool = new Map<string, typeof d.notice.items>();
  for (const n of d.notice.items) bySchool.set(n.item.school, [...(bySchool.get(n.item.school) ?? []), n]);
  const schools = [...bySchool.entries()].sort(
    (a, b) =>
      b[1].length - a[1].length ||
      nameOr(d.names.school, a[0]).localeCompare(nameOr(d.names.school, b[0]), 'zh'),
  );
  let n = 0;
  for (const [school, list] of schools) {
    for (const o of list) {
      ws.addRow([
        ++n,
        printable(zh.reports.notice.school(nameOr(d.names.school, school), list.length)),
        printable(nameOr(d.names.zone, o.item.zone)),
        o.item.id,
        printable(o.item.text),
        excelDay(o.deadline),
        diffDays(o.deadline, d.notice.day),
        printable(nameOr(d.names.person, o.item.supervisor)),
        statusNames[o.status],
      ]);
    }
  }
  ws.addRow([]);
  ws.addRow([
    n ? zh.reports.notice.summary(schools.length, n) : zh.reports.notice.none(dayCnFull(d.notice.day)),
  ]);
  if (d.notice.isToday) ws.addRow([zh.reports.notice.running(dayCnFull(d.notice.day))]);
}
