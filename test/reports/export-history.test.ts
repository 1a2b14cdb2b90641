import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createCalendar } from '../../src/domain/calendar.js';
import { exportMonth } from '../../src/reports/export-workbook.js';
import { printable } from '../../src/reports/export-sheets.js';
import { act, bj, importDistrict, openTimeWorld, visit, type TimeWorld } from '../helpers/time-district.js';

/**
 * What an office prints: 整改经过 with the year of every step, the reasons for sending back and
 * for extensions, the deadline an extension replaced, the principal's own words, and no emoji
 * (they come out of printers as boxes). And a March 通报 exported in April, dated 31 March.
 */
let w: TimeWorld;
let ids: string[];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

beforeAll(async () => {
  w = await openTimeWorld();
  await importDistrict(w.store);
  const items = await visit(w.store, {
    school: 'S01',
    date: '2021-03-15',
    problems: [
      { text: '作业公示栏未按周更新📌', deadline: '2021-03-22' },
      { text: '课后服务签到表缺2月数据 ✅', deadline: '2021-03-26' },
      { text: '消防通道堆放杂物', deadline: '2021-03-19' },
    ],
  });
  ids = items.map((i) => i.id);
  const [a, b, c] = ids as [string, string, string];
  await act(w.store, a, [
    { action: 'acknowledge', at: bj('2021-03-16', '09:00'), actor: 'pri-li' },
    {
      action: 'request_extension',
      at: bj('2021-03-18', '10:00'),
      actor: 'pri-li',
      until: '2021-04-09',
      note: '公示栏需重新制作👍',
    },
    { action: 'approve_extension', at: bj('2021-03-19', '11:00'), actor: 'sup-wang', until: '2021-04-09' },
    { action: 'done', at: bj('2021-04-01', '15:00'), actor: 'pri-li', note: '已按周更新并拍照' },
    { action: 'reject', at: bj('2021-04-02', '09:30'), actor: 'sup-wang', note: '照片看不清，请补拍' },
    { action: 'done', at: bj('2021-04-06', '16:00'), actor: 'pri-li', note: '已补拍' },
    { action: 'close', at: bj('2021-04-07', '10:00'), actor: 'sup-wang' },
  ]);
  await act(w.store, b, [
    {
      action: 'request_extension',
      at: bj('2021-03-24', '10:00'),
      actor: 'pri-li',
      until: '2021-04-30',
      note: '材料未到',
    },
    { action: 'refuse_extension', at: bj('2021-03-24', '15:00'), actor: 'sup-wang', note: '期限内完成' },
    // extended in April, after March was over: on 31 March its deadline was still 26 March
    {
      action: 'request_extension',
      at: bj('2021-04-02', '10:00'),
      actor: 'pri-li',
      until: '2021-04-16',
      note: '已补齐大部分',
    },
    { action: 'approve_extension', at: bj('2021-04-02', '11:00'), actor: 'lead-liu', until: '2021-04-16' },
  ]);
  // closed in April: open (and overdue) at the end of March
  await act(w.store, c, [
    { action: 'done', at: bj('2021-04-01', '10:00'), actor: 'pri-li' },
    { action: 'close', at: bj('2021-04-01', '11:00'), actor: 'sup-wang' },
  ]);
});
afterAll(() => w.close());

async function workbook(month: string, today: string): Promise<ExcelJS.Workbook> {
  const { buffer } = await exportMonth(w.store, month, {
    calendar: createCalendar(),
    timeZone: 'Asia/Shanghai',
    today,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function row(ws: ExcelJS.Worksheet, id: string): unknown[] {
  for (let r = 1; r <= ws.rowCount; r++) {
    const vals = (ws.getRow(r).values as unknown[]).slice(1);
    if (vals[0] === id) return vals.map((v) => v ?? null);
  }
  throw new Error(`${id} not on ${ws.name}`);
}

describe('整改经过, as an office prints it', () => {
  it('every step with its year, reasons, notes and the deadlines an extension moved; no emoji', async () => {
    const ws = (await workbook('2021-03', '2021-04-12')).getWorksheet('整改事项')!;
    const [a, b, c] = ids as [string, string, string];
    const ra = row(ws, a);
    expect(ra[6]).toBe('作业公示栏未按周更新'); // 存在问题, without 📌
    expect(ra.slice(7, 12)).toEqual([
      day('2021-03-22'),
      day('2021-04-09'),
      '已销号',
      '按期销号',
      day('2021-04-07'),
    ]);
    expect(ra[12]).toBe(
      [
        '2021年3月15日 登记（王督学）',
        '2021年3月16日 确认收到（李校长）',
        '2021年3月18日 申请延期（李校长），申请延至2021年4月9日，原因：公示栏需重新制作',
        '2021年3月19日 同意延期（王督学），期限由2021年3月22日改为2021年4月9日',
        '2021年4月1日 报告完成（李校长）：已按周更新并拍照',
        '2021年4月2日 退回（王督学），原因：照片看不清，请补拍',
        '2021年4月6日 报告完成（李校长）：已补拍',
        '2021年4月7日 验收销号（王督学）',
      ].join('；'),
    );
    const rb = row(ws, b);
    expect(rb[6]).toBe('课后服务签到表缺2月数据');
    expect(rb.slice(7, 9)).toEqual([day('2021-03-26'), day('2021-04-16')]);
    expect(rb[12]).toContain('2021年3月24日 不同意延期（王督学），意见：期限内完成');
    expect(rb[12]).toContain('2021年4月2日 同意延期（刘主任），期限由2021年3月26日改为2021年4月16日');
    expect(row(ws, c).slice(7, 9)).toEqual([day('2021-03-19'), day('2021-03-19')]);
  });

  it('printable() leaves out emoji and what builds them, keeps CJK, punctuation and ©', () => {
    expect(printable('👨‍👩‍👧 家长会✅ ⚠️注意 1️⃣ 🇨🇳 ©2021 “好”！')).toBe('家长会 注意 1 ©2021 “好”！');
    expect(printable('龙泉小学（一）')).toBe('龙泉小学（一）');
  });
});

describe('the March 通报, exported in April', () => {
  it('is dated 31 March and lists what was overdue then, with the deadlines then in force', async () => {
    const ws = (await workbook('2021-03', '2021-04-12')).getWorksheet('通报')!;
    expect(ws.getCell('A1').value).toBe('关于整改逾期事项的通报（截至2021年3月31日）');
    const [a, b, c] = ids as [string, string, string];
    const listed = [];
    for (let r = 3; r <= ws.rowCount; r++) {
      const v = (ws.getRow(r).values as unknown[]).slice(1);
      if (typeof v[0] === 'number') listed.push([v[3], v[5], v[6], v[8]]);
    }
    // a: extended on 19 March to 9 April, not overdue on 31 March; b: extended only on 2 April,
    // so on 31 March it was 5 days past 26 March; c: closed on 1 April, so open then
    expect(listed).toEqual([
      [c, day('2021-03-19'), 12, '待整改'],
      [b, day('2021-03-26'), 5, '待整改'],
    ]);
    expect(listed.some((l) => l[0] === a)).toBe(false);
  });

  it('exported while March runs, it lists today’s overdue items and says it is the day of the export', async () => {
    const ws = (await workbook('2021-03', '2021-03-23')).getWorksheet('通报')!;
    expect(ws.getCell('A1').value).toBe('关于整改逾期事项的通报（截至2021年3月23日，导出之日）');
    expect(ws.getCell('I2').value).toBe('当前状态');
  });
});
