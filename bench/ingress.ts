/**
 * Ingress benchmark: `node --import tsx bench/ingress.ts` (or `npm run bench:ingress`).
 *
 * Method (docs/spec/performance.md → How we measure): every server runs in its own child process
 * (NODE_ENV=production) and autocannon runs here, 10 connections, pipelining 1. Targets:
 *   koa       — bare Koa + @koa/router, POST → 200 (the body is not read)
 *   minimal   — the limit of a durable accept: bare Koa + @koa/router, POST /wecom/bot reads the
 *               raw body, verifies, decrypts, parses and validates (zod) with the project's own
 *               functions, then one Queue.add with the message's id as job id (the dedup), on the
 *               same Redis — nothing else (no metrics, no error middleware, no path guard)
 *   wecom-bot — the real app, POST /wecom/bot: smart-bot JSON, signed and encrypted
 *   wecom-app — the real app, POST /wecom/app: self-built app XML, signed and encrypted
 * Every callback is unique (bodies pre-generated); Redis is this script's own embedded,
 * durable instance (AOF, appendfsync always — the default) and gets FLUSHALL before each run, so
 * every id is new within a run. No worker runs in the app (ingress only). A 3 s warm-up per
 * target, then REPEATS interleaved rounds of DURATION s each (koa, minimal, bot, app, koa, …).
 * Prints req/s, p50/p99 latency (ms), server CPU µs per request, and each median as a ratio of
 * the minimal durable accept's and of bare Koa's medians of the same run. Target: wecom-bot ≥ 0.8
 * of minimal (goal 0.9) with p99 < 50 ms. (Bare Koa is printed for reference only: a durable accept
 * is bound by Redis's fsync, so its ratio to bare Koa says more about the disk than the code.)
 *
 * Env: BENCH_DURATION (s, 8), BENCH_REPEATS (3), BENCH_CONNECTIONS (10), BENCH_DURABLE (1; 0 = no AOF,
 * for diagnosis only), BENCH_TARGETS (a comma list of koa, minimal, wecom-bot, wecom-app), BENCH_PROFILE (a directory:
 * V8 CPU profiles of the servers, written when they exit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import {
  buildWecomAppCallback,
  buildWecomBotCallback,
  botTextJson,
  appTextXml,
  wecomEnv,
  WECOM_TEST,
  type BuiltCallback,
} from '../test/helpers/wecom-sign.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP = 3;

// ---- child-process servers --------------------------------------------------------------------

async function serveKoa(): Promise<void> {
  const { default: Koa } = await import('koa');
  const { default: Router } = await import('@koa/router');
  const app = new Koa();
  const r = new Router();
  r.post('/wecom/bot', (ctx) => void (ctx.body = 'ok'));
  r.post('/wecom/app', (ctx) => void (ctx.body = 'ok'));
  app.use(r.routes()).use(r.allowedMethods());
  const s = app.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ url: `http://127.0.0.1:${(s.address() as { port: number }).port}` })),
  );
  process.on('SIGTERM', () => process.exit(0));
}

/** The limit of a durable accept: the project's verify/decrypt/decode, one Queue.add, nothing else. */
async function serveMinimal(redisUrl: string): Promise<void> {
  const { default: Koa } = await import('koa');
  const { default: Router } = await import('@koa/router');
  const { default: getRawBody } = await import('raw-body');
  const { Queue } = await import('bullmq');
  const { connectRedis } = await import('../src/redis/connect.js');
  const { wecomSecrets, decrypt } = await import('../src/platforms/wecom/crypto.js');
  const { verifyWecom } = await import('../src/platforms/wecom/verify.js');
  const { decodeBotMessage, extractBotEncrypt } = await import('../src/platforms/wecom/decode-bot.js');
  const { parseQuery } = await import('../src/platforms/callback-helpers.js');
  const { inboundJobId } = await import('../src/queue/accept.js');
  const { DEFAULT_PREFIX } = await import('../src/queue/names.js');
  const env = wecomEnv();
  const secrets = wecomSecrets(env.WECOM_BOT_TOKEN!, env.WECOM_BOT_AES_KEY!, '');
  const queue = new Queue('inbound', {
    connection: connectRedis(redisUrl, { role: 'fast' }),
    prefix: DEFAULT_PREFIX,
  });
  const app = new Koa();
  const r = new Router();
  r.post('/wecom/bot', async (ctx) => {
    const body = (await getRawBody(ctx.req, { limit: 64 * 1024 })).toString('utf8');
    const encrypted = extractBotEncrypt(body);
    const now = new Date();
    if (!encrypted || !verifyWecom(parseQuery(ctx.querystring), encrypted, secrets.token, now).ok) {
      ctx.status = 401;
      return;
    }
    const decoded = decodeBotMessage(decrypt(secrets, encrypted), now);
    if (decoded.kind === 'inbound')
      await queue.add(decoded.inbound.kind, decoded.inbound, { jobId: inboundJobId(decoded.inbound) });
    ctx.status = 200;
    ctx.body = '';
  });
  app.use(r.routes()).use(r.allowedMethods());
  const s = app.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ url: `http://127.0.0.1:${(s.address() as { port: number }).port}` })),
  );
  process.on('SIGTERM', () => process.exit(0));
}

