import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadRosterFile, normalizeJsonRoster } from '../../src/roster/load.js';
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
    expect(r.ok ? [] : r.errors.map((e) => e.text)).toEqual([
      '学校 第1行『责任区』：缺少这一列',
      '缺少工作表『人员』',
      '学校：没有任何数据行',
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
