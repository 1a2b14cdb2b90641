import { createRuntime } from '../runtime.js';
import { createStore } from '../store/redis-store.js';
import { loadRosterFile, type RosterError } from '../roster/load.js';
import { dayInZone } from '../domain/day.js';
import type { RosterImportResult } from '../store/store.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { tables } from '../roster/columns.js';
import { zh } from '../text/zh-CN/index.js';

export function formatImportSummary(r: RosterImportResult): string[] {
  const line = (name: string, c: RosterImportResult['schools']) =>
    zh.roster.cli.tally(name, c.added, c.updated, c.deactivated, c.unchanged);
  return [
    line(tables.schools.sheet, r.schools),
    line(tables.people.sheet, r.people),
    zh.roster.cli.chatsAndPlan(r.chats, r.plan),
    r.dryRun ? zh.roster.cli.dryRun : zh.roster.cli.imported,
  ];
}

/** Warnings do not stop the import; they are listed before its summary. */
export function formatWarnings(warnings: RosterError[]): string[] {
  if (!warnings.length) return [];
  return [zh.roster.cli.warnings(warnings.length), ...warnings.map((w) => `  ${w.text}`)];
}

/**
 * `import <file> [--dry-run]`: the roster from .xlsx, .csv or .json, all or nothing. The file is
 * read and checked before Redis is touched, so a file with mistakes changes nothing.
 */
export const importCommand: CliCommand = async ({ config, log, args, out, err }) => {
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run');
  if (unknown.length || files.length !== 1) {
    const why = unknown.length
      ? zh.cli.unknownArgument(unknown[0]!)
      : files.length === 0
        ? zh.roster.cli.noFile
        : zh.roster.cli.oneFile(files.length);
    for (const l of argumentError('import', why)) err(l);
    return 2;
  }
  const year = Number(dayInZone(new Date(), config.TIMEZONE).slice(0, 4));
  const parsed = await loadRosterFile(files[0]!, { year });
  if (!parsed.ok) {
    // a file that cannot be read at all (missing, wrong type) is one plain line, not "名单有 1 处错误";
    // a JSON key nobody knows (a file error naming its column) is a mistake in the roster
    if (parsed.errors.every((e) => e.sheet === zh.roster.file && e.column === undefined))
      for (const e of parsed.errors) err(zh.roster.cli.fileError(e.text));
    else {
      err(zh.roster.cli.errors(parsed.errors.length));
      for (const e of parsed.errors) err(e.text);
    }
    for (const l of formatWarnings(parsed.warnings)) err(l);
    return 1;
  }
  const rt = await createRuntime({ config, log });
  try {
    const result = await createStore(rt.redis, rt.prefix).importRoster(parsed.roster, { dryRun });
    for (const l of formatWarnings(parsed.warnings)) out(l);
    for (const l of formatImportSummary(result)) out(l);
    return 0;
  } finally {
    await rt.close();
  }
};
