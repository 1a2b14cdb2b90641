import { readFileSync, existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileError, type RawTables } from './columns.js';
import { readJsonRoster } from './read-json.js';
import { readCsvRoster } from './read-csv.js';
import { readXlsxRoster } from './read-xlsx.js';
import { normalizeRoster, type NormalizeResult } from './normalize.js';
import { zh } from '../text/zh-CN/index.js';

export type { RosterError } from './columns.js';

/** Read a roster file by its extension (.xlsx, .csv, .json) and normalise it; never throws on bad content. */
export async function loadRosterFile(file: string, opts: { year: number }): Promise<NormalizeResult> {
  if (!existsSync(file))
    return { ok: false, errors: [fileError(zh.roster.load.notFound(file))], warnings: [] };
  const ext = extname(file).toLowerCase();
  let raw: RawTables;
  if (ext === '.json') raw = readJsonRoster(readFileSync(file, 'utf8'));
  else if (ext === '.csv') raw = readCsvRoster(file);
  else if (ext === '.xlsx') raw = await readXlsxRoster(file);
  else
    return {
      ok: false,
      errors: [fileError(zh.roster.load.unsupported(ext || file))],
      warnings: [],
    };
  return normalizeRoster(raw, opts);
}

/** The JSON roster as an object (POST /api/v1/roster). */
export function normalizeJsonRoster(body: unknown, opts: { year: number }): NormalizeResult {
  return normalizeRoster(readJsonRoster(body), opts);
}
