// The real service as child processes (`node bin/dudao.mjs serve|web|worker`, and the one-shot
// commands), each test with its own durable Redis (AOF, appendfsync always) or a local 3-master
// Cluster, and the fake WeCom/DingTalk API (test/fakes/fake-platform.ts) in the test process.
// Everything started goes into a `Scope`; `scope.close()` (afterAll) kills what is left — children
// with SIGKILL, Redis included — and removes the temp dirs, whatever happened. The reliability,
// security and outbound tests and bench/soak.ts stand on it.
//
//   const scope = new Scope();
//   const redis = await startRedis(scope);
//   const fake = await startFake(scope);
//   await importDemoRoster(client(scope, redis.url));       // test/helpers/district.ts
//   const svc = await startRole(scope, 'serve', serviceEnv({ redisUrl: redis.url, apiBase: fake.url }));
//   …
//   afterAll(() => scope.close());

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import {
  freePort,
  pingRedis,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from '../../src/redis/embedded-redis.js';
import { connectRedis, type RedisClient } from '../../src/redis/connect.js';
import { FakePlatform } from '../fakes/fake-platform.js';
import { WECOM_TEST, wecomEnv } from '../helpers/wecom-sign.js';
import { DINGTALK_TEST, dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { waitFor } from '../helpers/wait-for.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/dudao.mjs');

/** How long a child may take to start: tsx compiles on the fly, and a 2-core machine may be busy. */
const START_MS = 120_000;

/** Cleanup registry: run in reverse order, every step even when one fails. */
export class Scope {
  private steps: (() => unknown)[] = [];
  defer(step: () => unknown): void {
    this.steps.push(step);
  }
  tmp(name: string): string {
    const dir = mkdtempSync(join(tmpdir(), `dudao-rel-${name}-`));
    this.defer(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  async close(): Promise<void> {
    const steps = this.steps.reverse();
    this.steps = [];
    for (const s of steps) {
      try {
        await s();
      } catch {
        /* keep going: everything must be released */
      }
    }
  }
}

// ---------------------------------------------------------------- Redis

export interface RedisNode {
  url: string;
  port: number;
  dir: string;
  /** SIGKILL, then wait until the port no longer answers */
  kill9(): Promise<void>;
  /** start it again on the same port and data dir (the AOF is replayed) */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A durable Redis of our own: AOF on, appendfsync always (startEmbeddedRedis's default). */
export async function startRedis(scope: Scope, name = 'redis'): Promise<RedisNode> {
  const dir = scope.tmp(name);
  let r: EmbeddedRedis = await startEmbeddedRedis({ dataDir: dir, reuse: false });
  const port = r.port;
  const node: RedisNode = {
    url: r.url,
    port,
    dir,
    async kill9() {
      r.kill9();
      await waitFor('redis to die', async () => !(await pingRedis(port, 200, r.password)), 10_000, 50);
    },
    async restart() {
      r = await startEmbeddedRedis({ dataDir: dir, reuse: false, port });
    },
    stop: () => r.stop(),
  };
  scope.defer(() => r.stop());
  return node;
}

export interface LocalCluster {
  /** comma list of node URLs, as REDIS_URL takes it */
  url: string;
  ports: number[];
}

/** Three masters, no replicas, each in its own temp dir, joined with `redis-cli --cluster create`. */
export async function startCluster(scope: Scope, masters = 3): Promise<LocalCluster> {
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) {
    let port = await freePort();
    // cluster bus = port + 10000: must be free too
    while (port + 10_000 > 65_535 || ports.includes(port)) port = await freePort();
    const dir = scope.tmp(`cluster${i}`);
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, 'nodes.conf'),
        '--cluster-node-timeout',
        '5000',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
        '--daemonize',
        'no',
        '--logfile',
        join(dir, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    scope.defer(() => killAndWait(child));
    await waitFor(`cluster node ${port}`, () => pingRedis(port), 10_000, 25);
    ports.push(port);
  }
  const create = await runProcess(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    {},
    30_000,
  );
  if (create.code !== 0)
    throw new Error(`redis-cli --cluster create failed: ${create.stdout}\n${create.stderr}`);
  const probe = new Redis({ port: ports[0]!, host: '127.0.0.1', lazyConnect: true });
  await probe.connect();
  try {
    await waitFor(
      'cluster_state:ok',
      async () => /cluster_state:ok/.test(String(await probe.call('CLUSTER', 'INFO'))),
      20_000,
      100,
    );
  } finally {
    probe.disconnect();
  }
  return { url: ports.map((p) => `redis://127.0.0.1:${p}`).join(','), ports };
}

/** A client for assertions, the way the service connects (Cluster for a comma list). */
export function client(scope: Scope, url: string): RedisClient {
  const c = connectRedis(url, { role: 'worker', name: 'dudao-test' });
  c.on('error', () => {});
  scope.defer(() => c.quit().catch(() => c.disconnect()));
  return c;
}

// ---------------------------------------------------------------- fake platform

export const FAKE_CREDS = {
  wecom: { corpId: WECOM_TEST.corpId, secret: WECOM_TEST.secret },
  dingtalk: { appKey: DINGTALK_TEST.appKey, appSecret: DINGTALK_TEST.appSecret },
};

export async function startFake(scope: Scope): Promise<FakePlatform> {
  const fake = await FakePlatform.start(FAKE_CREDS);
  scope.defer(() => fake.close());
  return fake;
}

export { Switch } from './switch.js';

// ---------------------------------------------------------------- the service as child processes

export const ADMIN_TOKEN = 'rel-admin-token-0123456789';

/**
 * The environment of a child: nothing inherited but PATH/HOME (no stray REDIS_URL or .env: the
 * children run in a temp cwd), both WeCom channels and DingTalk HTTP mode against `apiBase`.
 */
export function serviceEnv(o: {
  redisUrl: string;
  apiBase: string;
  dataDir?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json'),
    REDIS_URL: o.redisUrl,
    HOST: '127.0.0.1',
    DATA_DIR: o.dataDir ?? join(tmpdir(), 'dudao-rel-data'),
    LOG_LEVEL: 'info',
    TIMEZONE: 'Asia/Shanghai',
    ...wecomEnv(WECOM_TEST),
    ...dingtalkEnv(DINGTALK_TEST, 'http'),
    WECOM_API_BASE: o.apiBase,
    DINGTALK_API_BASE: o.apiBase,
    DINGTALK_OAPI_BASE: o.apiBase,
    SIM: 'off',
    ADMIN_TOKEN,
    ...o.extra,
  };
}

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  /** stdout lines (the service logs JSON lines there) */
  out: string[];
  err: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  kill9(): Promise<void>;
  /** SIGTERM; resolves with the exit and how long it took */
  term(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export interface Role extends Child {
  url: string;
  port: number;
}

function killAndWait(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    p.once('exit', () => res());
    // a profiled child (DUDAO_CHILD_NODE_ARGS) writes its profiles only on a clean exit
    if (!process.env.DUDAO_CHILD_NODE_ARGS) return p.kill('SIGKILL');
    p.kill('SIGTERM');
    setTimeout(() => p.kill('SIGKILL'), 20_000).unref();
  });
}

let cwdDir: string | undefined;
/** An empty cwd for children, so no ./.env of a developer leaks in. */
function childCwd(): string {
  if (!cwdDir) {
    cwdDir = join(tmpdir(), 'dudao-rel-cwd');
    mkdirSync(cwdDir, { recursive: true });
  }
  return cwdDir;
}

export function spawnDudao(scope: Scope, name: string, args: string[], env: Record<string, string>): Child {
  // DUDAO_CHILD_NODE_ARGS (benches only): e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile
  // the service a bench drives (each worker thread writes its own profile)
  const nodeArgs = process.env.DUDAO_CHILD_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: childCwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  const lines = (into: string[]) => {
    let buf = '';
    return (d: Buffer) => {
      buf += d.toString('utf8');
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      into.push(...parts.filter(Boolean));
    };
  };
  proc.stdout!.on('data', lines(out));
  proc.stderr!.on('data', lines(err));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    proc.once('exit', (code, signal) => res({ code, signal })),
  );
  scope.defer(() => killAndWait(proc));
  const child: Child = {
    name,
    proc,
    pid: proc.pid!,
    out,
    err,
    exit,
    running: () => proc.exitCode === null && proc.signalCode === null,
    kill9: () => killAndWait(proc),
    async term() {
      const t0 = Date.now();
      proc.kill('SIGTERM');
      const r = await exit;
      return { ...r, ms: Date.now() - t0 };
    },
  };
  return child;
}

/** GET /readyz → status and body (status 0 when nothing answers). */
export async function readyz(
  url: string,
): Promise<{ status: number; body: { ok: boolean; reason?: string } | undefined }> {
  try {
    const r = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(3000) });
    return {
      status: r.status,
      body: (await r.json().catch(() => undefined)) as { ok: boolean; reason?: string } | undefined,
    };
  } catch {
    return { status: 0, body: undefined };
  }
}

