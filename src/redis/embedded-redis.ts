// A private redis-server for one machine: started when REDIS_URL is unset (and by the tests on a
// free port). Durable by default: append-only file with `appendfsync always`, so a callback we
// answered 200 is on disk before the answer leaves. No RDB snapshots (the AOF is the record).
//
// Private (docs/security.md): it listens on 127.0.0.1 and requires a password generated at first
// start and kept in DATA_DIR (private-dir.ts), so another local user can neither read its files
// nor talk to it — an unauthenticated client gets NOAUTH, never PONG. Why a password and not a
// unix socket alone: every client (ioredis, BullMQ, redis-cli, the reliability harness) and every
// REDIS_URL form keep working unchanged, and a socket path under DATA_DIR can exceed the 107
// bytes a unix socket name allows. The password reaches redis-server on its stdin, never in its
// command line (which every local user can read in /proc).

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join, resolve } from 'node:path';
import { ensurePassword, makePrivate, PASSWORD_FILE } from './private-dir.js';
import { dataDirOwner, giveTo } from './data-dir-owner.js';

/** `hash-max-listpack-value` of the embedded Redis (see the arguments below). */
export const HASH_MAX_LISTPACK_VALUE = 512;

export interface EmbeddedRedis {
  /** redis://:<password>@127.0.0.1:<port> */
  url: string;
  port: number;
  /** requirepass, kept in DATA_DIR/redis.password */
  password: string;
  /** true when this process started it (and so must stop it) */
  owned: boolean;
  pid?: number;
  stop(): Promise<void>;
  kill9(): void;
}

export interface EmbeddedRedisOptions {
  dataDir: string;
  port?: number;
  durable?: boolean; // appendfsync always (default) or no AOF at all (throwaway test instances)
  /** reuse a running instance of this data dir (the CLI beside a running service) */
  reuse?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

/**
 * What Redis answers to a few inline commands over a raw socket (cheap, no client library): the
 * text received until `done` says it is complete, or undefined when nothing answers.
 */
function ask(port: number, commands: string[], done: (text: string) => boolean, timeoutMs: number) {
  return new Promise<string | undefined>((res) => {
    const sock = connect({ port, host: '127.0.0.1' });
    let text = '';
    let answered = false;
    const finish = (v: string | undefined) => {
      sock.destroy();
      res(v);
    };
    sock.setTimeout(timeoutMs, () => finish(answered ? text : undefined));
    sock.on('error', () => finish(answered ? text : undefined));
    sock.on('close', () => finish(answered ? text : undefined));
    sock.on('connect', () => sock.write(commands.map((c) => `${c}\r\n`).join('')));
    sock.on('data', (d) => {
      answered = true;
      text += d.toString();
      if (done(text)) finish(text);
    });
  });
}

const complete = (n: number) => (t: string) => t.split('\r\n').length > n;

/** PONG to a PING (after AUTH with `password`, when given)? */
export async function pingRedis(port: number, timeoutMs = 500, password?: string): Promise<boolean> {
  const cmds = password ? [`AUTH ${password}`, 'PING'] : ['PING'];
  const answer = await ask(port, cmds, complete(cmds.length), timeoutMs);
  const lines = answer?.split('\r\n') ?? [];
  return password ? lines[0] === '+OK' && lines[1] === '+PONG' : lines[0] === '+PONG';
}

/**
 * Whose Redis answers on `port`: `ours` (this password works), `other` (something answers but
 * not to this password: another instance, or one an earlier version started without a password),
 * `none`.
 */
export async function probeRedis(port: number, password: string, timeoutMs = 500) {
  const answer = await ask(port, [`AUTH ${password}`, 'PING'], complete(2), timeoutMs);
  if (answer === undefined) return 'none' as const;
  // a Redis without any password answers AUTH with an error and still PONGs: not ours
  const [auth, ping] = answer.split('\r\n');
  return auth === '+OK' && ping === '+PONG' ? ('ours' as const) : ('other' as const);
}

const portFile = (dataDir: string) => join(dataDir, 'redis.port');

export async function startEmbeddedRedis(opts: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const dataDir = resolve(opts.dataDir);
  // docs/security.md → "The embedded Redis is private": DATA_DIR 0700, its files 0600, a password
  makePrivate(dataDir);
  const password = ensurePassword(dataDir);
  // root running a `dudao` command on an installed server: DATA_DIR stays the service user's
  const owner = dataDirOwner(dataDir);
  giveTo(owner, join(dataDir, PASSWORD_FILE));
  const urlOf = (port: number) => `redis://:${password}@127.0.0.1:${port}`;
  if (opts.reuse !== false && existsSync(portFile(dataDir))) {
    const port = Number(readFileSync(portFile(dataDir), 'utf8').trim());
    const found = port > 0 ? await probeRedis(port, password) : 'none';
    if (found === 'ours') {
      return { url: urlOf(port), port, password, owned: false, stop: async () => {}, kill9: () => {} };
    }
    // a second redis-server on the same append-only file would corrupt it: never start one
    // while something answers on the port this DATA_DIR's Redis was last on
    if (found === 'other')
      throw new Error(
        `a Redis answers on port ${port} (${portFile(dataDir)}) but not to this DATA_DIR's password: ` +
          'stop the process that runs it (an earlier dudao?) before starting this one',
      );
  }
  const port = opts.port ?? (await freePort());
  const durable = opts.durable !== false;
  const args = [
    '-', // the configuration from stdin: the password never shows in the process list
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dataDir,
    '--save',
    '',
    '--daemonize',
    'no',
    '--maxmemory-policy',
    'noeviction',
    // Hashes whose every value fits this many bytes stay compact listpacks (the default is 64, a
    // problem text of 22 Chinese characters): the store then keeps an item's text in the item's
    // hash instead of a key of its own, about 150 B less per item (src/store/listpack-limit.ts,
    // docs/production.md → Redis memory settings).
    '--hash-max-listpack-value',
    String(HASH_MAX_LISTPACK_VALUE),
    '--loglevel',
    'warning',
    '--logfile',
    join(dataDir, 'redis.log'),
    ...(durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  // umask 077: the append-only files Redis writes and rewrites later, and its log, are 0600
  const child: ChildProcess = spawn(
    '/bin/sh',
    ['-c', 'umask 077 && exec redis-server "$@"', 'redis-server', ...args],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    },
  );
  child.stdin?.on('error', () => {}); // an early exit is reported below
  child.stdin?.end(`requirepass ${password}\n`);
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  const started = Date.now();
  while (!(await pingRedis(port, 500, password))) {
    if (spawnError) throw new Error(`cannot start redis-server: ${spawnError.message}`);
    if (child.exitCode !== null)
      throw new Error(
        child.exitCode === 127
          ? 'redis-server is not installed (apt-get install redis-server)'
          : `redis-server exited (${child.exitCode}); see ${join(dataDir, 'redis.log')}`,
      );
    if (Date.now() - started > 10_000) throw new Error('redis-server did not answer within 10 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  writeFileSync(portFile(dataDir), String(port), { mode: 0o600 });
  giveTo(owner, portFile(dataDir));
  let stopped = false;
  return {
    url: urlOf(port),
    port,
    password,
    owned: true,
    pid: child.pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null) {
        child.kill('SIGTERM'); // redis-server shuts down cleanly on SIGTERM (fsyncs the AOF)
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(portFile(dataDir), { force: true });
    },
    kill9() {
      stopped = true;
      child.kill('SIGKILL');
    },
  };
}
