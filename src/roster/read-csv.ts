import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import {
  fileError,
  mapHeaders,
  sheetError,
  tableNames,
  tables,
  type RawRow,
  type RawTables,
  type TableName,
} from './columns.js';
import { zh } from '../text/zh-CN/index.js';

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks, CRLF or LF. */
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

/**
 * A CSV file's bytes as text. Excel on Chinese Windows saves "CSV (逗号分隔)" in the system code
 * page, GBK (code page 936), and "CSV UTF-8" with a byte-order mark; "Unicode 文本" is UTF-16LE
 * with its mark. Without a mark, bytes that are valid UTF-8 are UTF-8 (GBK text almost never is),
 * anything else is read as GB18030, the superset of GBK (iconv-lite: no dependence on the Node
 * build's ICU data).
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'utf-16le' | 'gb18030' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** A table from CSV text: row 1 is the header; data rows keep their line number (第N行). */
export function csvTable(name: TableName, src: string, out: RawTables): void {
  const def = tables[name];
  const [header = [], ...body] = parseCsv(src);
  const { keys, errors } = mapHeaders(def, header);
  out.errors.push(...errors);
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

/** The names a table's CSV file may have: schools.csv or 学校.csv (letter case ignored). */
const fileNames = (t: TableName) => [tables[t].file, `${tables[t].sheet}.csv`];

/**
 * Given any of the tables' CSV files, read all of them from its folder; schools and people must be
 * there, chats and plan may be missing. Each file may be UTF-8 or GBK (decodeCsv).
 */
export function readCsvRoster(file: string): RawTables {
  const dir = dirname(file);
  const out: RawTables = { unit: 'row', tables: {}, errors: [] };
  const given = basename(file).normalize('NFC').toLowerCase();
  if (!tableNames.some((t) => fileNames(t).some((n) => n.toLowerCase() === given))) {
    out.errors.push(fileError(zh.roster.csv.naming(tableNames.map(fileNames))));
    return out;
  }
  const present = existsSync(dir) ? readdirSync(dir) : [];
  for (const name of tableNames) {
    const def = tables[name];
    const wanted = fileNames(name).map((n) => n.toLowerCase());
    const found = present.filter((f) => wanted.includes(f.normalize('NFC').toLowerCase()));
    if (found.length > 1) {
      out.errors.push(sheetError(def.sheet, zh.roster.csv.twice(found)));
      continue;
    }
    if (found.length === 0) {
      if (def.required)
        out.errors.push(sheetError(def.sheet, zh.roster.csv.missing(fileNames(name), basename(file))));
      continue;
    }
    csvTable(name, decodeCsv(readFileSync(join(dir, found[0]!))).text, out);
  }
  return out;
}
