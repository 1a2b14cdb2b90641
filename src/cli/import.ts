import { createRuntime } from '../runtime.js';
import { createStore } from '../store/redis-store.js';
import { loadRosterFile, type RosterError } from '../roster/load.js';
import { dayInZone } from '../domain/day.js';
import type { RosterImportResult } from '../store/store.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';

export function formatImportSummary(r: RosterImportResult): string[] {
  const line = (name: string, c: RosterImportResult['schools']) =>
    `${name}：新增 ${c.added}，更新 ${c.updated}，停用 ${c.deactivated}，未变 ${c.unchanged}`;
  return [
    line('学校', r.schools),
    line('人员', r.people),
    `群聊：${r.chats} 个；工作安排：${r.plan} 条`,
    r.dryRun ? '（试运行：只检查，未写入任何数据）' : '名单已导入。',
  ];
}

/** Warnings do not stop the import; they are listed before its summary. */
export function formatWarnings(warnings: RosterError[]): string[] {
  if (!warnings.length) return [];
  return [`请注意（${warnings.length} 处，不影响导入）：`, ...warnings.map((w) => `  ${w.text}`)];
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
      ? `不认识的参数 “${unknown[0]}”`
      : files.length === 0
        ? '缺少名单文件'
        : `只能给一个文件，收到 ${files.length} 个`;
    for (const l of argumentError('import', why)) err(l);
    return 2;
  }
  const year = Number(dayInZone(new Date(), config.TIMEZONE).slice(0, 4));
  const parsed = await loadRosterFile(files[0]!, { year });
  if (!parsed.ok) {
    // a file that cannot be read at all (missing, wrong type) is one plain line, not "名单有 1 处错误"
    if (parsed.errors.every((e) => e.sheet === '文件' && !e.text.includes('不认识的键')))
      for (const e of parsed.errors) err(`dudao import：${e.text}`);
    else {
      err(`名单有 ${parsed.errors.length} 处错误，未导入任何数据：`);
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
