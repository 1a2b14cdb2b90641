import {
  closest,
  columnHint,
  fileError,
  REMARK_COLUMNS,
  rosterError,
  tableNames,
  tables,
  type RawRow,
  type RawTables,
} from './columns.js';
import { zh } from '../text/zh-CN/index.js';

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
  const out: RawTables = { unit: 'entry', tables: {}, errors: [] };
  let data: unknown = source;
  if (typeof source === 'string') {
    try {
      data = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch (e) {
      out.errors.push(fileError(zh.roster.json.invalid((e as Error).message)));
      return out;
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    out.errors.push(fileError(zh.roster.json.notAnObject));
    return out;
  }
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (TOP_KEYS.includes(key)) continue;
    const near = closest(key, TOP_KEYS);
    // the key is named as the column: the file can be read, only this key is not known
    out.errors.push(fileError(zh.roster.json.unknownTopKey(key, near, [...tableNames]), key));
  }
  for (const name of tableNames) {
    const def = tables[name];
    const arr = obj[name] ?? obj[def.sheet];
    if (arr === undefined) {
      if (def.required)
        out.errors.push(
          rosterError(def.sheet, 'entry', undefined, undefined, zh.roster.json.missingArray(name)),
        );
      continue;
    }
    if (!Array.isArray(arr)) {
      out.errors.push(rosterError(def.sheet, 'entry', undefined, undefined, zh.roster.json.notAnArray(name)));
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
        out.errors.push(rosterError(def.sheet, 'entry', i + 1, undefined, zh.roster.json.entryNotAnObject));
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
      out.errors.push(
        rosterError(
          def.sheet,
          'entry',
          undefined,
          key,
          zh.roster.json.unknownKey(at, columnHint(def, key, true)),
        ),
      );
    }
    out.tables[name] = rows;
  }
  return out;
}
