import type ExcelJS from 'exceljs';
import type { PaperSize } from 'exceljs';
import { dayInZone, diffDays, splitDay } from '../domain/day.js';
import { actionNames } from '../domain/lifecycle.js';
import { statusNames, type HistoryEvent, type Item } from '../domain/records.js';
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
  return `${y}年${Number(m)}月`;
}

/** '2021年5月7日' */
export function dayCnFull(day: string): string {
  const p = splitDay(day)!;
  return `${p.year}年${p.month}月${p.day}日`;
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
    headerFooter: { oddFooter: `&C${name} 第 &P 页，共 &N 页` },
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
  return [deps.officeName, `${monthCn(month)} ${what}`].filter(Boolean).join(' ');
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
    '督导记录',
    [
      { header: '编号', width: 9 },
      { header: '督导日期', width: 12, fmt: 'date' },
      { header: '学校', width: 18, wrap: true },
      { header: '责任区', width: 12 },
      { header: '督学', width: 10 },
      { header: '督导类型', width: 12 },
      { header: '方式', width: 7 },
      { header: '主题', width: 16, wrap: true },
      { header: '督导情况', width: 40, wrap: true },
      { header: '亮点', width: 28, wrap: true },
      { header: '问题数', width: 8 },
      { header: '整改事项', width: 18, wrap: true },
      { header: '登记时间', width: 17, fmt: 'datetime' },
    ],
    sheetTitle(deps, d.month, '督导记录'),
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
      r.items.join('、') || null,
      wallClockAsUtc(new Date(r.createdAt), deps.timeZone),
    ]);
  }
}

/** What one history event adds in words after '2021年5月7日 报告完成（陈园长）'. */
function eventDetail(e: HistoryEvent): string {
  const note = e.note ? printable(e.note) : '';
  switch (e.action) {
    case 'request_extension':
      return `${e.until ? `，申请延至${dayCnFull(e.until)}` : ''}${note ? `，原因：${note}` : ''}`;
    case 'approve_extension': {
      const moved =
        e.until && e.previousDeadline
          ? `，期限由${dayCnFull(e.previousDeadline)}改为${dayCnFull(e.until)}`
          : e.until
            ? `，期限改为${dayCnFull(e.until)}`
            : '';
      return `${moved}${note ? `，意见：${note}` : ''}`;
    }
    case 'refuse_extension':
    case 'close':
      return note ? `，意见：${note}` : '';
    case 'reject':
    case 'reopen':
      return note ? `，原因：${note}` : '';
    default:
      return note ? `：${note}` : '';
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
      return `${day} ${actionNames[e.action]}（${who}）${eventDetail(e)}`;
    })
    .join('；');
}

function closingState(it: Item, deps: ExportDeps): string {
  if (it.status === 'closed' && it.closedAt) {
    const late = diffDays(it.deadline, dayInZone(new Date(it.closedAt), deps.timeZone));
    return late > 0 ? `逾期 ${late} 天销号` : '按期销号';
  }
  const late = diffDays(it.deadline, deps.today);
  return late > 0 ? `已逾期 ${late} 天` : '未到期';
}

export function addItemsSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const cols: Col[] = [
    { header: '编号', width: 9 },
    { header: '督导记录', width: 9 },
    { header: '督导日期', width: 12, fmt: 'date' },
    { header: '学校', width: 18, wrap: true },
    { header: '责任区', width: 12 },
    { header: '责任督学', width: 10 },
    { header: '存在问题', width: 34, wrap: true },
    { header: '原定期限', width: 12, fmt: 'date' },
    { header: '整改期限', width: 12, fmt: 'date' },
    { header: '状态', width: 9 },
    { header: '逾期情况', width: 13 },
    { header: '销号日期', width: 12, fmt: 'date' },
    { header: '整改经过', width: 56, wrap: true },
  ];
  const ws = sheet(wb, '整改事项', cols, sheetTitle(deps, d.month, '整改事项'));
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
  sectionRow(ws, `本月督导发现的问题（${d.items.length} 项）`, cols.length);
  for (const it of d.items) add(it);
  if (d.carried.length) {
    sectionRow(ws, `往月结转：此前督导发现、本月仍在整改的问题（${d.carried.length} 项）`, cols.length);
    for (const it of d.carried) add(it);
  }
  ws.addRow([]);
  ws.addRow([`状态、逾期情况截至 ${dayCnFull(deps.today)}（导出之日）。`]);
}

export function addStatsSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const ws = sheet(
    wb,
    '统计',
    [
      { header: '范围', width: 8 },
      { header: '名称', width: 14 },
      { header: '督导次数', width: 9 },
      { header: '覆盖学校', width: 9 },
      { header: '学校数', width: 8 },
      { header: '覆盖率', width: 8, fmt: 'percent' },
      { header: '发现问题', width: 9 },
      { header: '按期销号', width: 9 },
      { header: '逾期销号', width: 9 },
      { header: '整改中（未到期）', width: 10, wrap: true },
      { header: '逾期未销号', width: 10 },
      { header: '销号用时中位数（天）', width: 12, wrap: true },
    ],
    sheetTitle(deps, d.month, '督导统计'),
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
  row('合计', d.stats.total).font = { bold: true };
  for (const z of d.stats.zones) row('责任区', z);
  for (const s of d.stats.supervisors) row('督学', s);
  ws.addRow([]);
  ws.addRow([
    `说明：统计${monthCn(d.month)}督导日期在本月的督导记录及其发现的问题，问题状态截至 ${d.stats.today}；发现问题 = 按期销号 + 逾期销号 + 整改中（未到期） + 逾期未销号。`,
  ]);
}

export function addOverdueNoticeSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const cols: Col[] = [
    { header: '序号', width: 6 },
    { header: '学校', width: 18, wrap: true },
    { header: '责任区', width: 12 },
    { header: '编号', width: 9 },
    { header: '存在问题', width: 40, wrap: true },
    { header: '整改期限', width: 12, fmt: 'date' },
    { header: '逾期天数', width: 9 },
    { header: '责任督学', width: 10 },
    { header: d.notice.isToday ? '当前状态' : '月末状态', width: 9 },
  ];
  const when = `截至${dayCnFull(d.notice.day)}${d.notice.isToday ? '，导出之日' : ''}`;
  const title = `${deps.officeName ?? ''}关于整改逾期事项的通报（${when}）`;
  const ws = sheet(wb, '通报', cols, title);
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
        printable(`${nameOr(d.names.school, school)}（${list.length} 项）`),
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
    n
      ? `共 ${schools.length} 所学校 ${n} 项整改事项逾期未完成。请相关学校立即整改，责任督学跟踪督办。`
      : `截至${dayCnFull(d.notice.day)}，没有逾期未完成的整改事项。`,
  ]);
  if (d.notice.isToday)
    ws.addRow([
      `本月尚未结束，本通报按导出之日（${dayCnFull(d.notice.day)}）的状态列出；月末以后重新导出，可得到截至月末的通报。`,
    ]);
}
