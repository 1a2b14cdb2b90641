import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendar } from '../../src/domain/calendar.js';
import { exportMonth } from '../../src/reports/export-workbook.js';
import { parseExportArgs, runExportCli } from '../../src/cli/export.js';
import { openTimeWorld, type TimeWorld } from '../helpers/time-district.js';
import { buildKnownDistrict } from './known-district.js';

/**
 * The export of the known district (known-district.ts), re-opened with exceljs and read cell by
 * cell. Creation order fixes the numbers: R4 = DD-1 (ZG-1 E, ZG-2 F, ZG-3 G, ZG-4 N, ZG-5 P),
 * R7 = DD-2 (ZG-6 J, ZG-7 K, ZG-8 L, ZG-9 O), R8 = DD-3, R3 = DD-4 (ZG-10 D), R1 = DD-5
 * (ZG-11 A, ZG-12 B), R2 = DD-6 (ZG-13 C), R5 = DD-7 (ZG-14 H), R6 = DD-8 (ZG-15 I).
 */
let w: TimeWorld;
const deps = {
  calendar: createCalendar(),
  timeZone: 'Asia/Shanghai',
  today: '2021-05-10',
  officeName: '示例区教育督导室',
};
beforeAll(async () => {
  w = await openTimeWorld();
  await buildKnownDistrict(w.store);
});
afterAll(async () => {
  await w.close();
});

async function reopen(month: string): Promise<ExcelJS.Workbook> {
  const { buffer } = await exportMonth(w.store, month, deps);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** Row values as an array from column 1 (exceljs puts a hole at index 0); empty cells as null. */
function rows(ws: ExcelJS.Worksheet, from = 1): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vals: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) vals.push(row.getCell(c).value ?? null);
    while (vals.length && vals[vals.length - 1] === null) vals.pop();
    out.push(vals);
  }
  return out;
}

