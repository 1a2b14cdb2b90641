import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mapHeaders, rosterError, tableNames, tables, type RawRow, type RawTables } from './columns.js';

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks, CRLF or LF, a UTF-8 BOM. */
export function parseCsv(src: string): string[][] {
  const s = src.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A table from CSV text: row 1 is the header; data rows keep their line number (第N行). */
export function csvTable(name: keyof typeof tables, src: string, out: RawTables): void {
  const def = tables[name];
  const [header = [], ...body] = parseCsv(src);
  const { keys, missing } = mapHeaders(def, header);
  for (const m of missing) out.errors.push(rosterError(def.sheet, '行', 1, m, '缺少这一列'));
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, unknown> = {};
    keys.forEach((k, j) => {
      if (k) values[k] = cells[j] ?? '';
    });
    rows.push({ row: i + 2, values });
  });
  out.tables[name] = rows;
}

/**
 * Given any of schools.csv, people.csv, chats.csv, plan.csv, read all of them from its folder;
 * schools and people must be there, chats and plan may be missing.
 */
export function readCsvRoster(file: string): RawTables {
  const dir = dirname(file);
  const out: RawTables = { unit: '行', tables: {}, errors: [] };
  const known = tableNames.map((n) => tables[n].file);
  if (!known.includes(basename(file))) {
    out.errors.push({
      sheet: '文件',
      text: `CSV 文件应命名为 ${known.join('、')}（每张表一个文件，放在同一目录）`,
    });
    return out;
  }
  for (const name of tableNames) {
    const def = tables[name];
    const path = join(dir, def.file);
    if (!existsSync(path)) {
      if (def.required)
        out.errors.push({
          sheet: def.sheet,
          text: `${def.sheet}：缺少文件 ${def.file}（应与 ${basename(file)} 放在同一目录）`,
        });
      continue;
    }
    csvTable(name, readFileSync(path, 'utf8'), out);
  }
  return out;
}
