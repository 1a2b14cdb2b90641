import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * A private redis-server for one machine: started when REDIS_URL is unset (and by the tests on a
 * free port). Durable by default: append-only file with `appendfsync always`, so a callback we
 * answered 200 is on disk before the answer leaves. No RDB snapshots (the AOF is the record).
 */
export interface EmbeddedRedis {
  url: string;
  port: number;
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

/** PING over a raw socket: cheap, needs no client library. */
export function pingRedis(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((res) => {
    const sock = connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      sock.destroy();
      res(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

const portFile = (dataDir: string) => join(dataDir, 'redis.port');

export async function startEmbeddedRedis(opts: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (opts.reuse !== false && existsSync(portFile(dataDir))) {
    const port = Number(readFileSync(portFile(dataDir), 'utf8').trim());
    if (port > 0 && (await pingRedis(port))) {
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        owned: false,
        stop: async () => {},
        kill9: () => {},
      };
    }
  }
  const port = opts.port ?? (await freePort());
  const durable = opts.durable !== false;
  const args = [
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
    '--loglevel',
    'warning',
    '--logfile',
    join(dataDir, 'redis.log'),
    ...(durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  const started = Date.now();
  while (!(await pingRedis(port))) {
    if (spawnError) throw new Error(`cannot start redis-server: ${spawnError.message}`);
    if (child.exitCode !== null)
      throw new Error(`redis-server exited (${child.exitCode}); see ${join(dataDir, 'redis.log')}`);
    if (Date.now() - started > 10_000) throw new Error('redis-server did not answer within 10 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  writeFileSync(portFile(dataDir), String(port));
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
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
