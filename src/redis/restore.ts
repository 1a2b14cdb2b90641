import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './embedded-redis.js';
import { isRdb } from './backup.js';
import { dataDirOwner, giveTo } from './data-dir-owner.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * `dudao restore <file.rdb>`: a snapshot made by `dudao backup` back into DATA_DIR, for the
 * embedded Redis (the service must be stopped). What DATA_DIR held is never deleted: it moves to
 * DATA_DIR/before-restore-<time>/.
 *
 * How: a private redis-server (127.0.0.1, a free port, a one-time password) starts on the
 * snapshot with the append-only file off, `CONFIG SET appendonly yes` has it write the append-only
 * file from memory (Redis's documented way from RDB to AOF, the same on 6.2 and 7), and a clean
 * SHUTDOWN leaves DATA_DIR as the embedded Redis expects it: appendonlydir/ (or appendonly.aof).
 */
export interface RestoreResult {
  keys: number;
  records: number;
  items: number;
  movedTo?: string;
}

/** What the embedded Redis keeps in DATA_DIR; the rest (media, redis.log, exports) stays. */
const DATA_FILES = ['appendonlydir', 'appendonly.aof', 'dump.rdb'];

function listening(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.setTimeout(500, () => (s.destroy(), res(false)));
    s.once('error', () => res(false));
    s.once('connect', () => (s.destroy(), res(true)));
  });
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Files written as root in a DATA_DIR that belongs to the service's user go back to that user. */
function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (lstatSync(path).isDirectory()) for (const e of readdirSync(path)) chownTree(join(path, e), uid, gid);
}

export async function restoreRedis(o: {
  file: string;
  dataDir: string;
  force: boolean;
  /** the store's counters: `<prefix>:seq:dd`, `<prefix>:seq:zg` */
  counterKeys: { records: string; items: string };
  now?: Date;
  timeoutMs?: number;
}): Promise<RestoreResult> {
  const file = resolve(o.file);
  const dataDir = resolve(o.dataDir);
  if (!existsSync(file)) throw new Error(zh.cli.restoreFailed.notFound(o.file));
  if (!isRdb(file)) throw new Error(zh.cli.restoreFailed.notRdb(o.file));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const portFile = join(dataDir, 'redis.port');
  if (existsSync(portFile)) {
    const port = Number(readFileSync(portFile, 'utf8').trim());
    if (port > 0 && (await listening(port)))
      throw new Error(zh.cli.restoreFailed.serviceRunning(dataDir, port));
  }
  // as root on an installed server, what is restored stays the service user's (data-dir-owner.ts)
  const owner = dataDirOwner(dataDir);
  const present = DATA_FILES.filter((f) => existsSync(join(dataDir, f)));
  let movedTo: string | undefined;
  if (present.length) {
    if (!o.force) throw new Error(zh.cli.restoreFailed.dataPresent(dataDir, present));
    movedTo = join(dataDir, `before-restore-${stamp(o.now ?? new Date())}`);
    mkdirSync(movedTo, { mode: 0o700 });
    giveTo(owner, movedTo);
    for (const f of present) renameSync(join(dataDir, f), join(movedTo, f));
  }
  const rdb = join(dataDir, 'dump.rdb');
  copyFileSync(file, rdb);
  chmodSync(rdb, 0o600);
  giveTo(owner, rdb);

  const port = await freePort();
  // a one-time password, given on stdin (never in the process list), as embedded-redis.ts does
  const password = randomBytes(24).toString('hex');
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'umask 077 && exec redis-server "$@"',
      'redis-server',
      '-',
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dataDir,
      '--dbfilename',
      'dump.rdb',
      '--appendonly',
      'no',
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      join(dataDir, 'restore-redis.log'),
    ],
    { stdio: ['pipe', 'ignore', 'ignore'], ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) },
  );
  child.stdin?.on('error', () => {});
  child.stdin?.end(`requirepass ${password}\n`);
  const exited = new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  const redis = new Redis({
    port,
    host: '127.0.0.1',
    password,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  const deadline = Date.now() + (o.timeoutMs ?? 10 * 60_000);
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  try {
    // started, and done loading the snapshot
    for (;;) {
      if (spawnError) throw new Error(zh.cli.restoreFailed.spawn(spawnError.message));
      if (child.exitCode !== null)
        throw new Error(
          zh.cli.restoreFailed.exited(String(child.exitCode), join(dataDir, 'restore-redis.log')),
        );
      try {
        if (redis.status !== 'ready') await redis.connect();
        if (/loading:0/.test(await redis.info('persistence'))) break;
      } catch {
        redis.disconnect();
      }
      if (Date.now() > deadline) throw new Error(zh.cli.restoreFailed.loadTimeout);
      await wait(100);
    }
    const keys = await redis.dbsize();
    const records = Number((await redis.get(o.counterKeys.records)) ?? 0);
    const items = Number((await redis.get(o.counterKeys.items)) ?? 0);
    await redis.config('SET', 'appendonly', 'yes');
    for (;;) {
      const info = await redis.info('persistence');
      if (
        /aof_enabled:1/.test(info) &&
        /aof_rewrite_in_progress:0/.test(info) &&
        /aof_rewrite_scheduled:0/.test(info)
      ) {
        if (!/aof_last_bgrewrite_status:ok/.test(info)) throw new Error(zh.cli.restoreFailed.aofFailed);
        break;
      }
      if (Date.now() > deadline) throw new Error(zh.cli.restoreFailed.aofTimeout);
      await wait(100);
    }
    await redis.call('SHUTDOWN', 'NOSAVE').catch(() => {}); // the connection closes as Redis exits
    if ((await exited) !== 0)
      throw new Error(zh.cli.restoreFailed.notStopped(join(dataDir, 'restore-redis.log')));
    rmSync(rdb, { force: true });
    if (owner)
      for (const f of DATA_FILES)
        if (existsSync(join(dataDir, f))) chownTree(join(dataDir, f), owner.uid, owner.gid);
    return { keys, records, items, ...(movedTo ? { movedTo } : {}) };
  } catch (e) {
    // leave DATA_DIR as it was: what this restore wrote goes, what was there comes back
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    for (const f of DATA_FILES) rmSync(join(dataDir, f), { recursive: true, force: true });
    if (movedTo) {
      for (const f of readdirSync(movedTo)) renameSync(join(movedTo, f), join(dataDir, f));
      rmSync(movedTo, { recursive: true, force: true });
    }
    throw e;
  } finally {
    redis.disconnect();
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}
