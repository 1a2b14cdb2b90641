import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadRosterFile, normalizeJsonRoster } from '../../src/roster/load.js';
import { decodeCsv } from '../../src/roster/read-csv.js';
import { zoneId } from '../../src/roster/values.js';
import { tables, tableNames } from '../../src/roster/columns.js';
import type { Roster } from '../../src/domain/roster.js';

const demoJson = () => JSON.parse(readFileSync('examples/roster.json', 'utf8'));
function demo(): Roster {
  const r = normalizeJsonRoster(demoJson(), { year: 2026 });
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('\n'));
  return r.roster;
}

/** Sheets as an office types them: header row, then one row of cells per entry. */
async function writeWorkbook(file: string, sheets: Record<string, string[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(file);
}

describe('reading the roster files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dudao-roster-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the demo roster is a realistic district: 20 schools, 4 zones, one principal each, leaders, an admin', () => {
    const r = demo();
    expect(r.schools).toHaveLength(20);
    expect(r.zones.map((z) => z.name)).toEqual(['第一责任区', '第二责任区', '第三责任区', '第四责任区']);
    expect(new Set(r.schools.map((s) => s.type))).toEqual(
      new Set(['小学', '初中', '高中', '九年一贯制', '幼儿园', '特殊教育', '职业学校']),
    );
    for (const s of r.schools)
      expect(r.people.filter((p) => p.roles.includes('principal') && p.school === s.id)).toHaveLength(1);
    expect(r.people.find((p) => p.id === 'lead-liu')!.zones).toEqual(['*']);
    expect(r.people.find((p) => p.id === 'lead-deng')!.zones).toEqual([
      zoneId('第三责任区'),
      zoneId('第四责任区'),
    ]);
    expect(r.people.filter((p) => !p.wecomId && !p.dingtalkId).map((p) => p.id)).toEqual(['pri-s10']);
    expect(r.chats.map((c) => c.binding.type)).toEqual(['zone', 'zone', 'office']);
    expect(r.plan.find((p) => p.month === '2026-12')!.content).toBe('开展责任督学考核');
  });

  it('examples/roster.xlsx reads to exactly the same roster as examples/roster.json', async () => {
    const r = await loadRosterFile('examples/roster.xlsx', { year: 2026 });
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([]);
    expect(r.ok && r.roster).toEqual(demo());
  });

  it('CSV: given any one of the files, all four are read from its folder', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('examples/roster.xlsx');
    for (const name of tableNames) {
      const ws = wb.getWorksheet(tables[name].sheet)!;
      const lines: string[] = [];
      ws.eachRow((row) => {
        const cells = (row.values as unknown[])
          .slice(1)
          .map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`);
        lines.push(cells.join(','));
      });
      writeFileSync(join(dir, tables[name].file), '\uFEFF' + lines.join('\r\n') + '\r\n');
    }
    for (const f of ['schools.csv', 'people.csv', 'plan.csv']) {
      const r = await loadRosterFile(join(dir, f), { year: 2026 });
      expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([]);
      expect(r.ok && r.roster).toEqual(demo());
    }
  });

  it('JSON accepts 、-separated strings, 是/否, role codes and bare months in the given year', () => {
    const r = normalizeJsonRoster(
      {
        schools: [{ id: 'A', name: '甲小学', shortNames: '甲小、甲校', type: '小学', zone: '东片' }],
        people: [
          { id: 'p1', name: '王老师', roles: 'supervisor、leader', zones: '东片', fullTime: '是' },
          { id: 'p2', name: '李园长', roles: ['园长'], school: '甲小' },
        ],
        chats: [{ platform: 'dingtalk', chatId: 'cid1', name: '东片群', binding: '甲小学' }],
        plan: [
          { month: '三月', content: '开展春季开学工作调研' },
          { month: '2027年1月', content: '寒假安全检查' },
        ],
      },
      { year: 2026 },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roster.schools[0]!.shortNames).toEqual(['甲小', '甲校']);
    expect(r.roster.people[0]).toMatchObject({
      roles: ['supervisor', 'leader'],
      fullTime: true,
      zones: [zoneId('东片')],
    });
    expect(r.roster.people[1]).toMatchObject({ roles: ['principal'], school: 'A' });
    expect(r.roster.chats[0]!.binding).toEqual({ type: 'school', id: 'A' });
    expect(r.roster.plan.map((p) => p.month)).toEqual(['2026-03', '2027-01']);
  });

  it('a workbook with five kinds of mistakes is refused whole, every mistake listed by sheet, row and column', async () => {
    const file = join(dir, 'bad.xlsx');
    await writeWorkbook(file, {
      学校: [
        ['编号', '名称', '简称', '类型', '性质', '责任区'],
        ['S01', '龙泉小学', '龙泉小', '小学', '公办', '第一责任区'],
        ['S02', '龙泉中学', '', '大学', '公办', '第一责任区'], // 1. unknown type
        ['S01', '城关第二幼儿园', '', '幼儿园', '公办', '第二责任区'], // 2. duplicate id
      ],
      人员: [
        ['编号', '姓名', '角色', '学校', '责任区', '专职', '企业微信', '钉钉', '手机'],
        ['sup-wang', '王建国', '督学', '', '第一责任区', '是', 'wangjianguo', '', ''],
        ['sup-zhao', '赵敏', '督学', '', '第五责任区', '否', '', '', ''], // 3. unknown zone
        ['pri-li', '李校长', '校长', '龙泉职高', '', '', '', '', ''], // 4. unknown school
        ['pri-chen', '', '校长', '龙泉中学', '', '', '', '', ''], // 5. missing name
        ['pri-he', '何校长', '校长', 'S02', '', '可能', '', '', ''], // 6. 专职 neither 是 nor 否
      ],
    });
    const r = await loadRosterFile(file, { year: 2026 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.text)).toEqual([
      '学校 第3行『类型』：无法识别类型『大学』，可填：小学、初中、高中、九年一贯制、幼儿园、特殊教育、职业学校',
      '学校 第4行『编号』：『S01』与第2行重复',
      '人员 第3行『责任区』：未找到责任区『第五责任区』，学校表中的责任区有：第一责任区、第二责任区',
      '人员 第4行『学校』：未找到学校『龙泉职高』',
      '人员 第5行『姓名』：必填',
      '人员 第6行『专职』：应填『是』或『否』，不是『可能』',
    ]);
    expect(r.errors[3]).toMatchObject({ sheet: '人员', row: 4, column: '学校' });
  });

  it('a missing sheet or column is named; an unknown file type is refused', async () => {
    const file = join(dir, 'nosheet.xlsx');
    await writeWorkbook(file, { 学校: [['编号', '名称', '类型']] });
    const r = await loadRosterFile(file, { year: 2026 });
    // the file's shape alone: no row is read while a column or sheet is missing
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([
      '学校 第1行『责任区』：缺少这一列',
      '缺少工作表『人员』（工作簿中的工作表：学校）',
    ]);
    const t = await loadRosterFile(join(dir, 'roster.txt'), { year: 2026 });
    expect(t.ok).toBe(false);
  });
});

describe('an empty table', () => {
  it('is refused: it would deactivate the whole district', () => {
    const r = normalizeJsonRoster({ schools: [], people: [] }, { year: 2026 });
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual(['学校：没有任何数据行', '人员：没有任何数据行']);
  });
});

/**
 * What an office's own files look like (docs/spec/interfaces.md → Roster): Excel on Chinese
 * Windows saves "CSV (逗号分隔)" in GBK with CRLF and no byte-order mark, names the files after
 * the sheets, and people add columns and slip on names.
 */
describe('a roster an office can survive', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dudao-roster-office-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const gbk = join(import.meta.dirname, '../fixtures/roster-gbk');
  /** the demo district, with two principals renamed to names outside GB2312 (in GBK) */
  const renamed = () => {
    const r = demo();
    const people = r.people.map((p) =>
      p.id === 'pri-s01' ? { ...p, name: '李喆' } : p.id === 'pri-s02' ? { ...p, name: '张堃' } : p,
    );
    return { ...r, people };
  };

  it('reads 学校.csv, 人员.csv and 群聊.csv saved in GBK by Excel, names and all', async () => {
    // test/fixtures/roster-gbk was written by Python's gbk codec (an implementation independent
    // of ours) from examples/roster.json, as Excel writes CSV: CRLF, quotes only where needed
    const bytes = readFileSync(join(gbk, '人员.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    for (const f of ['学校.csv', '人员.csv', '群聊.csv']) {
      const r = await loadRosterFile(join(gbk, f), { year: 2026 });
      expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([]);
      if (!r.ok) return;
      expect({ ...r.roster, plan: [] }).toEqual({ ...renamed(), plan: [] });
      expect(r.roster.people.find((p) => p.id === 'pri-s01')!.name).toBe('李喆');
    }
  });

  it('decodes UTF-8 with and without a byte-order mark, UTF-16 with one, and GB18030', () => {
    const text = '编号,姓名\r\np1,李喆\r\n';
    expect(decodeCsv(Buffer.from(text, 'utf8')).text).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(
      text,
    );
    // 李喆 in GBK, written out byte by byte (GB18030 encodes it the same)
    const gbkBytes = Buffer.from([0xc0, 0xee, 0x86, 0xb4]);
    expect(decodeCsv(gbkBytes)).toEqual({ text: '李喆', encoding: 'gb18030' });
  });

  it('takes English and sheet names side by side, but not the same table twice', async () => {
    const sub = join(dir, 'both');
    mkdirSync(sub);
    for (const f of ['学校.csv', '人员.csv']) writeFileSync(join(sub, f), readFileSync(join(gbk, f)));
    writeFileSync(join(sub, 'Schools.CSV'), readFileSync(join(gbk, '学校.csv')));
    const r = await loadRosterFile(join(sub, '人员.csv'), { year: 2026 });
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([
      '学校：同一目录中有 Schools.CSV 和 学校.csv，是同一张表，请只保留一个',
    ]);
    writeFileSync(join(sub, 'roster.csv'), readFileSync(join(gbk, '学校.csv')));
    const other = await loadRosterFile(join(sub, 'roster.csv'), { year: 2026 });
    expect(other.ok ? [] : other.errors.map((e) => e.text)).toEqual([
      'CSV 文件应命名为 schools.csv 或 学校.csv，people.csv 或 人员.csv，chats.csv 或 群聊.csv，plan.csv 或 工作安排.csv（每张表一个文件，放在同一目录）',
    ]);
  });

  it('refuses a column nobody knows, naming the column meant, once, and reads a 备注 column past', async () => {
    const file = join(dir, 'columns.xlsx');
    await writeWorkbook(file, {
      学校: [
        ['编号', '名称', '类型', '责任区', '备注'],
        ['S1', '甲小学', '小学', '东片', '新建校'],
      ],
      人员: [
        ['编号', '姓名', '角色', '学校', '企业微信号', '手机号码', '邮箱'],
        ['p1', '李校长', '校长', 'S1', 'li', '13800000001', 'a@b.cn'],
        ['p2', '王校长', '校长', 'S1', 'wang', '13800000002', 'c@d.cn'],
      ],
    });
    const r = await loadRosterFile(file, { year: 2026 });
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([
      '人员 第1行『企业微信号』：不认识这一列，是不是『企业微信』？',
      '人员 第1行『手机号码』：不认识这一列，是不是『手机』？',
      '人员 第1行『邮箱』：不认识这一列，可用的列：编号、姓名、角色、学校、责任区、专职、企业微信、钉钉、手机、备注',
    ]);
  });

  it('a missing required column is one line, not one per row', async () => {
    const file = join(dir, 'nocolumn.xlsx');
    const rows = [['编号', '角色', '学校']];
    for (let i = 1; i <= 50; i++) rows.push([`p${i}`, '校长', 'S1']);
    await writeWorkbook(file, {
      学校: [
        ['编号', '名称', '类型', '责任区'],
        ['S1', '甲小学', '小学', '东片'],
      ],
      人员: rows,
    });
    const r = await loadRosterFile(file, { year: 2026 });
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual(['人员 第1行『姓名』：缺少这一列']);
  });

  it('refuses a JSON key nobody knows, with the entries carrying it and the key meant', () => {
    const j = demoJson();
    const carriers = j.people.filter((p: Record<string, unknown>) => 'wecomId' in p).length;
    for (const p of j.people) {
      if (!('wecomId' in p)) continue;
      p.wecom = p.wecomId; // the slip of issue 16: every person would lose their WeCom id
      delete p.wecomId;
    }
    j.school = j.schools;
    const r = normalizeJsonRoster(j, { year: 2026 });
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([
      '不认识的键『school』，是不是『schools』？',
      `人员『wecom』：不认识的键（第1条等 ${carriers} 条），是不是『wecomId』（企业微信）？`,
    ]);
    // the Chinese column names are keys too, and 备注 is read past
    const ok = normalizeJsonRoster(
      {
        schools: [{ 编号: 'A', 名称: '甲小学', 类型: '小学', 责任区: '东片', 备注: '新建' }],
        people: [{ id: 'p1', name: '王老师', roles: ['督学'], zones: ['东片'], 企业微信: 'wang' }],
      },
      { year: 2026 },
    );
    expect(ok.ok && ok.roster.people[0]!.wecomId).toBe('wang');
  });

  it('warns, without refusing, of two active people with one name and of mobile numbers that are not', () => {
    const r = normalizeJsonRoster(
      {
        schools: [{ id: 'A', name: '甲小学', type: '小学', zone: '东片' }],
        people: [
          {
            id: 'p1',
            name: '王芳',
            roles: ['督学'],
            zones: ['东片'],
            wecomId: 'w1',
            mobile: '138 0000 0001',
          },
          { id: 'p2', name: '王芳', roles: ['校长'], school: 'A', wecomId: 'w2', mobile: '1.38E+10' },
          {
            id: 'p3',
            name: '李明',
            roles: ['领导'],
            zones: ['全部'],
            wecomId: 'w3',
            mobile: '+86 139-0000-0003',
          },
          { id: 'p4', name: '赵强', roles: ['管理员'], dingtalkId: 'd4', mobile: '0755-8888888' },
        ],
      },
      { year: 2026 },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.text)).toEqual([
      '人员 第2条『姓名』：与第1条同名『王芳』：日报、通报和卡片上只写姓名，两人会分不清，建议在姓名后加注（如 王芳（学校））',
      '人员 第2条『手机』：手机号『1.38E+10』不是 11 位手机号，这个号码未导入',
      '人员 第4条『手机』：手机号『0755-8888888』不是 11 位手机号，这个号码未导入',
    ]);
    expect(r.roster.people.map((p) => p.mobile)).toEqual([
      '13800000001',
      undefined,
      '13900000003',
      undefined,
    ]);
  });
});
