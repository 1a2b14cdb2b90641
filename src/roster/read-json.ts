import { rosterError, tableNames, tables, type RawRow, type RawTables } from './columns.js';

/**
 * The JSON roster (docs/spec/interfaces.md): one object with arrays `schools`, `people`, `chats` (+ `plan`),
 * English keys; Chinese keys and the sheet names are accepted as well. Entries count from 1 (第N条).
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
    const byCn = new Map(Object.entries(def.columns).map(([k, cn]) => [cn, k]));
    const rows: RawRow[] = [];
    arr.forEach((entry, i) => {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        out.errors.push(rosterError(def.sheet, '条', i + 1, undefined, '应为一个对象'));
        return;
      }
      const values: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(entry as Record<string, unknown>))
        values[byCn.get(key) ?? key] = v;
      rows.push({ row: i + 1, values });
    });
    out.tables[name] = rows;
  }
  return out;
}