/** Wait for /readyz 200 (web roles); fail early with the child's output when it exits. */
export async function waitReady(c: Child, url: string, timeoutMs = START_MS): Promise<void> {
  await waitFor(
    `${c.name} /readyz 200`,
    async () => {
      if (!c.running())
        throw new Error(`${c.name} exited: ${c.err.slice(-5).join('\n')} ${c.out.slice(-5).join('\n')}`);
      return (await readyz(url)).status === 200;
    },
    timeoutMs,
    100,
  ).catch((e) => {
    if (!c.running())
      throw new Error(
        `${c.name} exited before ready:\n${c.err.slice(-10).join('\n')}\n${c.out.slice(-10).join('\n')}`,
      );
    throw e;
  });
}

/**
 * `serve` or `web`: on a free port (or `port`), ready when /readyz answers 200.
 * `worker`: ready when it says so on stdout.
 */
export async function startRole(
  scope: Scope,
  role: 'serve' | 'web',
  env: Record<string, string>,
  o?: { port?: number; name?: string },
): Promise<Role>;
export async function startRole(
  scope: Scope,
  role: 'worker',
  env: Record<string, string>,
  o?: { name?: string },
): Promise<Child>;
export async function startRole(
  scope: Scope,
  role: 'serve' | 'web' | 'worker',
  env: Record<string, string>,
  o: { port?: number; name?: string } = {},
): Promise<Role | Child> {
  const name = o.name ?? role;
  if (role === 'worker') {
    const c = spawnDudao(scope, name, ['worker'], env);
    await waitFor(
      `${name} to start`,
      () => {
        if (!c.running()) throw new Error(`${name} exited`);
        return c.out.some((l) => l.includes('dudao worker is running'));
      },
      START_MS,
    ).catch((e) => {
      throw new Error(
        `${(e as Error).message}\n${c.err.slice(-10).join('\n')}\n${c.out.slice(-10).join('\n')}`,
      );
    });
    return c;
  }
  const port = o.port ?? (await freePort());
  const c = spawnDudao(scope, name, [role], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(c, url);
  return { ...c, url, port };
}

/** Run a one-shot command (`import`, `remind`, `digest`) to its end. */
export async function runDudao(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runProcess(process.execPath, [BIN, ...args], env, timeoutMs, childCwd());
}

export function runProcess(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, {
      env: Object.keys(env).length ? env : process.env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const t = setTimeout(() => {
      p.kill('SIGKILL');
      rej(new Error(`${cmd} ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    p.once('error', (e) => {
      clearTimeout(t);
      rej(e);
    });
    p.once('exit', (code) => {
      clearTimeout(t);
      res({ code, stdout, stderr });
    });
  });
}

/** JSON log lines of children, parsed (non-JSON lines are kept as `{ raw }`). */
export function logLines(...children: Child[]): Record<string, unknown>[] {
  return children.flatMap((c) =>
    c.out.map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { raw: l };
      }
    }),
  );
}
