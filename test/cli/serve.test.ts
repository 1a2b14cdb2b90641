import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, pingRedis } from '../../src/redis/embedded-redis.js';

const root = resolve(import.meta.dirname, '../..');

/**
 * What `npm start` promises on a fresh machine: with REDIS_URL unset it starts its own durable
 * Redis in DATA_DIR, serves, prints the address, handles a message in its worker thread, and on
 * SIGTERM exits 0 within 10 s leaving no redis-server behind.
 */
describe('npx dudao serve with the embedded Redis', () => {
  it('starts, answers, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dudao-serve-'));
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, [join(root, 'bin/dudao.mjs'), 'serve'], { cwd: dataDir, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const started = Date.now();
      while (!out.includes('dudao is running at')) {
        if (child.exitCode !== null) throw new Error(`exited early: ${out}`);
        if (Date.now() - started > 30_000) throw new Error(`no start line: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain(`http://localhost:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      let ready = 0;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(200);
      // the jobs run in a worker thread (src/worker-threads.ts); /metrics adds up its job durations
      const sent = await fetch(`http://127.0.0.1:${port}/sim/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ person: 'pri-s01', conversation: 'dm:pri-s01', text: '帮助' }),
      });
      expect(sent.status).toBe(202);
      let metrics = '';
      for (
        let i = 0;
        i < 100 && !/dudao_job_duration_seconds_count\{queue="inbound"\} 1/.test(metrics);
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
        metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      }
      expect(metrics).toMatch(/dudao_job_duration_seconds_count\{queue="inbound"\} 1/);
      // each thread's heap apart: the web's and the worker thread's
      expect(metrics).toMatch(/dudao_heap_used_bytes\{thread="main"\} [1-9]/);
      expect(metrics).toMatch(/dudao_heap_used_bytes\{thread="worker-\d+"\} [1-9]/);
      const redisPort = Number(readFileSync(join(dataDir, 'redis.port'), 'utf8'));
      const password = readFileSync(join(dataDir, 'redis.password'), 'utf8').trim();
      expect(await pingRedis(redisPort, 500, password)).toBe(true);
      // durable: the append-only file is on
      expect(existsSync(join(dataDir, 'appendonlydir'))).toBe(true);

      const t0 = Date.now();
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
      expect(code).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(await pingRedis(redisPort, 500, password)).toBe(false);
      expect(existsSync(join(dataDir, 'redis.port'))).toBe(false);
      expect(out).not.toMatch(/\bat .+\.ts:\d+/); // no stack traces
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
