/**
 * Writes examples/roster.xlsx from examples/roster.json, the way an office would type it:
 * sheets 学校, 人员, 群聊, 工作安排 with Chinese headers, lists joined with 、, 专职 as 是/否.
 * Run: node --import tsx scripts/make-example-roster.ts [in.json] [out.xlsx]
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tables, tableNames } from '../src/roster/columns.js';

const [inFile = 'examples/roster.json', outFile = 'examples/roster.xlsx'] = process.argv.slice(2);
const data = JSON.parse(readFileSync(inFile, 'utf8')) as Record<string, Record<string, unknown>[]>;

const roleCn: Record<string, string> = {
  supervisor: '督学',
  principal: '校长',
  leader: '领导',
  admin: '管理员',
};
function cell(key: string, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'month' && typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    return m ? `${m[1]}年${Number(m[2])}月` : v;
  }
  if (Array.isArray(v))
    return v.map((x) => (key === 'roles' ? (roleCn[String(x)] ?? String(x)) : String(x))).join('、');
  return String(v);
}

const wb = new ExcelJS.Workbook();
wb.creator = 'dudao';
// a fixed date keeps the generated file byte-stable between runs
wb.created = wb.modified = new Date('2026-01-05T00:00:00Z');
for (const name of tableNames) {
  const def = tables[name];
  const rows = data[name] ?? [];
  const ws = wb.addWorksheet(def.sheet);
  const keys = Object.keys(def.columns);
  ws.columns = keys.map((k) => ({
    header: def.columns[k],
    key: k,
    width: k === 'content' ? 60 : k === 'name' || k === 'chatId' ? 22 : 14,
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const values: Record<string, string> = {};
    for (const k of keys) values[k] = cell(k, r[k]);
    const row = ws.addRow(values);
    // ids such as 0312456789 must stay text, not become numbers
    row.eachCell((c) => {
      c.numFmt = '@';
    });
  }
}
await wb.xlsx.writeFile(outFile);
process.stdout.write(`wrote ${outFile}\n`);