describe('the May 2021 workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await reopen('2021-05');
  });

  it('has the four sheets, each printable: a title, a frozen bold header, A4 landscape, one page wide', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['督导记录', '整改事项', '统计', '通报']);
    expect(wb.worksheets.map((s) => s.getCell('A1').value)).toEqual([
      '示例区教育督导室 2021年5月 督导记录',
      '示例区教育督导室 2021年5月 整改事项',
      '示例区教育督导室 2021年5月 督导统计',
      '示例区教育督导室关于整改逾期事项的通报（截至2021年5月10日，导出之日）',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A1').isMerged, ws.name).toBe(true);
      expect(ws.getCell('A1').font?.bold).toBe(true);
      const headerRow = 2;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`); // repeated on every printed page
      expect(ws.getRow(headerRow).font?.bold).toBe(true);
      for (let c = 1; c <= ws.columnCount; c++)
        expect(ws.getColumn(c).width, `${ws.name} col ${c}`).toBeGreaterThanOrEqual(6);
    }
  });

  it('督导记录: the records dated in May, by date, with real dates', () => {
    const ws = wb.getWorksheet('督导记录')!;
    expect(rows(ws, 2)).toEqual([
      [
        '编号',
        '督导日期',
        '学校',
        '责任区',
        '督学',
        '督导类型',
        '方式',
        '主题',
        '督导情况',
        '亮点',
        '问题数',
        '整改事项',
        '登记时间',
      ],
      [
        'DD-4',
        day('2021-05-07'),
        '城南中学',
        '城区责任区',
        '王督学',
        '挂牌督导',
        null,
        null,
        null,
        null,
        1,
        'ZG-10',
        new Date('2021-05-07T10:00:00Z'),
      ],
      [
        'DD-5',
        day('2021-05-08'),
        '棠香小学',
        '城区责任区',
        '王督学',
        '挂牌督导',
        null,
        null,
        null,
        null,
        2,
        'ZG-11、ZG-12',
        new Date('2021-05-08T10:00:00Z'),
      ],
      [
        'DD-6',
        day('2021-05-09'),
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '挂牌督导',
        null,
        null,
        null,
        null,
        1,
        'ZG-13',
        new Date('2021-05-09T16:00:00Z'),
      ],
      [
        'DD-8',
        day('2021-05-09'),
        '棠香小学',
        '城区责任区',
        '王督学',
        '挂牌督导',
        null,
        null,
        null,
        null,
        1,
        'ZG-15',
        new Date('2021-05-10T08:10:00Z'),
      ],
      [
        'DD-7',
        day('2021-05-10'),
        '龙水小学',
        '龙水责任区',
        '赵督学',
        '挂牌督导',
        null,
        null,
        null,
        null,
        1,
        'ZG-14',
        new Date('2021-05-10T08:00:00Z'),
      ],
    ]);
    expect(ws.getCell('B3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('M3').numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('整改事项: their items in their current state, then what earlier months left open, each with its history', () => {
    const ws = wb.getWorksheet('整改事项')!;
    const item = (
      id: string,
      record: string,
      date: string,
      school: string,
      zone: string,
      sup: string,
      text: string,
      deadline: string,
      status: string,
      state: string,
      closed: string | null,
      history: string,
    ) => [
      id,
      record,
      day(date),
      school,
      zone,
      sup,
      text,
      day(deadline),
      day(deadline),
      status,
      state,
      closed ? day(closed) : null,
      history,
    ];
    const section = (text: string) => Array(13).fill(text);
    expect(rows(ws, 2)).toEqual([
      [
        '编号',
        '督导记录',
        '督导日期',
        '学校',
        '责任区',
        '责任督学',
        '存在问题',
        '原定期限',
        '整改期限',
        '状态',
        '逾期情况',
        '销号日期',
        '整改经过',
      ],
      section('本月督导发现的问题（6 项）'),
      item(
        'ZG-10',
        'DD-4',
        '2021-05-07',
        '城南中学',
        '城区责任区',
        '王督学',
        '实验室危化品台账不全',
        '2021-05-07',
        '待整改',
        '已逾期 3 天',
        null,
        '2021年5月7日 登记（王督学）',
      ),
      item(
        'ZG-11',
        'DD-5',
        '2021-05-08',
        '棠香小学',
        '城区责任区',
        '王督学',
        '食堂从业人员晨检未登记',
        '2021-05-20',
        '待整改',
        '未到期',
        null,
        '2021年5月8日 登记（王督学）',
      ),
      item(
        'ZG-12',
        'DD-5',
        '2021-05-08',
        '棠香小学',
        '城区责任区',
        '王督学',
        '楼道应急照明损坏',
        '2021-05-12',
        '待整改',
        '未到期',
        null,
        '2021年5月8日 登记（王督学）',
      ),
      item(
        'ZG-13',
        'DD-6',
        '2021-05-09',
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '门卫值班记录缺页',
        '2021-05-10',
        '待整改',
        '未到期',
        null,
        '2021年5月9日 登记（赵督学）',
      ),
      item(
        'ZG-14',
        'DD-7',
        '2021-05-10',
        '龙水小学',
        '龙水责任区',
        '赵督学',
        '校车接送登记不全',
        '2021-05-14',
        '待整改',
        '未到期',
        null,
        '2021年5月10日 登记（赵督学）',
      ),
      item(
        'ZG-15',
        'DD-8',
        '2021-05-09',
        '棠香小学',
        '城区责任区',
        '王督学',
        '教室电源插座松动',
        '2021-05-21',
        '待整改',
        '未到期',
        null,
        '2021年5月10日 登记（王督学）',
      ),
      // April's items that were open on 1 May (J, closed on 28 April, is not among them), in
      // their current state: closed in May, still open, or reopened
      section('往月结转：此前督导发现、本月仍在整改的问题（8 项）'),
      item(
        'ZG-1',
        'DD-1',
        '2021-04-20',
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '幼儿午睡室消毒记录缺失',
        '2021-04-26',
        '待整改',
        '已逾期 14 天',
        null,
        '2021年4月20日 登记（赵督学）',
      ),
      item(
        'ZG-2',
        'DD-1',
        '2021-04-20',
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '保育员健康证过期',
        '2021-04-28',
        '已销号',
        '逾期 10 天销号',
        '2021-05-08',
        '2021年4月20日 登记（赵督学）；2021年5月7日 报告完成（陈园长）；2021年5月8日 验收销号（赵督学）',
      ),
      item(
        'ZG-3',
        'DD-1',
        '2021-04-20',
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '户外活动场地地垫破损',
        '2021-05-06',
        '待验收',
        '已逾期 4 天',
        null,
        '2021年4月20日 登记（赵督学）；2021年5月7日 报告完成（陈园长）',
      ),
      item(
        'ZG-4',
        'DD-1',
        '2021-04-20',
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '晨检记录不完整',
        '2021-05-12',
        '已销号',
        '按期销号',
        '2021-05-10',
        '2021年4月20日 登记（赵督学）；2021年5月9日 报告完成（陈园长）；2021年5月10日 验收销号（赵督学）',
      ),
      item(
        'ZG-5',
        'DD-1',
        '2021-04-20',
        '龙水幼儿园',
        '龙水责任区',
        '赵督学',
        '食品留样不足48小时',
        '2021-05-08',
        '已销号',
        '逾期 1 天销号',
        '2021-05-09',
        '2021年4月20日 登记（赵督学）；2021年5月9日 报告完成（陈园长）；2021年5月9日 验收销号（赵督学）',
      ),
      item(
        'ZG-7',
        'DD-2',
        '2021-04-15',
        '龙水小学',
        '龙水责任区',
        '赵督学',
        '课后服务签到表缺失',
        '2021-05-14',
        '整改中',
        '未到期',
        null,
        '2021年4月15日 登记（赵督学）；2021年4月16日 确认收到（吴校长）',
      ),
      item(
        'ZG-8',
        'DD-2',
        '2021-04-15',
        '龙水小学',
        '龙水责任区',
        '赵督学',
        '图书室借阅登记不全',
        '2021-05-17',
        '待整改',
        '未到期',
        null,
        '2021年4月15日 登记（赵督学）',
      ),
      item(
        'ZG-9',
        'DD-2',
        '2021-04-15',
        '龙水小学',
        '龙水责任区',
        '赵督学',
        '消防器材过期未换',
        '2021-05-11',
        '整改中',
        '未到期',
        null,
        '2021年4月15日 登记（赵督学）；2021年5月6日 报告完成（吴校长）；2021年5月7日 验收销号（赵督学）；2021年5月10日 重新打开（刘主任）',
      ),
      [],
      ['状态、逾期情况截至 2021年5月10日（导出之日）。'],
    ]);
  });

  it('统计: the total, the zones and the supervisors, each adding up', () => {
    const ws = wb.getWorksheet('统计')!;
    const head = [
      '范围',
      '名称',
      '督导次数',
      '覆盖学校',
      '学校数',
      '覆盖率',
      '发现问题',
      '按期销号',
      '逾期销号',
      '整改中（未到期）',
      '逾期未销号',
      '销号用时中位数（天）',
    ];
    expect(rows(ws, 2).slice(0, 6)).toEqual([
      head,
      ['合计', '全区', 5, 4, 4, 1, 6, 0, 0, 5, 1],
      ['责任区', '城区责任区', 3, 2, 2, 1, 4, 0, 0, 3, 1],
      ['责任区', '龙水责任区', 2, 2, 2, 1, 2, 0, 0, 2, 0],
      ['督学', '王督学', 3, 2, 2, 1, 4, 0, 0, 3, 1],
      ['督学', '赵督学', 2, 2, 2, 1, 2, 0, 0, 2, 0],
    ]);
    expect(ws.getCell('F3').numFmt).toBe('0%');
    expect(String(ws.getCell('A9').value)).toContain(
      '发现问题 = 按期销号 + 逾期销号 + 整改中（未到期） + 逾期未销号',
    );
  });

  it('通报: May is not over, so it lists the items overdue on the day of the export, and says so', () => {
    const ws = wb.getWorksheet('通报')!;
    expect(rows(ws, 2)).toEqual([
      ['序号', '学校', '责任区', '编号', '存在问题', '整改期限', '逾期天数', '责任督学', '当前状态'],
      [
        1,
        '龙水幼儿园（2 项）',
        '龙水责任区',
        'ZG-1',
        '幼儿午睡室消毒记录缺失',
        day('2021-04-26'),
        14,
        '赵督学',
        '待整改',
      ],
      [
        2,
        '龙水幼儿园（2 项）',
        '龙水责任区',
        'ZG-3',
        '户外活动场地地垫破损',
        day('2021-05-06'),
        4,
        '赵督学',
        '待验收',
      ],
      [
        3,
        '城南中学（1 项）',
        '城区责任区',
        'ZG-10',
        '实验室危化品台账不全',
        day('2021-05-07'),
        3,
        '王督学',
        '待整改',
      ],
      [],
      ['共 2 所学校 3 项整改事项逾期未完成。请相关学校立即整改，责任督学跟踪督办。'],
      ['本月尚未结束，本通报按导出之日（2021年5月10日）的状态列出；月末以后重新导出，可得到截至月末的通报。'],
    ]);
  });
});

describe('the April 2021 workbook, exported on 10 May', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await reopen('2021-04');
  });

  it('closed items: on time or how late, the closing date, the history; the median days to close', () => {
    const items = rows(wb.getWorksheet('整改事项')!, 2);
    const byId = new Map(items.slice(1).map((r) => [r[0], r]));
    expect(byId.get('ZG-2')!.slice(8)).toEqual([
      day('2021-04-28'),
      '已销号',
      '逾期 10 天销号',
      day('2021-05-08'),
      '2021年4月20日 登记（赵督学）；2021年5月7日 报告完成（陈园长）；2021年5月8日 验收销号（赵督学）',
    ]);
    expect(byId.get('ZG-4')!.slice(9, 12)).toEqual(['已销号', '按期销号', day('2021-05-10')]);
    expect(byId.get('ZG-9')!.slice(9, 13)).toEqual([
      '整改中',
      '未到期',
      null,
      '2021年4月15日 登记（赵督学）；2021年5月6日 报告完成（吴校长）；2021年5月7日 验收销号（赵督学）；2021年5月10日 重新打开（刘主任）',
    ]);
    expect(byId.get('ZG-7')![12]).toBe('2021年4月15日 登记（赵督学）；2021年4月16日 确认收到（吴校长）');
    // no record before April: nothing carried over
    expect(items.some((r) => String(r[0]).startsWith('往月结转'))).toBe(false);
    // F, P, J closed late; N on time; E, G overdue; K, L, O not due yet. Days to close 18, 19, 13, 20 → 18.5
    const total = rows(wb.getWorksheet('统计')!, 2)[1];
    expect(total).toEqual(['合计', '全区', 3, 2, 4, 0.5, 9, 1, 3, 3, 2, 18.5]);
  });

  it('通报 is dated at the end of April and lists what was overdue then, as it stood then', () => {
    const ws = wb.getWorksheet('通报')!;
    expect(ws.getCell('A1').value).toBe('示例区教育督导室关于整改逾期事项的通报（截至2021年4月30日）');
    // E (due 26 April) and F (due 28 April, done only on 7 May) were overdue on 30 April; F is
    // closed today, so its status is the one it had then; J was closed on 28 April
    expect(rows(ws, 2)).toEqual([
      ['序号', '学校', '责任区', '编号', '存在问题', '整改期限', '逾期天数', '责任督学', '月末状态'],
      [
        1,
        '龙水幼儿园（2 项）',
        '龙水责任区',
        'ZG-1',
        '幼儿午睡室消毒记录缺失',
        day('2021-04-26'),
        4,
        '赵督学',
        '待整改',
      ],
      [
        2,
        '龙水幼儿园（2 项）',
        '龙水责任区',
        'ZG-2',
        '保育员健康证过期',
        day('2021-04-28'),
        2,
        '赵督学',
        '待整改',
      ],
      [],
      ['共 1 所学校 2 项整改事项逾期未完成。请相关学校立即整改，责任督学跟踪督办。'],
    ]);
  });
});

describe('npx dudao export', () => {
  it('checks its arguments', () => {
    expect(parseExportArgs(['--month', '2021-05', '--out', 'm.xlsx'])).toEqual({
      month: '2021-05',
      out: 'm.xlsx',
    });
    expect(parseExportArgs(['--month=2021-13', '--out=m.xlsx'])).toBe(
      '--month 后面应是月份 YYYY-MM，例如 --month 2026-03',
    );
    expect(parseExportArgs(['--month', '2021-05'])).toMatch(/^缺少 --out/);
    expect(parseExportArgs(['--month', '2021-05', '--out', 'm.csv'])).toBe('--out 的文件名应以 .xlsx 结尾');
  });

  it('writes the workbook and says what is in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-export-'));
    try {
      w.clock.at('2021-05-10', '12:00');
      const out: string[] = [];
      const file = join(dir, '2021-05.xlsx');
      expect(await runExportCli(w.rt, { month: '2021-05', out: file }, (l) => out.push(l))).toBe(0);
      expect(out).toEqual([
        `已导出 2021年5月：督导记录 5 条，整改事项 6 项（另有往月结转 8 项），通报逾期 3 项 → ${file}`,
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      expect(wb.getWorksheet('督导记录')!.rowCount).toBe(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