async function serveApp(redisUrl: string): Promise<void> {
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/log.js');
  const { startService } = await import('../src/server.js');
  const config = loadConfig({ ...wecomEnv(), LOG_LEVEL: 'warn', SIM: 'off' });
  const svc = await startService({
    config,
    log: createLogger(config.LOG_LEVEL),
    web: true,
    worker: false,
    port: 0,
    host: '127.0.0.1',
    redisUrl,
  });
  console.log(JSON.stringify({ url: svc.url }));
  process.on('SIGTERM', () => void svc.close().then(() => process.exit(0)));
}

function spawnServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE=dir: write a V8 CPU profile of each server into dir (analyse with DevTools)
    const prof = process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
    const child = spawn(process.execPath, [...prof, '--import', 'tsx', import.meta.filename, ...args], {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.once('exit', (code) => reject(new Error(`server ${args.join(' ')} exited (${code})`)));
  });
}

/** utime + stime of a process, in µs (Linux /proc; clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10_000;
}

// ---- load --------------------------------------------------------------------------------------

function bodies(kind: 'bot' | 'app', n: number): BuiltCallback[] {
  const tag = randomBytes(4).toString('hex');
  const out: BuiltCallback[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      kind === 'bot'
        ? buildWecomBotCallback(
            WECOM_TEST,
            botTextJson(`bench-${tag}-${i}`, '@督导助手 整改完成 ZG-21 已更换灭火器，请验收'),
          )
        : buildWecomAppCallback(
            WECOM_TEST,
            appTextXml(
              String(7_000_000_000_000_000_000n + BigInt(i)),
              '整改完成 ZG-21 已更换灭火器，请验收',
              'zhangsan',
            ),
          );
  }
  return out;
}

interface Run {
  reqs: number;
  p50: number;
  p99: number;
  cpuUsPerReq: number;
  non2xx: number;
  errors: number;
}

async function load(
  url: string,
  path: string,
  pool: BuiltCallback[] | undefined,
  seconds: number,
  pid: number,
): Promise<Run> {
  let i = 0;
  const cpu0 = cpuMicros(pid);
  const res = await autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': path.endsWith('bot') ? 'application/json' : 'text/xml' },
        setupRequest: (req) => {
          const c = pool![i++ % pool!.length]!;
          return { ...req, path: c.url, body: c.body };
        },
      },
    ],
  });
  if (pool && i > pool.length)
    console.warn(`  (pool of ${pool.length} exhausted: ${i} requests; later ones were duplicates)`);
  const total = res.requests.total || 1;
  return {
    reqs: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    cpuUsPerReq: (cpuMicros(pid) - cpu0) / total,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-bench-'));
  // durable: AOF with appendfsync always (BENCH_DURABLE=0 turns it off, to tell fsync waits from CPU)
  const redis = await startEmbeddedRedis({
    dataDir: dir,
    reuse: false,
    durable: process.env.BENCH_DURABLE !== '0',
  });
  const admin = new Redis(redis.url);
  const koa = await spawnServer(['--serve-koa']);
  const minimal = await spawnServer(['--serve-minimal', redis.url]);
  const app = await spawnServer(['--serve-app', redis.url]);
  const perRun = 60_000; // ids repeat only across runs, and Redis is flushed between runs
  console.log(`generating ${perRun} signed, encrypted callbacks of each kind…`);
  const pools = { bot: bodies('bot', perRun), app: bodies('app', perRun) };
  const targets = [
    { name: 'koa', url: koa.url, pid: koa.child.pid!, path: '/wecom/bot', pool: pools.bot },
    { name: 'minimal', url: minimal.url, pid: minimal.child.pid!, path: '/wecom/bot', pool: pools.bot },
    { name: 'wecom-bot', url: app.url, pid: app.child.pid!, path: '/wecom/bot', pool: pools.bot },
    { name: 'wecom-app', url: app.url, pid: app.child.pid!, path: '/wecom/app', pool: pools.app },
  ];
  const only = process.env.BENCH_TARGETS?.split(',');
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => only.includes(t.name)));
  const runs: Record<string, Run[]> = {};
  try {
    for (const t of targets) {
      await admin.flushall();
      await load(t.url, t.path, t.pool, WARMUP, t.pid);
    }
    for (let rep = 1; rep <= REPEATS; rep++) {
      for (const t of targets) {
        await admin.flushall();
        const r = await load(t.url, t.path, t.pool, DURATION, t.pid);
        (runs[t.name] ??= []).push(r);
        console.log(
          `run ${rep} ${t.name.padEnd(9)} ${r.reqs.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  server ${r.cpuUsPerReq.toFixed(0)} µs/req  non-2xx ${r.non2xx}  errors ${r.errors}`,
        );
      }
    }
    const base = (name: string) => (runs[name] ? median(runs[name].map((r) => r.reqs)) : NaN);
    const koaMedian = base('koa');
    const minMedian = base('minimal');
    console.log(`\n${CONNECTIONS} connections, ${REPEATS} × ${DURATION} s interleaved, medians (min–max):`);
    for (const t of targets) {
      const rs = runs[t.name]!;
      const reqs = rs.map((r) => r.reqs);
      console.log(
        `${t.name.padEnd(9)} ${median(reqs).toFixed(0).padStart(6)} req/s (${Math.min(...reqs).toFixed(0)}–${Math.max(...reqs).toFixed(0)})  ` +
          `÷ minimal ${(median(reqs) / minMedian).toFixed(2)}  ÷ koa ${(median(reqs) / koaMedian).toFixed(2)}  ` +
          `p50 ${median(rs.map((r) => r.p50))} ms  p99 ${median(rs.map((r) => r.p99))} ms (max ${Math.max(...rs.map((r) => r.p99))})  ` +
          `server ${median(rs.map((r) => r.cpuUsPerReq)).toFixed(0)} µs/req  non-2xx ${rs.reduce((a, r) => a + r.non2xx, 0)}`,
      );
    }
    const bot = runs['wecom-bot'] ?? [];
    const ok =
      bot.length > 0 &&
      median(bot.map((r) => r.reqs)) / minMedian >= 0.8 &&
      median(bot.map((r) => r.p99)) < 50;
    console.log(`\ntarget (wecom-bot ≥ 0.8 × minimal durable accept, p99 < 50 ms): ${ok ? 'met' : 'MISSED'}`);
  } finally {
    for (const c of [koa, minimal, app]) c.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, process.env.BENCH_PROFILE ? 3000 : 500));
    admin.disconnect();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--serve-koa') await serveKoa();
else if (mode === '--serve-minimal') await serveMinimal(arg!);
else if (mode === '--serve-app') await serveApp(arg!);
else await main();
