import { resolve } from 'node:path';
import { backupRedis } from '../redis/backup.js';
import { restoreRedis } from '../redis/restore.js';
import { makeKeys } from '../store/keys.js';
import { DEFAULT_PREFIX } from '../queue/names.js';
import { createRuntime } from '../runtime.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';

export function parseBackupArgs(args: string[]): { dir: string; keep: number } | string {
  let dir: string | undefined;
  let keep = 14;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dir' || a.startsWith('--dir=')) dir = a === '--dir' ? args[++i] : a.slice(6);
    else if (a === '--keep' || a.startsWith('--keep=')) {
      const v = a === '--keep' ? args[++i] : a.slice(7);
      if (!v || !/^\d{1,4}$/.test(v) || Number(v) < 1)
        return '--keep 后面应是保留的天数（1 以上的整数），例如 --keep 30';
      keep = Number(v);
    } else return `不认识的参数 “${a}”`;
  }
  if (!dir) return '缺少 --dir：备份放在哪个目录，例如 --dir /var/backups/dudao';
  return { dir, keep };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** `backup --dir D [--keep N]`: one RDB snapshot of the whole Redis into D, older ones pruned. */
export const backupCommand: CliCommand = async ({ config, log, args, out, err }) => {
  const o = parseBackupArgs(args);
  if (typeof o === 'string') {
    for (const l of argumentError('backup', o)) err(l);
    return 2;
  }
  const rt = await createRuntime({ config, log });
  try {
    const r = await backupRedis(rt.redis, { url: rt.redisUrl, dir: resolve(o.dir), keepDays: o.keep });
    out(`已备份：${r.file}（${mb(r.bytes)}${r.method === 'redis-cli' ? '，经 redis-cli --rdb 取得' : ''}）`);
    if (r.deleted.length) out(`已删除 ${o.keep} 天前的备份 ${r.deleted.length} 份：${r.deleted.join('、')}`);
    return 0;
  } finally {
    await rt.close();
  }
};

/** `restore FILE [--force]`: a snapshot back into DATA_DIR (the embedded Redis; service stopped). */
export const restoreCommand: CliCommand = async ({ config, args, out, err }) => {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  const bad = files.find((a) => a.startsWith('--'));
  if (bad || files.length !== 1) {
    const why = bad ? `不认识的参数 “${bad}”` : files.length ? '只能给一个备份文件' : '缺少备份文件（.rdb）';
    for (const l of argumentError('restore', why)) err(l);
    return 2;
  }
  if (config.REDIS_URL) {
    err(
      'dudao restore：配置了 REDIS_URL（外部 Redis）。请在 Redis 所在的机器上恢复：停止 Redis，把备份文件放到它的数据目录（dir）并命名为 dbfilename（通常是 dump.rdb），以 appendonly no 启动，执行 CONFIG SET appendonly yes 并等 AOF 重写完成，再恢复原配置重启（见 docs/production.md）',
    );
    return 1;
  }
  const keys = makeKeys(DEFAULT_PREFIX);
  const r = await restoreRedis({
    file: files[0]!,
    dataDir: config.DATA_DIR,
    force,
    counterKeys: { records: keys.recordSeq, items: keys.itemSeq },
  });
  out(
    `已恢复到 ${resolve(config.DATA_DIR)}：${r.keys} 个键，督导记录编号到 DD-${r.records}，整改事项编号到 ZG-${r.items}`,
  );
  if (r.movedTo) out(`原有数据已移到 ${r.movedTo}（确认无误后可以删除）`);
  out('现在可以启动服务（systemctl start dudao），并用 dudao export 导出一个月份核对');
  return 0;
};
