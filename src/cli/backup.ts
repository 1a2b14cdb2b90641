import { resolve } from 'node:path';
import { backupRedis } from '../redis/backup.js';
import { restoreRedis } from '../redis/restore.js';
import { makeKeys } from '../store/keys.js';
import { DEFAULT_PREFIX } from '../queue/names.js';
import { createRuntime } from '../runtime.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { zh } from '../text/zh-CN/index.js';

export function parseBackupArgs(args: string[]): { dir: string; keep: number } | string {
  let dir: string | undefined;
  let keep = 14;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dir' || a.startsWith('--dir=')) dir = a === '--dir' ? args[++i] : a.slice(6);
    else if (a === '--keep' || a.startsWith('--keep=')) {
      const v = a === '--keep' ? args[++i] : a.slice(7);
      if (!v || !/^\d{1,4}$/.test(v) || Number(v) < 1) return zh.cli.backup.badKeep;
      keep = Number(v);
    } else return zh.cli.unknownArgument(a);
  }
  if (!dir) return zh.cli.backup.noDir;
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
    out(zh.cli.backup.done(r.file, mb(r.bytes), r.method === 'redis-cli'));
    if (r.deleted.length) out(zh.cli.backup.pruned(o.keep, r.deleted.length, r.deleted));
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
    const why = bad
      ? zh.cli.unknownArgument(bad)
      : files.length
        ? zh.cli.restore.oneFile
        : zh.cli.restore.noFile;
    for (const l of argumentError('restore', why)) err(l);
    return 2;
  }
  if (config.REDIS_URL) {
    err(zh.cli.restore.externalRedis);
    return 1;
  }
  const keys = makeKeys(DEFAULT_PREFIX);
  const r = await restoreRedis({
    file: files[0]!,
    dataDir: config.DATA_DIR,
    force,
    counterKeys: { records: keys.recordSeq, items: keys.itemSeq },
  });
  out(zh.cli.restore.done(resolve(config.DATA_DIR), r.keys, r.records, r.items));
  if (r.movedTo) out(zh.cli.restore.movedTo(r.movedTo));
  out(zh.cli.restore.next);
  return 0;
};
