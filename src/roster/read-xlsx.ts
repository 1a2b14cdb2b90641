import type ExcelJS from 'exceljs';
import {
  closest,
  fileError,
  mapHeaders,
  tableNames,
  tables,
  type RawRow,
  type RawTables,
} from './columns.js';
import { zh } from '../text/zh-CN/index.js';

/** What a person sees in a cell, as a value: rich text and hyperlinks flattened, formulas' results. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
  if ('result' in v) return cellValue(v.result as ExcelJS.CellValue); // formula
  if ('error' in v) return '';
  return String(v);
}

/** The workbook's sheets 学校, 人员, 群聊 and 工作安排; row numbers are the sheet's own. */
export async function readXlsxRoster(input: string | Buffer): Promise<RawTables> {
  const out: RawTables = { unit: 'row', tables: {}, errors: [] };
  // loaded when a workbook is read, not at start-up: exceljs and its zip stack are ~0.7 s of module
  // evaluation and tens of MB in each thread that never reads one (src/reports/export-workbook.ts)
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    if (typeof input === 'string') await wb.xlsx.readFile(input);
    else await wb.xlsx.load(input as unknown as ArrayBuffer);
  } catch (e) {
    out.errors.push(fileError(zh.roster.xlsx.unreadable((e as Error).message)));
    return out;
  }
  for (const name of tableNames) {
    const def = tables[name];
    const ws = wb.getWorksheet(def.sheet);
    if (!ws) {
      if (def.required) {
        // other sheets (a 说明, a Sheet1) are read past; a misspelt one is named
        const names = wb.worksheets.map((w) => w.name);
        const near = closest(def.sheet, names);
        out.errors.push({
          sheet: def.sheet,
          text: zh.roster.xlsx.missingSheet(def.sheet, near, names),
        });
      }
      continue;
    }
    const header: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      header[col - 1] = String(cellValue(cell.value) ?? '');
    });
    for (let i = 0; i < header.length; i++) header[i] ??= '';
    const { keys, errors } = mapHeaders(def, header);
    out.errors.push(...errors);
    const rows: RawRow[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: Record<string, unknown> = {};
      let empty = true;
      keys.forEach((k, j) => {
        if (!k) return;
        const v = cellValue(row.getCell(j + 1).value);
        if (v !== '' && v !== null) empty = false;
        values[k] = v;
      });
      if (!empty) rows.push({ row: r, values });
    }
    out.tables[name] = rows;
  }
  return out;
}
