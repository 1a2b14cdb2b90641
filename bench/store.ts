/**
 * Store benchmark: 5,000 schools (1,000 zones of 5, one supervisor each), 100,000 rectification
 * items with realistic Chinese problem texts, on a private Redis started here.
 * Prints Redis memory per item (records and every index included) and the p50/p99 latency of a
 * transition, a school's item list and a zone's overdue list. Targets: < 1 KiB, p99 < 20 ms.
 *
 *   node --import tsx bench/store.ts [items=100000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startEmbeddedRedis } from '../src/redis/embedded-redis.js';
import { createStore } from '../src/store/redis-store.js';
import type { Roster, School } from '../src/domain/roster.js';
import type { TransitionAction } from '../src/domain/lifecycle.js';
import { addDays } from '../src/domain/day.js';
import { problemText } from './vocabulary.js';

const ITEMS = Number(process.argv[2] ?? 100_000);
const SCHOOLS = 5_000;
const PER_ZONE = 5;
const TODAY = '2026-04-01';
const now = new Date('2026-04-01T02:00:00Z');

function roster(): Roster {
  const zones = Array.from({ length: SCHOOLS / PER_ZONE }, (_, z) => ({
    id: `z${z}`,
    name: `第${z + 1}责任区`,
  }));
  const types = ['小学', '初中', '幼儿园', '九年一贯制', '高中'] as const;
  const schools: School[] = Array.from({ length: SCHOOLS }, (_, s) => ({
    id: `S${s}`,
    name: `第${s + 1}${types[s % 5] === '幼儿园' ? '幼儿园' : '学校'}`,
    shortNames: [],
    type: types[s % 5]!,
    nature: '公办',
    zone: `z${Math.floor(s / PER_ZONE)}`,
    active: true,
  }));
  const people = [
    ...zones.map((z, i) => ({
      id: `sup-${i}`,
      name: `督学${i}`,
      roles: ['supervisor' as const],
      zones: [z.id],
      fullTime: false,
      wecomId: `sup${i}`,
      active: true,
    })),
    ...schools.map((s, i) => ({
      id: `pri-${i}`,
      name: `校长${i}`,
      roles: ['principal' as const],
      school: s.id,
      zones: [],
      fullTime: false,
      wecomId: `pri${i}`,
      active: true,
    })),
  ];
  return { zones, schools, people, chats: [], plan: [] };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(2)} ms, p99 ${pct(xs, 99).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;
async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}
const usedMemory = async (r: Redis) => Number(/used_memory:(\d+)/.exec(await r.info('memory'))![1]);

/**
 * Wall-clock latency on a shared 2-core machine measures the neighbours too, so each phase also
 * reports what does not depend on them: this process's CPU per operation, and Redis' own time per
 * operation (INFO commandstats, summed over every command, divided by the operations).
 */
