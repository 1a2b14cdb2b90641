/**
 * What one message costs: `node --import tsx bench/per-message.ts` (or `npm run bench:per-message`).
 *
 * The real web and worker roles, each in its own child process (NODE_ENV=production), on a durable
 * Redis of this script's own (AOF, appendfsync always) and the fake WeCom/DingTalk API
 * (test/fakes/fake-platform.ts), the demo district imported. For each kind of message — 帮助, 待办,
 * a visit record of 3 problems, 收到, 整改进度 … 进行中, 整改完成 — N messages (alternately WeCom
 * smart bot and DingTalk robot) are sent ONE AT A TIME: the next goes only when the worker has been
 * idle for QUIET_MS, so every counter below belongs to that message and its replies. Counted:
 *   - Redis commands (INFO commandstats; Lua-internal calls included), EVALSHA and XADD among them;
 *   - round trips (INFO stats total_reads_processed: one per read event, so a pipeline is one);
 *   - fsyncs: with appendfsync always Redis writes and fsyncs the AOF once per event-loop turn that
 *     wrote; counted as the Redis process's write syscalls (/proc/<pid>/io syscw) less its socket
 *     writes (INFO stats total_writes_processed) — no strace needed;
 *   - AOF bytes written (aof_current_size), Redis memory retained once drained (used_memory), jobs
 *     created (the queues' id counters);
 *   - CPU per stage, from process.cpuUsage() in the children: HTTP (the whole web process), the
 *     inbound job (its processor), the handler inside it, the outbound job (its processor), the
 *     platform send inside it, and the job machinery (the worker process less its processors);
 *     Redis's own CPU from /proc/<pid>/stat.
 * Idle polling (measured for IDLE_S before the runs) is subtracted per second of each window; the
 * bench's own INFO and MGET are left out.
 *
 * Env: BENCH_N (10 per kind), BENCH_KINDS (comma list of the kinds below), BENCH_QUIET_MS (300),
 * BENCH_PROFILE (a directory: V8 CPU profiles of the two children, written when they stop).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ADMIN_TOKEN,
  Scope,
  client,
  serviceEnv,
  startFake,
  startRedis,
} from '../test/reliability/processes.js';
import { importDemoRoster } from '../test/helpers/district.js';
import { sleep, waitFor } from '../test/helpers/wait-for.js';
import { IDS, botText, dingText, type Sent } from '../test/reliability/traffic.js';
import type { FakePlatform } from '../test/fakes/fake-platform.js';
import { DEFAULT_PREFIX } from '../src/queue/names.js';

const N = Number(process.env.BENCH_N ?? 10);
const QUIET_MS = Number(process.env.BENCH_QUIET_MS ?? 300);
const IDLE_S = 8;
const KINDS = ['help', 'todo', 'record', 'ack', 'progress', 'done'] as const;
type Kind = (typeof KINDS)[number];

// ---------------------------------------------------------------- children

type Stages = Record<string, number>;
interface ChildStats {
  cpu: number;
  stages: Stages;
  inflight: number;
  idleMs: number;
}

async function child(role: 'web' | 'worker'): Promise<void> {
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/log.js');
  const { startService } = await import('../src/server.js');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const stages: Stages = {};
  let inflight = 0;
  let last = Date.now();
  const cpuNow = () => {
    const c = process.cpuUsage();
    return c.user + c.system;
  };
  /** CPU of `fn` while it runs: exact here because the parent sends one message at a time. */
  const timed = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const c0 = cpuNow();
    inflight++;
    try {
      return await fn();
    } finally {
      stages[stage] = (stages[stage] ?? 0) + cpuNow() - c0;
      inflight--;
      last = Date.now();
    }
  };
  let processors: import('../jobs/types.js').Processors | undefined;
  if (role === 'worker') {
    const { processors: real } = await import('../jobs/index.js');
    const { handlers } = await import('../handlers/index.js');
    const { WecomSender } = await import('../src/platforms/wecom/send.js');
    const { DingtalkSender } = await import('../src/platforms/dingtalk/send.js');
    type Fn = (...a: unknown[]) => Promise<unknown>;
    const hs = handlers as unknown as Record<string, Fn>;
    for (const k of Object.keys(hs)) {
      const h = hs[k]!;
      hs[k] = (...a) => timed('handler', () => h(...a));
    }
    for (const cls of [WecomSender, DingtalkSender]) {
      const proto = cls.prototype as unknown as Record<string, Fn>;
      for (const m of ['send', 'update']) {
        const f = proto[m]!;
        proto[m] = function (this: unknown, ...a: unknown[]) {
          return timed('send', () => f.apply(this, a));
        };
      }
    }
    processors = Object.fromEntries(
      Object.entries(real).map(([q, p]) => [
        q,
        (data: unknown, ctx: Parameters<NonNullable<typeof p>>[1]) => timed(q, () => p!(data, ctx)),
      ]),
    );
  }
  const svc = await startService({
    config,
    log: createLogger('warn'),
    web: role === 'web',
    worker: role === 'worker',
    port: role === 'web' ? Number(process.env.PORT) : undefined,
    host: '127.0.0.1',
    processors,
    schedules: false,
  });
  process.on('message', (m) => {
    if (m === 'stats') {
      const s: ChildStats = { cpu: cpuNow(), stages: { ...stages }, inflight, idleMs: Date.now() - last };
      process.send!(s);
    } else if (m === 'stop') void svc.close().then(() => process.exit(0));
  });
  process.send!({ ready: svc.url ?? true });
}

