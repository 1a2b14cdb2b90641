import { writeFile } from 'node:fs/promises';
import { createRuntime, type Runtime } from '../runtime.js';
import { createCalendar } from '../domain/calendar.js';
import { dayInZone } from '../domain/day.js';
import { createStore } from '../store/redis-store.js';
import { exportMonth } from '../reports/export-workbook.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { zh } from '../text/zh-CN/index.js';

export function parseExportArgs(args: string[]): { month: string; out: string } | string {
  let month: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--month' || a.startsWith('--month=')) month = a === '--month' ? args[++i] : a.slice(8);
    else if (a === '--out' || a.startsWith('--out=')) out = a === '--out' ? args[++i] : a.slice(6);
    else return zh.cli.unknownArgument(a);
  }
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return zh.cli.export.badMonth;
  if (!out) return zh.cli.export.noOut;
  if (!out.toLowerCase().endsWith('.xlsx')) return zh.cli.export.notXlsx;
  return { month, out };
}

/** `export`: the month's records, items, statistics and overdue notice as one .xlsx workbook. */
export async function runExportCli(
  rt: Runtime,
  o: { month: string; out: string },
  out: (l: string) => void,
): Promise<number> {
  const today = dayInZone(rt.now(), rt.config.TIMEZONE);
  const store = createStore(rt.redis, rt.prefix);
  const { buffer, data } = await exportMonth(store, o.month, {
    calendar: createCalendar(),
    timeZone: rt.config.TIMEZONE,
    today,
    ...(rt.config.OFFICE_NAME ? { officeName: rt.config.OFFICE_NAME } : {}),
  });
  await writeFile(o.out, buffer);
  const [y, m] = o.month.split('-');
  out(
    zh.cli.export.done(
      y!,
      Number(m),
      data.records.length,
      data.items.length,
      data.carried.length,
      data.notice.items.length,
      o.out,
    ),
  );
  return 0;
}

export const exportCommand: CliCommand = async ({ config, log, args, out, err }) => {
  const o = parseExportArgs(args);
  if (typeof o === 'string') {
    for (const l of argumentError('export', o)) err(l);
    return 2;
  }
  const rt = await createRuntime({ config, log });
  try {
    return await runExportCli(rt, o, out);
  } finally {
    await rt.close();
  }
};
