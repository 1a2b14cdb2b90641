import { spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { access } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { RedisClient } from './connect.js';
import { isCluster } from './connect.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * A backup of the whole Redis as one RDB snapshot file (docs/production.md, Backups):
 * BGSAVE, wait until LASTSAVE moves (and the save reported ok), copy `dir/dbfilename` to
 * `<backupDir>/dudao-YYYYMMDD-HHMMSS.rdb`, then delete that directory's dudao-*.rdb older than
 * `keepDays`. An RDB file is self-contained and checksummed; `restore` turns it back into a
 * Redis with its append-only file.
 *
 * When the Redis's files are not on this machine or not readable (a Redis of the distribution,
 * /var/lib/redis 0750 redis:redis, or another host), the snapshot is fetched over the connection
 * with `redis-cli --rdb` (the replication protocol), which needs no file access at all.
 */
export interface BackupResult {
  file: string;
  bytes: number;
  method: 'copy' | 'redis-cli';
  deleted: string[];
}

const NAME = /^dudao-(\d{8})-(\d{6})\.rdb$/;

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** An RDB file starts with "REDIS" and a four-digit version. */
export function isRdb(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(9);
    readSync(fd, head, 0, 9, 0);
    return /^REDIS\d{4}$/.test(head.toString('latin1'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * BGSAVE and wait for it. LASTSAVE (seconds) tells a new save from the last one; should the last
 * one have ended in the current second, wait a second first so the new one is told apart.
 */
async function bgsave(redis: RedisClient, timeoutMs: number): Promise<void> {
  const before = Number(await redis.lastsave());
  const [serverSec] = await redis.time();
  if (before >= Number(serverSec)) await new Promise((r) => setTimeout(r, 1100));
  const started = Date.now();
  for (;;) {
    try {
      await redis.bgsave();
      break;
    } catch (e) {
      // "Background save already in progress", or an AOF rewrite running: wait, then again
      if (!/in progress|rewriting|scheduled/i.test((e as Error).message)) throw e;
      if (Date.now() - started > timeoutMs) throw new Error(zh.cli.backupFailed.busyTimeout);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  for (;;) {
    const info = await redis.info('persistence');
    if (!/rdb_bgsave_in_progress:1/.test(info) && Number(await redis.lastsave()) > before) {
      if (!/rdb_last_bgsave_status:ok/.test(info)) throw new Error(zh.cli.backupFailed.bgsave);
      return;
    }
    if (Date.now() - started > timeoutMs) throw new Error(zh.cli.backupFailed.bgsaveTimeout);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function redisFile(redis: RedisClient): Promise<string | undefined> {
  try {
    const [, dir] = (await redis.call('CONFIG', 'GET', 'dir')) as string[];
    const [, name] = (await redis.call('CONFIG', 'GET', 'dbfilename')) as string[];
    if (!dir || !name) return undefined;
    const file = isAbsolute(name) ? name : join(dir, name);
    await access(file, constants.R_OK);
    return file;
  } catch {
    return undefined;
  }
}

function fetchWithRedisCli(url: string, to: string): Promise<void> {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '6379', '--rdb', to];
  if (u.protocol === 'rediss:') args.unshift('--tls');
  if (u.username) args.unshift('--user', decodeURIComponent(u.username));
  const env = { ...process.env, ...(u.password ? { REDISCLI_AUTH: decodeURIComponent(u.password) } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', (e) => reject(new Error(zh.cli.backupFailed.noRedisCli(e.message))));
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(zh.cli.backupFailed.redisCli(stderr.trim().split('\n').pop() ?? String(code)))),
    );
  });
}

/** Delete `dudao-*.rdb` in `dir` older than `keepDays` days (by the time in the name). */
export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const deleted: string[] = [];
  for (const f of readdirSync(dir)) {
    const m = NAME.exec(f);
    if (!m) continue;
    const [y, mo, d] = [m[1]!.slice(0, 4), m[1]!.slice(4, 6), m[1]!.slice(6, 8)].map(Number);
    const [h, mi, s] = [m[2]!.slice(0, 2), m[2]!.slice(2, 4), m[2]!.slice(4, 6)].map(Number);
    const at = new Date(y!, mo! - 1, d!, h!, mi!, s!).getTime();
    if (at < cutoff) {
      rmSync(join(dir, f), { force: true });
      deleted.push(f);
    }
  }
  return deleted.sort();
}

export async function backupRedis(
  redis: RedisClient,
  o: {
    url: string;
    dir: string;
    keepDays: number;
    now?: Date;
    timeoutMs?: number;
    /** fetch over the wire even when the file is readable here (tests, and a Redis on another host) */
    via?: 'redis-cli';
  },
): Promise<BackupResult> {
  if (isCluster(redis)) throw new Error(zh.cli.backupFailed.cluster);
  const now = o.now ?? new Date();
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  const target = join(o.dir, `dudao-${stamp(now)}.rdb`);
  const partial = `${target}.part`;
  let method: BackupResult['method'] = 'copy';
  try {
    const source = o.via === 'redis-cli' ? undefined : await redisFile(redis);
    if (source) {
      await bgsave(redis, o.timeoutMs ?? 10 * 60_000);
      // Redis writes a temporary file and renames it: the copy opens one complete snapshot
      copyFileSync(source, partial);
    } else {
      method = 'redis-cli';
      await fetchWithRedisCli(o.url, partial);
    }
    if (!isRdb(partial)) throw new Error(zh.cli.backupFailed.notRdb);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  const deleted = pruneBackups(o.dir, o.keepDays, now);
  return { file: target, bytes: statSync(target).size, method, deleted };
}
