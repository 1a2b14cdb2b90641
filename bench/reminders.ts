/**
 * Reminder pass benchmark: `node --import tsx bench/reminders.ts` (or `npm run bench:reminders`).
 *
 * Its own embedded Redis (durable: AOF, appendfsync always, as in production), the real store and
 * the real pass (claims + BullMQ addBulk on the outbound queue; no worker consumes it). A district
 * of 1,000 schools in 20 zones, 200 supervisors, 1,000 principals, 2 leaders, and N open items
 * (default 100,000: 10 per visit record) whose deadlines are spread over the 64 working days up to
 * 3 working days after 2021-05-31, so every one of them lies in the scanned part of the index.
 *
 * Passes:
 *   cold   the previous working day, nothing claimed yet: every item's latest stage goes out at once
 *          (a first boot over a full store; dominated by enqueueing that many sends)
 *   full   the same day, 5 minutes later, ignoring the watermark: all N items read and their
 *          stages' claims checked, nothing goes out — the worst case of a pass over N open items
 *   day    the next working day at 08:30 (watermark: the day before): the stages reached that day
 *   warm   5 minutes later (watermark: today): what every 5-minute pass costs
 * For each: wall time, items scanned, messages, and peak RSS / heap during the pass (sampled every
 * 20 ms) against the figures just before it. Target: a pass over N = 100 000 open items (`full`)
 * < 2 s with flat memory (streamed in pages of 500: the heap must not grow with N).
 *
 * Env: BENCH_ITEMS (100000), BENCH_DURABLE (1; 0 = no AOF, for diagnosis only), BENCH_PROFILE (a
 * file: a V8 CPU profile of the second `full` pass).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createRuntime } from '../src/runtime.js';
import { createStore } from '../src/store/redis-store.js';
import { createCalendar } from '../src/domain/calendar.js';
import type { Roster } from '../src/domain/roster.js';
import { benchPeople } from './people.js';
import { runReminderPass } from '../jobs/reminder-run.js';
import { reminderPassDeps } from '../jobs/reminder-pass.js';

const N = Number(process.env.BENCH_ITEMS ?? 100_000);
const PER_RECORD = 10;
const SCHOOLS = 1000;
const ZONES = 20;
const cal = createCalendar();
const MB = (n: number) => (n / 1048576).toFixed(1);

function roster(): Roster {
  const zones = Array.from({ length: ZONES }, (_, z) => ({ id: `z${z + 1}`, name: `第${z + 1}责任区` }));
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({
    id: `S${String(i + 1).padStart(4, '0')}`,
    name: `第${i + 1}小学`,
    shortNames: [],
    type: '小学' as const,
    nature: '公办' as const,
    zone: `z${(i % ZONES) + 1}`,
    active: true,
  }));
  const people = [
    ...benchPeople(200, ZONES, schools),
    {
      id: 'lead-all',
      name: '主任',
      roles: ['leader' as const],
      zones: ['*'],
      fullTime: true,
      wecomId: 'lead-all',
      active: true,
    },
    {
      id: 'lead-z1',
      name: '副主任',
      roles: ['leader' as const],
      zones: ['z1', 'z2'],
      fullTime: true,
      wecomId: 'lead-z1',
      active: true,
    },
  ];
  return { zones, schools, people, chats: [], plan: [] };
}

interface Sample {
  rss: number;
  heap: number;
}

let redisCpu: () => Promise<number> = async () => 0;

async function measure<T>(
  label: string,
  f: () => Promise<T>,
): Promise<{
  label: string;
  ms: number;
  before: Sample;
  peak: Sample;
  result: T;
  cpuMs: number;
  redisMs: number;
}> {
  (globalThis as { gc?: () => void }).gc?.();
  const r0 = await redisCpu();
  const c0 = process.cpuUsage();
  const m0 = process.memoryUsage();
  const before = { rss: m0.rss, heap: m0.heapUsed };
  const peak = { ...before };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  const result = await f();
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const redisMs = (await redisCpu()) - r0;
  clearInterval(timer);
  const m1 = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m1.rss);
  peak.heap = Math.max(peak.heap, m1.heapUsed);
  return { label, ms, before, peak, result, cpuMs: (c1.user + c1.system) / 1000, redisMs };
}

/** With BENCH_PROFILE set, a CPU profile of f written to that file. */
function profiled<T>(f: () => Promise<T>): () => Promise<T> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return f;
  return async () => {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const r = await f();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return r;
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-bench-reminders-'));
  const redisProc = await startEmbeddedRedis({
    dataDir: dir,
    durable: process.env.BENCH_DURABLE !== '0',
    reuse: false,
  });
  const config = loadConfig({ LOG_LEVEL: 'warn', SIM: 'off' });
  let now = new Date('2021-05-31T00:30:00Z');
  const rt = await createRuntime({
    config,
    log: createLogger('warn'),
    prefix: '{bench}',
    redisUrl: redisProc.url,
    now: () => now,
  });
  try {
    const store = createStore(rt.redis, rt.prefix);
    await store.importRoster(roster());
    const passDay = '2021-06-01';
    const prevDay = cal.previousWorkday(passDay);
    // every deadline within reach of the first passes (up to 3 working days after prevDay)
    const deadlines: string[] = [];
    for (let d = cal.addWorkdays(prevDay, -60); d <= cal.addWorkdays(prevDay, 3); d = cal.addWorkdays(d, 1))
      deadlines.push(d);

    const t0 = performance.now();
    const records = Math.ceil(N / PER_RECORD);
    const createdAt = new Date('2021-02-01T02:00:00Z');
    let next = 0;
    const worker = async () => {
      for (let r = next++; r < records; r = next++) {
        const school = `S${String((r % SCHOOLS) + 1).padStart(4, '0')}`;
        await store.createRecord({
          command: {
            command: 'submit_record',
            school: { id: school, name: '' },
            date: '2021-02-01',
            kind: '挂牌督导',
            problems: Array.from({ length: PER_RECORD }, (_, k) => ({
              text: `问题${r}-${k}：台账不全`,
              deadline: deadlines[(r * PER_RECORD + k) % deadlines.length]!,
              deadlineSource: 'text' as const,
            })),
          },
          supervisor: `sup${(r % 200) + 1}`,
          source: { platform: 'sim', messageId: `bench-${r}` },
          now: createdAt,
        });
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    const seedMs = performance.now() - t0;
    const info = await rt.redis.info('memory');
    const usedMemory = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
    console.log(
      `seeded ${records * PER_RECORD} open items (${records} records) in ${(seedMs / 1000).toFixed(1)} s; Redis used_memory ${MB(usedMemory)} MiB`,
    );

    redisCpu = async () => {
      const cpu = await rt.redis.info('cpu');
      const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(cpu)?.[1] ?? 0);
      return (num('used_cpu_user') + num('used_cpu_sys')) * 1000;
    };
    const deps = reminderPassDeps(rt);
    deps.log = createLogger('warn');
    const pass =
      (at: string, fullScan = false) =>
      async () => {
        now = new Date(at);
        return runReminderPass(deps, { at: now, fullScan });
      };
    const runs = [
      await measure(`cold  ${prevDay} 09:00`, pass(`${prevDay}T09:00:00+08:00`)),
      await measure(`full  ${prevDay} 09:05`, pass(`${prevDay}T09:05:00+08:00`, true)),
      await measure(`full  ${prevDay} 09:10`, profiled(pass(`${prevDay}T09:10:00+08:00`, true))),
      await measure(`day   ${passDay} 08:30`, pass(`${passDay}T08:30:00+08:00`)),
      await measure(`warm  ${passDay} 08:35`, pass(`${passDay}T08:35:00+08:00`)),
      await measure(`warm  ${passDay} 08:40`, pass(`${passDay}T08:40:00+08:00`)),
    ];
    console.log(
      '\npass                     wall ms  node CPU ms  Redis CPU ms   scanned   stages  messages   RSS before→peak MiB   heap before→peak MiB',
    );
    for (const r of runs) {
      console.log(
        `${r.label.padEnd(24)} ${r.ms.toFixed(0).padStart(8)} ${r.cpuMs.toFixed(0).padStart(12)} ${r.redisMs.toFixed(0).padStart(13)} ${String(r.result.scanned).padStart(9)} ${String(r.result.stages).padStart(8)} ${String(r.result.messages).padStart(9)}   ${`${MB(r.before.rss)}→${MB(r.peak.rss)}`.padStart(17)}   ${`${MB(r.before.heap)}→${MB(r.peak.heap)}`.padStart(18)}`,
      );
    }
    console.log(
      `load average during the run: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} (2 vCPUs here: other processes compete for them)`,
    );
    const full = runs[2]!;
    console.log(
      `\nfull pass over ${full.result.scanned} open items: ${(full.ms / 1000).toFixed(2)} s (target < 2 s), heap growth during the pass ${MB(full.peak.heap - full.before.heap)} MiB`,
    );
    console.log(`outbound jobs enqueued in all: ${await rt.jobQueues.outbound.count()}`);
  } finally {
    await rt.close();
    await redisProc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
