/**
 * Soak: `node --import tsx bench/soak.ts [--minutes 10] [--rate 10]` (or `npm run bench:soak -- --minutes 10`).
 *
 * The real service (`node bin/dudao.mjs serve`, a child process) on its own durable Redis (AOF,
 * appendfsync always) and the fake WeCom/DingTalk API (test/fakes/fake-platform.ts, in this
 * process), the demo district imported. Mixed traffic at a steady rate for N minutes:
 *   - questions (待办 / 查询 ZG-n) on the WeCom smart bot and the DingTalk robot, each with its own
 *     reply channel (response_url / sessionWebhook), so each answer is timed end to end;
 *     (about 62 %, and 5 % more that are later delivered again: platform retries, duplicates);
 *   - visit records from supervisors (3 %: record + item + the principal's notice + the zone
 *     group, whose robot takes 20 messages a minute);
 *   - principals' 已完成整改 clicks (WeCom template card / DingTalk card) on open items (15 %), and
 *     supervisors' 验收通过 clicks on submitted ones (20 %);
 *   - a reminder pass each minute (`npx dudao remind --at` the next working day, 10:00).
 * Prints throughput, p50/p99 ack latency, p50/p99 end to end (callback → the answer at the fake
 * API), the service's RSS and Redis used_memory at the start and end of the steady state (and
 * each minute), and the counts: asked = answered, inbound jobs = accepted callbacks, outbound
 * jobs failed, sends repeated.
 */
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import {
  Scope,
  client,
  runDudao,
  serviceEnv,
  startFake,
  startRedis,
  startRole,
  ADMIN_TOKEN,
} from '../test/reliability/processes.js';
import { demoRoster, importDemoRoster } from '../test/helpers/district.js';
import { sleep, waitFor } from '../test/helpers/wait-for.js';
import {
  appClick,
  botText,
  dingClick,
  dingText,
  replies,
  duplicates,
  type Sent,
} from '../test/reliability/traffic.js';
import { DEFAULT_PREFIX } from '../src/queue/names.js';
import { createCalendar } from '../src/domain/calendar.js';
import { dayInZone } from '../src/domain/day.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MINUTES = arg('minutes', 10);
const RATE = arg('rate', 10); // callbacks per second

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function main() {
  const scope = new Scope();
  process.on('SIGINT', () => void scope.close().then(() => process.exit(130)));
  try {
    const redis = await startRedis(scope, 'soak-redis');
    const fake = await startFake(scope);
    const conn = client(scope, redis.url);
    await importDemoRoster(conn);
    const env = {
      ...serviceEnv({ redisUrl: redis.url, apiBase: fake.url, dataDir: scope.tmp('soak-data') }),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // the soak's few dozen people each send about 20 a minute: the per-sender limit would
      // refuse some, and every question must be answered here
      SENDER_RATE_LIMIT: '100000/min',
    };
    const svc = await startRole(scope, 'serve', env);
    const memory = async () => Number(/used_memory:(\d+)/.exec(String(await conn.info('memory')))?.[1] ?? 0);

    const roster = demoRoster();
    const zoneOf = new Map(roster.schools.map((s) => [s.id, s.zone]));
    const schoolName = new Map(roster.schools.map((s) => [s.id, s.name]));
    const supervisors = roster.people.filter(
      (p) => p.roles.includes('supervisor') && p.active && p.zones.length > 0 && (p.wecomId || p.dingtalkId),
    );
    const principalOf = new Map(
      roster.people
        .filter((p) => p.roles.includes('principal') && p.school && (p.wecomId || p.dingtalkId))
        .map((p) => [p.school!, p]),
    );
    const personOf = new Map(roster.people.map((p) => [p.id, p]));
    const supFor = (school: string) =>
      supervisors.find((s) => s.zones.includes(zoneOf.get(school)!) && s.wecomId);
    const askers = roster.people.filter((p) => p.active && (p.wecomId || p.dingtalkId));
    const recordSchools = roster.schools.filter((s) => principalOf.get(s.id) && supFor(s.id));

    const api = async (path: string) =>
      (
        await fetch(`${svc.url}/api/v1/${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
      ).json() as Promise<{
        items: { id: string; school: { id: string }; status: string; supervisor: { id: string } }[];
      }>;
    let open: { id: string; school: string }[] = [];
    let submitted: { id: string; sup: string }[] = [];
    const refresh = async () => {
      const [o, s] = await Promise.all([
        api('items?status=open&limit=100'),
        api('items?status=submitted&limit=100'),
      ]);
      open = (o.items ?? []).map((i) => ({ id: i.id, school: i.school.id }));
      submitted = (s.items ?? []).map((i) => ({ id: i.id, sup: i.supervisor.id }));
    };

    // --- traffic
    const ack: number[] = [];
    const e2e: number[] = [];
    const asked = new Map<string, number>(); // reply channel → sent at (ms)
    const statuses = new Map<number, number>();
    let accepted = 0;
    let n = 0;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

    const one = async (): Promise<void> => {
      const r = Math.random();
      const k = ++n;
      let send: () => Promise<Sent>;
      let timed = false;
      if (r < 0.62 || (r >= 0.65 && r < 0.8 && !open.length) || (r >= 0.8 && !submitted.length)) {
        const p = pick(askers);
        const text = Math.random() < 0.5 ? '待办' : `查询 ZG-${1 + Math.floor(Math.random() * 300)}`;
        timed = true;
        send =
          p.wecomId && (Math.random() < 0.6 || !p.dingtalkId)
            ? () => botText(svc.url, fake, p.wecomId!, text)
            : () => dingText(svc.url, fake, p.dingtalkId!, text);
      } else if (r < 0.65) {
        // 3 %: at 10/s about 18 records a minute, so each zone's group stays within its robot's
        // 20 messages a minute (WeCom / DingTalk group robots): more would only measure the backlog
        const s = pick(recordSchools);
        const sup = supFor(s.id)!;
        send = () =>
          botText(
            svc.url,
            fake,
            sup.wecomId!,
            `提交督导记录\n学校：${s.name}\n类型：挂牌督导\n情况：第${k}次检查。\n问题：\n1、${schoolName.get(s.id)}问题${k}，5个工作日内整改`,
          );
        timed = true;
      } else if (r < 0.8 && open.length) {
        const it = open.splice(Math.floor(Math.random() * open.length), 1)[0]!;
        if (!principalOf.get(it.school)) return;
        const p = principalOf.get(it.school)!;
        send = p.wecomId
          ? () => appClick(svc.url, p.wecomId!, 'done', it.id)
          : () => dingClick(svc.url, p.dingtalkId!, 'done', it.id);
      } else {
        const it = submitted.splice(Math.floor(Math.random() * submitted.length), 1)[0]!;
        const p = personOf.get(it.sup)!;
        send = p.wecomId
          ? () => appClick(svc.url, p.wecomId!, 'pass', it.id)
          : () => dingClick(svc.url, p.dingtalkId!, 'pass', it.id);
      }
      const t0 = performance.now();
      const at = Date.now();
      const s = await send();
      ack.push(performance.now() - t0);
      statuses.set(s.res.status, (statuses.get(s.res.status) ?? 0) + 1);
      if (s.res.status !== 200 && process.env.SOAK_DEBUG)
        console.error('refused', s.res.status, s.replyTo, await s.res.text());
      if (s.res.status === 200) accepted++;
      if (timed && s.res.status === 200) asked.set(s.replyTo, at);
    };
    // platform retries: some questions are remembered and delivered again later, byte for byte
    const redeliver: { fn: () => Promise<Sent> }[] = [];
    const oneWithRedelivery = async () => {
      if (Math.random() < 0.05 && redeliver.length) {
        const t0 = performance.now();
        const s = await pick(redeliver).fn();
        ack.push(performance.now() - t0);
        statuses.set(s.res.status, (statuses.get(s.res.status) ?? 0) + 1);
        return;
      }
      if (Math.random() < 0.05 && askers.length) {
        const p = pick(askers.filter((x) => x.wecomId));
        const id = `soak-re-${++n}`;
        const fn = () => botText(svc.url, fake, p.wecomId!, '待办', { id });
        const t0 = performance.now();
        const at = Date.now();
        const s = await fn();
        ack.push(performance.now() - t0);
        statuses.set(s.res.status, (statuses.get(s.res.status) ?? 0) + 1);
        if (s.res.status === 200) {
          accepted++;
          asked.set(s.replyTo, at);
          redeliver.push({ fn });
        }
        return;
      }
      await one();
    };

    // warm-up: a few records so clicks have items
    for (let i = 0; i < 10; i++) await oneWithRedelivery();
    await sleep(2000);
    await refresh();

    const startedAt = Date.now();
    const memStart = { rss: rssOf(svc.pid), redis: await memory() };
    const series: string[] = [];
    const inflight = new Set<Promise<void>>();
    const cal = createCalendar();
    let day = dayInZone(new Date(), 'Asia/Shanghai');
    let passes = 0;
    const reminderRuns: Promise<unknown>[] = [];
    let nextMinute = startedAt + 60_000;
    let nextRefresh = startedAt + 3000;
    const interval = 1000 / RATE;
    let due = startedAt;
    console.error(`soak: ${MINUTES} min at ${RATE} callbacks/s against ${svc.url} (service pid ${svc.pid})`);
    while (Date.now() - startedAt < MINUTES * 60_000) {
      const now = Date.now();
      if (now >= due) {
        const p = oneWithRedelivery().catch((e) => {
          statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
          if ((statuses.get(-1) ?? 0) < 5) console.error('callback error', (e as Error).message);
        });
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
        due += interval;
      }
      if (now >= nextRefresh) {
        nextRefresh = now + 3000;
        void refresh().catch(() => {});
      }
      if (now >= nextMinute) {
        nextMinute += 60_000;
        day = cal.nextWorkday(day);
        passes++;
        reminderRuns.push(runDudao(['remind', '--at', `${day}T10:00`], env).then((r) => r.code));
        const line = `  minute ${passes}: rss ${mb(rssOf(svc.pid))} MB, redis ${mb(await memory())} MB, acked ${accepted}, sends at the fake ${replies(fake).length}, in flight ${inflight.size}`;
        series.push(line);
        console.error(line);
      }
      await sleep(Math.max(0, Math.min(due, nextRefresh, nextMinute) - Date.now()));
    }
    const steadyMs = Date.now() - startedAt;
    await Promise.all(inflight);
    const memEndSteady = { rss: rssOf(svc.pid), redis: await memory() };
    const codes = await Promise.all(reminderRuns);

    // drain: every question answered, queues empty
    const inbound = new Queue('inbound', { connection: conn, prefix: DEFAULT_PREFIX });
    const outbound = new Queue('outbound', { connection: conn, prefix: DEFAULT_PREFIX });
    const drained = async () => {
      const c = await Promise.all(
        [inbound, outbound].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
      );
      return c.every((x) => Object.values(x).every((v) => v === 0));
    };
    await waitFor('the queues to drain', drained, 180_000, 500).catch((e) =>
      console.error((e as Error).message),
    );
    const all = replies(fake);
    for (const r of all) {
      const t = asked.get(r.to);
      if (t !== undefined) e2e.push(r.at - t);
    }
    const answered = new Set(all.map((r) => r.to).filter((to) => asked.has(to)));
    const inCounts = await inbound.getJobCounts('completed', 'failed');
    const outCounts = await outbound.getJobCounts('completed', 'failed');
    const dup = duplicates(all.filter((r) => asked.has(r.to)));
    const memEnd = { rss: rssOf(svc.pid), redis: await memory() };
    await inbound.close();
    await outbound.close();

    const secs = steadyMs / 1000;
    const out = [
      `soak: ${MINUTES} min, target ${RATE} callbacks/s, service pid ${svc.pid} (serve: web + workers), Redis AOF appendfsync always`,
      `throughput: ${(ack.length / secs).toFixed(1)} callbacks/s acknowledged (${ack.length} in ${secs.toFixed(0)} s); ${(all.length / secs).toFixed(1)} sends/s at the fake API (${all.length})`,
      `ack latency: p50 ${pct(ack, 50).toFixed(1)} ms, p99 ${pct(ack, 99).toFixed(1)} ms, max ${Math.max(...ack).toFixed(0)} ms`,
      `end to end (callback → its answer at the fake API): p50 ${pct(e2e, 50).toFixed(0)} ms, p99 ${pct(e2e, 99).toFixed(0)} ms (${e2e.length} answers)`,
      `service RSS: ${mb(memStart.rss)} MB at the start → ${mb(memEndSteady.rss)} MB at the end of the steady state (${mb(memEnd.rss)} MB drained)`,
      `Redis used_memory: ${mb(memStart.redis)} MB → ${mb(memEndSteady.redis)} MB (${mb(memEnd.redis)} MB drained; each message's dedup key is kept 3 days, send jobs 7, records and items are data)`,
      ...series,
      `statuses: ${[...statuses.entries()].map(([k, v]) => `${k === -1 ? 'error' : k}×${v}`).join(', ')}`,
      `counts: questions asked ${asked.size}, answered ${answered.size}; callbacks accepted ${accepted}, inbound jobs completed ${inCounts.completed} failed ${inCounts.failed}; outbound jobs completed ${outCounts.completed} failed ${outCounts.failed}; answers repeated ${dup.length}; reminder passes ${codes.length} (exit codes ${[...new Set(codes)].join(',')})`,
      answered.size === asked.size && inCounts.failed === 0 && outCounts.failed === 0 && dup.length === 0
        ? 'OK: sent = expected'
        : 'MISMATCH: see the counts',
    ];
    console.log(out.join('\n'));
    process.exitCode = out.at(-1)!.startsWith('OK') ? 0 : 1;
  } finally {
    await scope.close();
  }
}

await main();
