import {
  closest,
  columnHint,
  REMARK_COLUMNS,
  rosterError,
  tableNames,
  tables,
  type RawRow,
  type RawTables,
} from './columns.js';

/** The object's own keys: the tables by English key or sheet name. */
const TOP_KEYS = tableNames.flatMap((n) => [n, tables[n].sheet]);

/**
 * The JSON roster (docs/spec/interfaces.md → Roster): one object with arrays `schools`, `people`,
 * `chats` (+ `plan`), English keys; Chinese keys and the sheet names are accepted as well. Entries
 * count from 1 (第N条). A key the import does not know, at the top or in an entry, stops it, named
 * once per table with the entries that carry it and the closest known key: a `wecom` written for
 * `wecomId` must not silently drop every person's WeCom id.
 */
export function readJsonRoster(source: string | unknown): RawTables {
  const out: RawTables = { unit: '条', tables: {}, errors: [] };
  let data: unknown = source;
  if (typeof source === 'string') {
    try {
      data = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch (e) {
      out.errors.push({ sheet: '文件', text: `文件不是有效的 JSON：${(e as Error).message}` });
      return out;
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    out.errors.push({ sheet: '文件', text: '文件应为一个 JSON 对象，含 schools、people、chats 三个数组' });
    return out;
  }
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (TOP_KEYS.includes(key)) continue;
    const near = closest(key, TOP_KEYS);
    out.errors.push({
      sheet: '文件',
      text: `不认识的键『${key}』，${near ? `是不是『${near}』？` : `可用的键：${tableNames.join('、')}`}`,
    });
  }
  for (const name of tableNames) {
    const def = tables[name];
    const arr = obj[name] ?? obj[def.sheet];
    if (arr === undefined) {
      if (def.required)
        out.errors.push(rosterError(def.sheet, '条', undefined, undefined, `缺少数组『${name}』`));
      continue;
    }
    if (!Array.isArray(arr)) {
      out.errors.push(rosterError(def.sheet, '条', undefined, undefined, `『${name}』应为数组`));
      continue;
    }
    const byKey = new Map<string, string>();
    for (const [k, cn] of Object.entries(def.columns)) {
      byKey.set(k, k);
      byKey.set(cn, k);
    }
    const unknown = new Map<string, number[]>(); // key → entries that carry it
    const rows: RawRow[] = [];
    arr.forEach((entry, i) => {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        out.errors.push(rosterError(def.sheet, '条', i + 1, undefined, '应为一个对象'));
        return;
      }
      const values: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(entry as Record<string, unknown>)) {
        const k = byKey.get(key);
        if (k) values[k] = v;
        else if (!REMARK_COLUMNS.has(key)) unknown.set(key, [...(unknown.get(key) ?? []), i + 1]);
      }
      rows.push({ row: i + 1, values });
    });
    for (const [key, at] of unknown) {
      const where = at.length === 1 ? `第${at[0]}条` : `第${at[0]}条等 ${at.length} 条`;
      out.errors.push(
        rosterError(def.sheet, '条', undefined, key, `不认识的键（${where}），${columnHint(def, key, true)}`),
      );
    }
    out.tables[name] = rows;
  }
  return out;
}