interface Kid {
  proc: ChildProcess;
  stats(): Promise<ChildStats>;
}

async function spawnKid(role: 'web' | 'worker', env: Record<string, string>): Promise<Kid> {
  const proc = fork(import.meta.filename, [`--${role}`], {
    env: { ...env, NODE_ENV: 'production' },
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((res, rej) => {
    proc.once('exit', (c) => rej(new Error(`${role} exited (${c})`)));
    proc.on('message', (m) => {
      if (typeof m === 'object' && m && 'ready' in m) res();
    });
  });
  return {
    proc,
    stats: () =>
      new Promise((res) => {
        const on = (m: unknown) => {
          if (typeof m === 'object' && m && 'cpu' in m) {
            proc.off('message', on);
            res(m as ChildStats);
          }
        };
        proc.on('message', on);
        proc.send('stats');
      }),
  };
}

// ---------------------------------------------------------------- counters

interface Snap {
  t: number;
  cmds: Map<string, number>;
  reads: number;
  sockWrites: number;
  syscw: number;
  aof: number;
  mem: number;
  redisCpu: number;
  jobs: number;
  web: ChildStats;
  worker: ChildStats;
}

const field = (info: string, name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);

function procCpu(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10_000; // clock ticks of 10 ms → µs
}
const syscw = (pid: number) => field(readFileSync(`/proc/${pid}/io`, 'utf8').replace(/: /g, ':'), 'syscw');

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const scope = new Scope();
  try {
    const redis = await startRedis(scope, 'per-message');
    const fake = await startFake(scope);
    const conn = client(scope, redis.url);
    await importDemoRoster(conn);
    const redisPid = field(String(await conn.info('server')), 'process_id');
    const env = {
      ...serviceEnv({ redisUrl: redis.url, apiBase: fake.url, dataDir: scope.tmp('pm-data') }),
      SENDER_RATE_LIMIT: '99999/min', // one principal sends most of it, faster than a person would
    };
    const { freePort } = await import('../src/redis/embedded-redis.js');
    const port = await freePort();
    const web = await spawnKid('web', { ...env, PORT: String(port) });
    const worker = await spawnKid('worker', env);
    scope.defer(() => {
      for (const k of [web, worker]) if (k.proc.exitCode === null) k.proc.kill('SIGKILL');
    });
    const url = `http://127.0.0.1:${port}`;
    const jobIdKeys = ['inbound', 'outbound'].map((q) => `${DEFAULT_PREFIX}:${q}:id`);

    const snap = async (): Promise<Snap> => {
      const [info, ids, w, k] = await Promise.all([
        conn.info('all').then(String),
        conn.mget(...jobIdKeys),
        web.stats(),
        worker.stats(),
      ]);
      const cmds = new Map<string, number>();
      for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) cmds.set(m[1]!, Number(m[2]));
      return {
        t: performance.now(),
        cmds,
        reads: field(info, 'total_reads_processed'),
        sockWrites: field(info, 'total_writes_processed'),
        syscw: syscw(redisPid),
        aof: field(info, 'aof_current_size'),
        mem: field(info, 'used_memory'),
        redisCpu: procCpu(redisPid),
        jobs: ids.reduce((a, v) => a + Number(v ?? 0), 0),
        web: w,
        worker: k,
      };
    };
    /** the worker has run nothing for QUIET_MS (asked over IPC: no Redis command is spent asking) */
    const quiet = () =>
      waitFor(
        'the worker to be idle',
        async () => {
          const s = await worker.stats();
          return s.inflight === 0 && s.idleMs >= QUIET_MS;
        },
        120_000,
        100,
      );

    // ---- the messages
    const sup = IDS.supWang;
    const pri = IDS.priS01;
    let k = 0;
    const say = (who: { wecom: string; dingtalk?: string }, text: string): Promise<Sent> =>
      ++k % 2 === 1 || !who.dingtalk
        ? botText(url, fake, who.wecom, text)
        : dingText(url, fake, who.dingtalk, text);
    const recordText = (i: number) =>
      [
        '提交督导记录',
        '学校：龙泉小学',
        '类型：挂牌督导',
        `情况：第${i}次抽查作业公示和课后服务台账。`,
        '问题：',
        `1、三年级作业公示栏未按周更新（${i}），5个工作日内整改`,
        `2、课后服务学生签到表缺2月数据（${i}），5个工作日内整改`,
        `3、一楼消防通道堆放杂物（${i}），5个工作日内整改`,
      ].join('\n');
    const items: string[][] = [];
    const loadItems = async () => {
      const r = await fetch(`${url}/api/v1/records?school=S01&limit=500`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const body = (await r.json()) as { items: { id: string }[] };
      items.length = 0;
      for (const rec of body.items.slice(0, N)) {
        const rr = await fetch(`${url}/api/v1/records/${rec.id}`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        items.push(((await rr.json()) as { items: { id: string }[] }).items.map((i) => i.id));
      }
    };
    const message: Record<Kind, (i: number) => Promise<Sent>> = {
      help: () => say(pri, '帮助'),
      todo: () => say(pri, '待办'),
      record: (i) => say(sup, recordText(i)),
      ack: (i) => say(pri, `收到 ${items[i]![0]}`),
      progress: (i) => say(pri, `整改进度 ${items[i]![1]} 进行中 已安排专人整改`),
      done: (i) => say(pri, `整改完成 ${items[i]![2]} 已清理完毕，请验收`),
    };
    const send = async (kind: Kind, i: number) => {
      const s = await message[kind](i);
      if (s.res.status !== 200) throw new Error(`${kind} ${i}: HTTP ${s.res.status}`);
      await quiet();
    };

    // ---- warm-up (JIT, scripts loaded, tokens fetched), then the idle rates
    for (const kind of ['help', 'todo', 'record'] as const) await send(kind, 1000);
    await sleep(2000);
    const i0 = await snap();
    await sleep(IDLE_S * 1000);
    const i1 = await snap();
    const idle = diff(i0, i1, undefined);

    const kinds = (process.env.BENCH_KINDS?.split(',') as Kind[] | undefined) ?? [...KINDS];
    const rows: { kind: Kind; d: Delta }[] = [];
    for (const kind of kinds) {
      if (kind === 'ack' && !items.length) await loadItems();
      const before = await snap();
      for (let i = 0; i < N; i++) await send(kind, i);
      await sleep(QUIET_MS);
      const after = await snap();
      rows.push({ kind, d: diff(before, after, idle) });
      console.error(`${kind}: ${N} done`);
    }
    printTable(rows, idle, fake);
    for (const kid of [web, worker]) kid.proc.send('stop');
    await Promise.all([web, worker].map((kid) => new Promise((r) => kid.proc.once('exit', r))));
  } finally {
    await scope.close();
  }
}

interface Delta {
  secs: number;
  cmds: number;
  evalsha: number;
  xadd: number;
  reads: number;
  fsyncs: number;
  aof: number;
  mem: number;
  redisCpu: number;
  jobs: number;
  web: number;
  worker: number;
  stages: Stages;
}

/** b − a; with `idle` (per-second rates) the idle polling of the window is taken off. */
function diff(a: Snap, b: Snap, idle: Delta | undefined): Delta {
  const secs = (b.t - a.t) / 1000;
  const cmd = (name?: string) => {
    let n = 0;
    for (const [k, v] of b.cmds) if (!name || k === name) n += v - (a.cmds.get(k) ?? 0);
    return n;
  };
  const bench = { info: cmd('info'), mget: 1 }; // the bench's own commands in the window
  const stages: Stages = {};
  for (const k of new Set([...Object.keys(a.worker.stages), ...Object.keys(b.worker.stages)]))
    stages[k] = (b.worker.stages[k] ?? 0) - (a.worker.stages[k] ?? 0);
  const raw: Delta = {
    secs,
    cmds: cmd() - bench.info - bench.mget,
    evalsha: cmd('evalsha'),
    xadd: cmd('xadd'),
    reads: b.reads - a.reads - 2, // INFO and MGET: one read each
    fsyncs: b.syscw - a.syscw - (b.sockWrites - a.sockWrites),
    aof: b.aof - a.aof,
    mem: b.mem - a.mem,
    redisCpu: b.redisCpu - a.redisCpu,
    jobs: b.jobs - a.jobs,
    web: b.web.cpu - a.web.cpu,
    worker: b.worker.cpu - a.worker.cpu,
    stages,
  };
  if (!idle) {
    const per = (x: number) => x / secs;
    return {
      ...raw,
      cmds: per(raw.cmds),
      evalsha: per(raw.evalsha),
      xadd: per(raw.xadd),
      reads: per(raw.reads),
      fsyncs: per(raw.fsyncs),
      aof: per(raw.aof),
      mem: 0,
      redisCpu: per(raw.redisCpu),
      jobs: 0,
      web: per(raw.web),
      worker: per(raw.worker),
      stages: {},
    };
  }
  const less = (x: number, rate: number) => x - rate * secs;
  return {
    ...raw,
    cmds: less(raw.cmds, idle.cmds),
    evalsha: less(raw.evalsha, idle.evalsha),
    xadd: less(raw.xadd, idle.xadd),
    reads: less(raw.reads, idle.reads),
    fsyncs: less(raw.fsyncs, idle.fsyncs),
    aof: less(raw.aof, idle.aof),
    redisCpu: less(raw.redisCpu, idle.redisCpu),
    web: less(raw.web, idle.web),
    worker: less(raw.worker, idle.worker),
  };
}

const LABEL: Record<Kind, string> = {
  help: '帮助',
  todo: '待办',
  record: 'record, 3 problems',
  ack: '收到',
  progress: '整改进度 进行中',
  done: '整改完成',
};

function printTable(rows: { kind: Kind; d: Delta }[], idle: Delta, fake: FakePlatform): void {
  const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
  const f1 = (x: number) => x.toFixed(1);
  const cols = [
    'message',
    'Redis commands',
    'EVALSHA',
    'XADD',
    'round trips',
    'fsyncs',
    'jobs',
    'AOF bytes',
    'retained bytes',
    'HTTP µs',
    'inbound job µs',
    '(handler µs)',
    'outbound job µs',
    '(send µs)',
    'job machinery µs',
    'Redis µs',
  ];
  console.log(`\nper message (N = ${N} each, one at a time; idle polling subtracted):\n`);
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`| ${cols.map((_c, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const { kind, d } of rows) {
    const s = d.stages;
    const procs = (s.inbound ?? 0) + (s.outbound ?? 0);
    const per = (x: number) => x / N;
    console.log(
      `| ${LABEL[kind]} | ${[
        f0(per(d.cmds)),
        f1(per(d.evalsha)),
        f1(per(d.xadd)),
        f1(per(d.reads)),
        f1(per(d.fsyncs)),
        f1(per(d.jobs)),
        f0(per(d.aof)),
        f0(per(d.mem)),
        f0(per(d.web)),
        f0(per(s.inbound ?? 0)),
        f0(per(s.handler ?? 0)),
        f0(per(s.outbound ?? 0)),
        f0(per(s.send ?? 0)),
        f0(per(d.worker - procs)),
        f0(per(d.redisCpu)),
      ].join(' | ')} |`,
    );
  }
  console.log(
    `\nidle, per second (subtracted above): ${f1(idle.cmds)} commands, ${f1(idle.reads)} round trips, ` +
      `${f1(idle.fsyncs)} fsyncs, worker ${f0(idle.worker)} µs, web ${f0(idle.web)} µs, Redis ${f0(idle.redisCpu)} µs`,
  );
  console.log(`sends at the fake API: ${fake.requests.filter((r) => r.served).length}`);
}

const mode = process.argv[2];
if (mode === '--web') await child('web');
else if (mode === '--worker') await child('worker');
else await main();