async function phase(
  redis: Redis,
  name: string,
  n: number,
  op: (i: number) => Promise<unknown>,
  target?: string,
) {
  await redis.config('RESETSTAT');
  const cpu0 = process.cpuUsage();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push((await timed(() => op(i)))[0]);
  const cpu = process.cpuUsage(cpu0);
  const stats = await redis.info('commandstats');
  let usec = 0;
  for (const m of stats.matchAll(/cmdstat_(\w+):calls=(\d+),usec=(\d+)/g))
    if (m[1] !== 'config' && m[1] !== 'info') usec += Number(m[3]);
  const clientMs = (cpu.user + cpu.system) / 1000 / n;
  console.log(`${name}: ${fmt(xs)}${target ? `  [target ${target}]` : ''}`);
  console.log(`  CPU per op: client ${clientMs.toFixed(2)} ms + Redis ${(usec / 1000 / n).toFixed(3)} ms`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-bench-store-'));
  const redisProc = await startEmbeddedRedis({ dataDir: dir, durable: false, reuse: false });
  const redis = new Redis(redisProc.url);
  try {
    const store = createStore(redis, '{dudao}');
    const [tImport] = await timed(() => store.importRoster(roster()));
    console.log(
      `roster: ${SCHOOLS} schools, ${SCHOOLS / PER_ZONE} zones, ${SCHOOLS + SCHOOLS / PER_ZONE} people imported in ${(tImport / 1000).toFixed(1)} s`,
    );

    // --- 100k items: records of 1–5 problems, deadlines Jan–Jun (about half overdue on TODAY)
    const before = await usedMemory(redis);
    let made = 0;
    let rec = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (made < ITEMS) {
        const r = rec++;
        const count = Math.min(1 + (r % 5), ITEMS - made);
        made += count;
        const school = `S${(r * 37) % SCHOOLS}`;
        const problems = Array.from({ length: count }, (_, i) => ({
          text: problemText(r * 5 + i),
          deadline: addDays('2026-01-05', (r * 13 + i * 29) % 170),
          deadlineSource: 'text' as const,
        }));
        await store.createRecord({
          command: {
            command: 'submit_record',
            school: { id: school, name: '' },
            date: addDays('2026-01-05', r % 80),
            kind: '挂牌督导',
            findings: '抽查作业公示、课后服务台账和食堂留样记录，查看校园安全隐患排查情况。',
            problems,
          },
          supervisor: `sup-${Math.floor(((r * 37) % SCHOOLS) / PER_ZONE)}`,
          source: { platform: 'wecom', messageId: `bench-${r}` },
          now,
        });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const after = await usedMemory(redis);
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `created ${made} items in ${rec} records in ${secs.toFixed(1)} s (${Math.round(made / secs)} items/s)`,
    );
    const perItem = (after - before) / made;
    console.log(
      `MEMORY per item (used_memory delta / items; records, texts, all indexes included): ${perItem.toFixed(0)} B  [target < 1024]`,
    );
    const key = `{dudao}:zg:${Math.min(12345, made)}`;
    const sample = await redis.memory('USAGE', key);
    const sampleText = await redis.memory('USAGE', `${key}:t`);
    const enc = await redis.object('ENCODING', key);
    // the text sits in the hash (field t) when it fits hash-max-listpack-value, else in its own key
    const text = (await redis.hget(key, 't')) ?? (await redis.get(`${key}:t`));
    console.log(
      `  one item hash: ${sample} B (${enc}); ${sampleText === null ? 'text in the hash' : `its text key: ${sampleText} B`}; text "${text}"`,
    );
    const rkey = `{dudao}:dd:${Math.min(4000, rec)}`;
    const rtext = await redis.memory('USAGE', `${rkey}:t`);
    console.log(
      `  one record hash: ${await redis.memory('USAGE', rkey)} B (${await redis.object('ENCODING', rkey)}); ${rtext === null ? 'texts in the hash' : `its texts: ${rtext} B`}`,
    );

    // --- latencies, sequential, one connection (as a handler sees them)
    const [load1] = (await import('node:os')).loadavg();
    console.log(
      `load average while measuring: ${load1!.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`,
    );
    const steps: TransitionAction[] = ['acknowledge', 'progress', 'done', 'close'];
    await phase(
      redis,
      'TRANSITION',
      3000,
      (i) =>
        store.transition({
          item: `ZG-${1 + ((i * 7919) % made)}`,
          action: steps[i % steps.length]!,
          actor: 'bench',
          source: { platform: 'wecom', messageId: `t-${i}` },
          now,
          note: '已按要求整改',
        }),
      'p99 < 20 ms',
    );
    await phase(
      redis,
      `SCHOOL QUERY (all items of a school, ~${Math.round(made / SCHOOLS)} each)`,
      2000,
      (i) => store.queryItems({ school: `S${(i * 611) % SCHOOLS}`, limit: 100 }),
      'p99 < 20 ms',
    );
    let overdueSeen = 0;
    await phase(
      redis,
      `ZONE OVERDUE LIST (of ~${Math.round(made / (SCHOOLS / PER_ZONE))} items per zone)`,
      1000,
      async (i) => {
        overdueSeen += (
          await store.queryItems({
            zone: `z${(i * 97) % (SCHOOLS / PER_ZONE)}`,
            overdueOn: TODAY,
            limit: 500,
          })
        ).items.length;
      },
      'p99 < 20 ms',
    );
    console.log(`  (${Math.round(overdueSeen / 1000)} overdue items per list on average)`);
    await phase(redis, 'district overdue list, first page of 100', 100, () =>
      store.queryItems({ overdueOn: TODAY, limit: 100 }),
    );
  } finally {
    await redis.quit();
    await redisProc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
