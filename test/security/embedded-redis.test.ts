import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import {
  freePort,
  pingRedis,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from '../../src/redis/embedded-redis.js';

/**
 * "The embedded Redis is private" (docs/security.md), finding 6: no password, DATA_DIR 0755 and
 * the append-only file 0644 — every local user could read the records, the mobile numbers and
 * the platforms' access tokens, or just connect and read them.
 */
const root = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const started: EmbeddedRedis[] = [];
afterAll(async () => {
  for (const r of started) await r.stop().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A DATA_DIR as an earlier version left it: 0755, files 0644, a subdirectory 0755. */
function oldDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-private-'));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'export-2026-03.xlsx'), 'x', { mode: 0o644 });
  mkdirSync(join(dir, 'media', 'sim'), { recursive: true, mode: 0o755 });
  writeFileSync(join(dir, 'media', 'sim', 'abc.png'), 'x', { mode: 0o644 });
  return dir;
}

/** Every path under `dir` with its permission bits, `dir` itself first. */
function modes(dir: string): [string, number][] {
  const out: [string, number][] = [[dir, statSync(dir).mode & 0o777]];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out.push(...(statSync(p).isDirectory() ? modes(p) : [[p, statSync(p).mode & 0o777] as [string, number]]));
  }
  return out;
}

const expectPrivate = (dir: string) => {
  for (const [p, m] of modes(dir)) expect(m.toString(8), p).toBe(statSync(p).isDirectory() ? '700' : '600');
};

/** The first reply line to a raw unauthenticated command, as any local user would send it. */
function rawReply(port: number, command: string): Promise<string> {
  return new Promise((res, rej) => {
    const s = connect({ port, host: '127.0.0.1' }, () => s.write(`${command}\r\n`));
    s.once('data', (d) => {
      res(d.toString().split('\r\n')[0]!);
      s.destroy();
    });
    s.once('error', rej);
  });
}

describe('the embedded Redis', () => {
  it('makes DATA_DIR private (even found 0755), requires its password, never PONGs a stranger', async () => {
    const dir = oldDataDir();
    const r = await startEmbeddedRedis({ dataDir: dir, reuse: false });
    started.push(r);
    // the password: generated, 0600, in the URL, not in the process's command line
    const pw = readFileSync(join(dir, 'redis.password'), 'utf8').trim();
    expect(pw).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(r.password).toBe(pw);
    expect(r.url).toBe(`redis://:${pw}@127.0.0.1:${r.port}`);
    expect(readFileSync(`/proc/${r.pid}/cmdline`, 'utf8')).not.toContain(pw);
    // a stranger: NOAUTH, never PONG; nor can they read or write anything
    expect(await rawReply(r.port, 'PING')).toMatch(/^-NOAUTH/);
    expect(await rawReply(r.port, 'KEYS *')).toMatch(/^-NOAUTH/);
    expect(await rawReply(r.port, 'AUTH wrong-password')).toMatch(/^-(WRONGPASS|ERR)/);
    expect(await pingRedis(r.port)).toBe(false);
    expect(await pingRedis(r.port, 500, pw)).toBe(true);
    // the files Redis writes later (an AOF rewrite) are private too
    const c = new Redis(r.url);
    await c.set('k', 'v');
    await c.bgrewriteaof();
    await new Promise((res) => setTimeout(res, 500));
    await c.quit();
    expectPrivate(dir);
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining(['appendonlydir', 'redis.log', 'redis.password']),
    );
  });

  it('keeps its password across restarts, and a second start on the DATA_DIR reuses the running one', async () => {
    const dir = oldDataDir();
    const first = await startEmbeddedRedis({ dataDir: dir });
    started.push(first);
    const again = await startEmbeddedRedis({ dataDir: dir });
    expect(again.owned).toBe(false);
    expect(again.url).toBe(first.url);
    await first.stop();
    const port = first.port;
    const restarted = await startEmbeddedRedis({ dataDir: dir, reuse: false, port });
    started.push(restarted);
    expect(restarted.url).toBe(first.url);
    await restarted.stop();
    expectPrivate(dir);
  });

  it('never starts a second redis-server on a DATA_DIR whose port answers without its password', async () => {
    const dir = oldDataDir();
    const port = await freePort();
    // what an earlier version left running: a Redis with no password, on the recorded port
    const old: ChildProcess = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
      {
        stdio: 'ignore',
      },
    );
    try {
      for (let i = 0; i < 100 && !(await pingRedis(port)); i++) await new Promise((r) => setTimeout(r, 20));
      writeFileSync(join(dir, 'redis.port'), String(port));
      await expect(startEmbeddedRedis({ dataDir: dir })).rejects.toThrow(/not to this DATA_DIR's password/);
    } finally {
      old.kill('SIGKILL');
    }
  });
});

describe('the CLI finds it the same way', () => {
  it('`serve`, then `remind` and a second `serve` on the same DATA_DIR use the one private Redis', async () => {
    const dataDir = oldDataDir();
    const env = (port: number): Record<string, string> => ({
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    const run = (args: string[], port: number) => {
      const child = spawn(process.execPath, [join(root, 'bin/dudao.mjs'), ...args], {
        cwd: dataDir,
        env: env(port),
      });
      const o = { child, out: '' };
      child.stdout.on('data', (d) => (o.out += d));
      child.stderr.on('data', (d) => (o.out += d));
      return o;
    };
    const until = async (o: { child: ChildProcess; out: string }, text: string) => {
      const t0 = Date.now();
      while (!o.out.includes(text)) {
        if (o.child.exitCode !== null) throw new Error(`exited: ${o.out}`);
        if (Date.now() - t0 > 60_000) throw new Error(`no "${text}": ${o.out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const exit = (c: ChildProcess) =>
      c.exitCode !== null
        ? Promise.resolve(c.exitCode)
        : new Promise<number | null>((r) => c.once('exit', r));
    const [p1, p2] = [await freePort(), await freePort()];
    const one = run(['serve'], p1);
    let two: ReturnType<typeof run> | undefined;
    try {
      await until(one, 'dudao is running at');
      const redisPort = Number(readFileSync(join(dataDir, 'redis.port'), 'utf8'));
      expect(await rawReply(redisPort, 'PING')).toMatch(/^-NOAUTH/);
      // a one-shot command against the running service's Redis
      const remind = run(['remind', '--dry-run'], 0);
      expect(await exit(remind.child), remind.out).toBe(0);
      // a second service on the same DATA_DIR: the same Redis, not a second one
      two = run(['serve'], p2);
      await until(two, 'dudao is running at');
      expect(Number(readFileSync(join(dataDir, 'redis.port'), 'utf8'))).toBe(redisPort);
      expect((await fetch(`http://127.0.0.1:${p2}/readyz`)).status).toBe(200);
      two.child.kill('SIGTERM');
      expect(await exit(two.child)).toBe(0);
      expect(
        await pingRedis(redisPort, 500, readFileSync(join(dataDir, 'redis.password'), 'utf8').trim()),
      ).toBe(true); // the first one's Redis still runs
      one.child.kill('SIGTERM');
      expect(await exit(one.child)).toBe(0);
      expect(
        await pingRedis(redisPort, 500, readFileSync(join(dataDir, 'redis.password'), 'utf8').trim()),
      ).toBe(false);
      expectPrivate(dataDir);
      expect(one.out + two.out + remind.out).not.toContain(
        readFileSync(join(dataDir, 'redis.password'), 'utf8').trim(),
      );
    } finally {
      for (const c of [one.child, two?.child]) if (c && c.exitCode === null) c.kill('SIGKILL');
    }
  }, 120_000);
});
