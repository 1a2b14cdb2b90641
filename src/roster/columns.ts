import { zh } from '../text/zh-CN/index.js';

/**
 * The roster's tables as office staff write them (docs/spec/interfaces.md → Roster): sheet names
 * and Chinese column headers, mapped to the English keys of the JSON form. Headers are matched
 * after trimming; the English key is accepted as a header too. A header the import does not know
 * stops it, naming the closest known one: a typo must not silently drop a whole column.
 */
export type TableName = 'schools' | 'people' | 'chats' | 'plan';

export interface TableDef {
  sheet: string;
  /** the CSV file's English name; `<sheet>.csv` (学校.csv) is accepted as well */
  file: string;
  required: boolean;
  columns: Record<string, string>; // English key → Chinese header
  requiredColumns: string[];
}

export const tables: Record<TableName, TableDef> = {
  schools: {
    sheet: '学校',
    file: 'schools.csv',
    required: true,
    columns: { id: '编号', name: '名称', shortNames: '简称', type: '类型', nature: '性质', zone: '责任区' },
    requiredColumns: ['id', 'name', 'type', 'zone'],
  },
  people: {
    sheet: '人员',
    file: 'people.csv',
    required: true,
    columns: {
      id: '编号',
      name: '姓名',
      roles: '角色',
      school: '学校',
      zones: '责任区',
      fullTime: '专职',
      wecomId: '企业微信',
      dingtalkId: '钉钉',
      mobile: '手机',
    },
    requiredColumns: ['id', 'name', 'roles'],
  },
  chats: {
    sheet: '群聊',
    file: 'chats.csv',
    required: false,
    columns: { platform: '平台', chatId: '群ID', name: '名称', binding: '绑定' },
    requiredColumns: ['platform', 'chatId', 'binding'],
  },
  plan: {
    sheet: '工作安排',
    file: 'plan.csv',
    required: false,
    columns: { month: '月份', content: '工作内容', kind: '类型', topic: '主题' },
    requiredColumns: ['month', 'content'],
  },
};

export const tableNames = Object.keys(tables) as TableName[];

/** A column an office keeps for itself in any table; read past, never refused (input, not text). */
export const REMARK_COLUMN = '备注';
export const REMARK_COLUMNS = new Set([REMARK_COLUMN, 'remark']);

/** One row of a table, keyed by English column keys. `row` is how a person finds it again. */
export interface RawRow {
  row: number;
  values: Record<string, unknown>;
}

export interface RawTables {
  /** rows of sheets and CSV files (row 1 is the header), or entries of JSON arrays */
  unit: RowUnit;
  tables: Partial<Record<TableName, RawRow[]>>;
  /**
   * errors in the file's shape (a missing sheet, file or column, a column or key nobody knows):
   * reported alone, before any row is read, so a missing column is one line and not one per row
   */
  errors: RosterError[];
}

export type RowUnit = 'row' | 'entry';

export interface RosterError {
  sheet: string;
  row?: number;
  column?: string;
  /** the whole line as shown: 人员 第7行『学校』：未找到学校『龙泉小』 */
  text: string;
}

export function rosterError(
  sheet: string,
  unit: RowUnit,
  row: number | undefined,
  column: string | undefined,
  message: string,
): RosterError {
  return { sheet, row, column, text: zh.roster.line(sheet, row, zh.roster.units[unit], column, message) };
}

/** A mistake about the file as a whole (it cannot be read, or is not a roster). */
export function fileError(text: string, column?: string): RosterError {
  return column ? { sheet: zh.roster.file, column, text } : { sheet: zh.roster.file, text };
}

/** A mistake about a whole sheet (or CSV file, or JSON array). */
export function sheetError(sheet: string, message: string): RosterError {
  return { sheet, text: zh.roster.sheetLine(sheet, message) };
}

/** Edit distance (insertions, deletions, substitutions), by code point. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The known name closest to `name` (case ignored), when it is close enough to be a slip: within
 * half the known name's length, or one contains the other (`wecom` → `wecomId`, `手机号码` → `手机`).
 */
export function closest(name: string, known: string[]): string | undefined {
  const n = name.toLowerCase();
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const kk = k.toLowerCase();
    const shorter = Math.min([...kk].length, [...n].length);
    const contains = shorter >= 2 && (kk.includes(n) || n.includes(kk));
    const d = contains ? Math.abs([...kk].length - [...n].length) : editDistance(n, kk);
    if ((contains || d <= Math.max(1, Math.floor([...k].length / 2))) && (!best || d < best.d))
      best = { k, d };
  }
  return best?.k;
}

/** '是不是『企业微信』？' or, with nothing close, the known columns to choose from. */
export function columnHint(def: TableDef, name: string, json: boolean): string {
  const keys = Object.keys(def.columns);
  const headers = Object.values(def.columns);
  const cn = closest(name, headers);
  const en = closest(name, keys);
  // a Latin slip is answered with the key, a Chinese one with the header; both name the other
  if (en && (!cn || /^[\x20-\x7e]+$/.test(name))) return zh.roster.columns.keyMeant(en, def.columns[en]!);
  if (cn) {
    const key = keys.find((k) => def.columns[k] === cn)!;
    return zh.roster.columns.headerMeant(cn, json ? key : undefined);
  }
  const list = json ? keys.map((k) => zh.roster.columns.keyWithHeader(k, def.columns[k]!)) : headers;
  return zh.roster.columns.available(json, [...list, REMARK_COLUMN]);
}

/**
 * Map a header row (cell texts) to English keys. Empty header cells and 备注 are read past; a
 * header nobody knows, or one given twice, is an error naming it (and the closest known one);
 * so is each required column that is missing (one line each, not one per row).
 */
export function mapHeaders(
  def: TableDef,
  headers: string[],
): { keys: (string | undefined)[]; errors: RosterError[] } {
  const byHeader = new Map<string, string>();
  for (const [key, cn] of Object.entries(def.columns)) {
    byHeader.set(cn, key);
    byHeader.set(key.toLowerCase(), key);
  }
  const errors: RosterError[] = [];
  const seen = new Map<string, string>(); // key → the header that gave it
  const keys = headers.map((h) => {
    const name = h.trim().replace(/\s+/g, '');
    if (!name || REMARK_COLUMNS.has(name)) return undefined;
    const key = byHeader.get(name) ?? byHeader.get(name.toLowerCase());
    if (!key) {
      errors.push(
        rosterError(def.sheet, 'row', 1, name, zh.roster.columns.unknown(columnHint(def, name, false))),
      );
      return undefined;
    }
    if (seen.has(key)) {
      errors.push(rosterError(def.sheet, 'row', 1, name, zh.roster.columns.twice(seen.get(key)!)));
      return undefined;
    }
    seen.set(key, name);
    return key;
  });
  for (const k of def.requiredColumns)
    if (!keys.includes(k))
      errors.push(rosterError(def.sheet, 'row', 1, def.columns[k], zh.roster.columns.missing));
  return { keys, errors };
}
