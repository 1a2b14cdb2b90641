import type ExcelJS from 'exceljs';
import type { PaperSize } from 'exceljs';
import { dayInZone, diffDays, splitDay } from '../domain/day.js';
import { actionNames } from '../domain/lifecycle.js';
import { statusNames, type HistoryEvent, type Item } from '../domain/records.js';
import { wallClockAsUtc } from '../reminders/zone-time.js';
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

/** A sheet with its header on `headerRow`, frozen and repeated on each printed page, A4 landscape. */
function sheet(wb: ExcelJS.Workbook, name: string, cols: Col[], headerRow = 1): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: `&C${name} 第 &P 页，共 &N 页` },
  });
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.fmt) col.numFmt = FMT[c.fmt];
    col.alignment = { vertical: 'top', wrapText: c.wrap ?? false };
  });
  const h = ws.getRow(headerRow);
  h.values = cols.map((c) => c.header);
  h.font = { bold: true };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  h.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return ws;
}

/** A day 'YYYY-MM-DD' as the Excel date of that day. */
export function excelDay(day: string): Date {
  const p = splitDay(day)!;
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

const nameOr = (m: Map<string, string>, id: string) => m.get(id) ?? id;

export function addRecordsSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const ws = sheet(wb, '督导记录', [
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
  ]);
  for (const r of d.records) {
    ws.addRow([
      r.id,
      excelDay(r.date),
      nameOr(d.names.school, r.school),
      nameOr(d.names.zone, r.zone),
      nameOr(d.names.person, r.supervisor),
      r.kind,
      r.manner ?? null,
      r.topic ?? null,
      r.findings ?? null,
      r.highlights ?? null,
      r.items.length,
      r.items.join('、') || null,
      wallClockAsUtc(new Date(r.createdAt), deps.timeZone),
    ]);
  }
}

/** '4月20日 登记（王督学）；5月7日 报告完成（陈园长）；5月8日 验收销号（赵督学）' */
export function historySummary(h: HistoryEvent[], names: ExportNames, timeZone: string): string {
  return h
    .filter((e) => e.action !== 'attach')
    .map((e) => {
      const [, m, dd] = dayInZone(new Date(e.at), timeZone).split('-');
      return `${Number(m)}月${Number(dd)}日 ${actionNames[e.action]}（${nameOr(names.person, e.actor)}）`;
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
  const ws = sheet(wb, '整改事项', [
    { header: '编号', width: 9 },
    { header: '督导记录', width: 9 },
    { header: '学校', width: 18, wrap: true },
    { header: '责任区', width: 12 },
    { header: '责任督学', width: 10 },
    { header: '存在问题', width: 36, wrap: true },
    { header: '整改期限', width: 12, fmt: 'date' },
    { header: '状态', width: 9 },
    { header: '逾期情况', width: 13 },
    { header: '销号日期', width: 12, fmt: 'date' },
    { header: '整改经过', width: 50, wrap: true },
  ]);
  for (const it of d.items) {
    ws.addRow([
      it.id,
      it.record,
      nameOr(d.names.school, it.school),
      nameOr(d.names.zone, it.zone),
      nameOr(d.names.person, it.supervisor),
      it.text,
      excelDay(it.deadline),
      statusNames[it.status],
      closingState(it, deps),
      it.status === 'closed' && it.closedAt
        ? excelDay(dayInZone(new Date(it.closedAt), deps.timeZone))
        : null,
      historySummary(d.histories.get(it.id) ?? [], d.names, deps.timeZone),
    ]);
  }
}

export function addStatsSheet(wb: ExcelJS.Workbook, d: ExportData) {
  const ws = sheet(wb, '统计', [
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
  ]);
  const row = (kind: string, r: StatsRow) =>
    ws.addRow([
      kind,
      r.name,
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
  const [y, m] = d.month.split('-');
  ws.addRow([
    `说明：统计${y}年${Number(m)}月督导日期在本月的督导记录及其发现的问题，问题状态截至 ${d.stats.today}；发现问题 = 按期销号 + 逾期销号 + 整改中（未到期） + 逾期未销号。`,
  ]);
}

export function addOverdueNoticeSheet(wb: ExcelJS.Workbook, d: ExportData, deps: ExportDeps) {
  const ws = sheet(
    wb,
    '通报',
    [
      { header: '序号', width: 6 },
      { header: '学校', width: 18, wrap: true },
      { header: '责任区', width: 12 },
      { header: '编号', width: 9 },
      { header: '存在问题', width: 40, wrap: true },
      { header: '整改期限', width: 12, fmt: 'date' },
      { header: '逾期天数', width: 9 },
      { header: '责任督学', width: 10 },
      { header: '当前状态', width: 9 },
    ],
    2,
  );
  const [y, m, dd] = deps.today.split('-');
  ws.mergeCells(1, 1, 1, 9);
  const title = ws.getCell(1, 1);
  title.value = `关于整改逾期事项的通报（截至${y}年${Number(m)}月${Number(dd)}日）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  // by school: the school with the most overdue items first, then by name; within it, oldest first
  const bySchool = new Map<string, Item[]>();
  for (const it of d.overdue) bySchool.set(it.school, [...(bySchool.get(it.school) ?? []), it]);
  const schools = [...bySchool.entries()].sort(
    (a, b) =>
      b[1].length - a[1].length ||
      nameOr(d.names.school, a[0]).localeCompare(nameOr(d.names.school, b[0]), 'zh'),
  );
  let n = 0;
  for (const [school, items] of schools) {
    for (const it of items) {
      ws.addRow([
        ++n,
        `${nameOr(d.names.school, school)}（${items.length} 项）`,
        nameOr(d.names.zone, it.zone),
        it.id,
        it.text,
        excelDay(it.deadline),
        diffDays(it.deadline, deps.today),
        nameOr(d.names.person, it.supervisor),
        statusNames[it.status],
      ]);
    }
  }
  ws.addRow([]);
  ws.addRow([
    `共 ${schools.length} 所学校 ${n} 项整改事项逾期未完成。请相关学校立即整改，责任督学跟踪督办。`,
  ]);
}
