/**
 * Soak: `node --import tsx bench/soak.ts [--minutes 10] [--rate 30]` (or `npm run bench:soak -- --minutes 10`).
 *
 * The real service (`node bin/dudao.mjs serve`, a child process: the web on its main thread, the
 * workers in worker threads) on its own durable Redis (AOF, appendfsync always) and the fake
 * WeCom/DingTalk API (test/fakes/fake-platform.ts, in this process), the demo district imported.
 * Mixed office traffic at a steady rate, half WeCom smart bot and half DingTalk robot, each message
 * with its own reply channel (response_url / sessionWebhook) so its answer is timed end to end:
 *   帮助 20 %, 待办 20 %, visit records of 1–3 problems 20 %, and principals' 收到 15 %,
 *   整改进度 … 进行中 15 %, 整改完成 10 % on the records' open items (待办 when there is none);
 *   10 % of the valid callbacks are delivered a second time, byte for byte, 1–10 s later (a
 *   platform's retry: 200, nothing answered twice), and 5 % of all callbacks are badly signed
 *   (401, nothing stored).
 * Prints throughput, ack latency, callback → answer latency, the service's RSS, each thread's heap and Redis
 * used_memory each minute, Redis bytes per record + item created, and the counts: every valid
 * message answered within 30 s of the end, none twice, no 5xx; then what Redis keeps, by key family
 * (bench/key-families.ts), per record + item created.
 */
import { Queue } from 'bullmq';
import {
  ADMIN_TOKEN,
  Scope,
  client,
  serviceEnv,
  startFake,
  startRedis,
  startRole,
} from '../test/reliability/processes.js';
import { demoRoster, importDemoRoster } from '../test/helpers/district.js';
import { sleep } from '../test/helpers/wait-for.js';
import { replies } from '../test/reliability/traffic.js';
import { WECOM_TEST, buildWecomBotCallback } from '../test/helpers/wecom-sign.js';
import { DINGTALK_TEST, robotHeaders } from '../test/helpers/dingtalk-sign.js';
import type { FakePlatform } from '../test/fakes/fake-platform.js';
import { PROBLEM_SUBJECTS, SHORT_FAULTS } from './vocabulary.js';
import { familyTable, keyFamilies } from './key-families.js';
import { numberArg } from './args.js';
import { heapOf, mb, rssOf } from './process-memory.js';
import { DEFAULT_PREFIX } from '../src/queue/names.js';
import { queueOptions } from '../src/queue/job-options.js';

const MINUTES = numberArg('minutes', 10);
const RATE = numberArg('rate', 30); // callbacks per second
const GRACE_MS = 30_000; // every valid message answered within this long after the end

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
/** One callback as the platform sends it, kept so a redelivery is the same bytes. */
interface Req {
  url: string;
  init: RequestInit;
  /** where its answer arrives at the fake (`bot:<id>` / `session:<id>`); none for a bad one */
  replyTo?: string;
  /** what it says and who says it, to tell which answers come late (set by `say`) */
  kind?: string;
  who?: string;
}

let seq = 0;
const run = Math.random().toString(36).slice(2, 8);

function botReq(base: string, fake: FakePlatform, user: string, text: string, bad: boolean): Req {
  const id = `soak-${run}-${++seq}`;
  const body = JSON.stringify({
    msgid: id,
    aibotid: 'AIBOTID',
    chattype: 'single',
    from: { userid: user },
    response_url: fake.responseUrl(id),
    msgtype: 'text',
    text: { content: text },
  });
  const c = buildWecomBotCallback(WECOM_TEST, body, bad ? { signature: '0'.repeat(40) } : undefined);
  return {
    url: base + c.url,
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body },
    replyTo: bad ? undefined : `bot:${id}`,
  };
}

function dingReq(base: string, fake: FakePlatform, staff: string, text: string, bad: boolean): Req {
  const id = `soak-${run}-${++seq}`;
  const now = Date.now();
  const body = JSON.stringify({
    conversationId: `cid-single-${staff}`,
    chatbotCorpId: 'dingcorp',
    msgId: id,
    senderNick: '某人',
    senderStaffId: staff,
    senderId: `$:LWCP_v1:$${staff}`,
    sessionWebhookExpiredTime: now + 90 * 60_000,
    createAt: now,
    conversationType: '1',
    isInAtList: true,
    sessionWebhook: fake.sessionWebhook(id),
    robotCode: DINGTALK_TEST.robotCode,
    text: { content: ` ${text}` },
    msgtype: 'text',
  });
  const headers = robotHeaders(DINGTALK_TEST.appSecret, bad ? { sign: 'AAAA' } : {});
  return {
    url: `${base}/dingtalk/robot`,
    init: { method: 'POST', headers, body },
    replyTo: bad ? undefined : `session:${id}`,
  };
}

function paths(fake: FakePlatform): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of replies(fake)) m.set(r.path, (m.get(r.path) ?? 0) + 1);
  return m;
}

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
      // the demo district's 28 people send all of it (about 60 a minute each): this measures
      // capacity, not the per-sender limit (20 a minute by default)
      SENDER_RATE_LIMIT: '99999/min',
    };
    const svc = await startRole(scope, 'serve', env);
    // with the service's options: a Queue object writes its events cap into the queue's meta
    const outbound = new Queue('outbound', { connection: conn, prefix: DEFAULT_PREFIX, ...queueOptions });
    scope.defer(() => outbound.close());
    const memory = async () => Number(/used_memory:(\d+)/.exec(String(await conn.info('memory')))?.[1] ?? 0);

    const roster = demoRoster();
    const reachable = (p: { wecomId?: string; dingtalkId?: string; active: boolean }) =>
      p.active && (p.wecomId || p.dingtalkId);
    const principalOf = new Map(
      roster.people
        .filter((p) => p.roles.includes('principal') && p.school && reachable(p))
        .map((p) => [p.school!, p]),
    );
    const zoneOf = new Map(roster.schools.map((s) => [s.id, s.zone]));
    const supervisorOf = (school: string) =>
      roster.people.find(
        (p) => p.roles.includes('supervisor') && reachable(p) && p.zones.includes(zoneOf.get(school)!),
      );
    const recordSchools = roster.schools.filter(
      (s) => s.active && principalOf.get(s.id) && supervisorOf(s.id),
    );
    const everyone = roster.people.filter(reachable);

    let half = 0;
    /** half WeCom smart bot, half DingTalk robot (the other when the person has no id there) */
    const say = (
      p: { id: string; wecomId?: string; dingtalkId?: string },
      text: string,
      bad = false,
    ): Req => {
      const bot = ++half % 2 === 0 ? p.wecomId : !p.dingtalkId;
      const q =
        bot && p.wecomId
          ? botReq(svc.url, fake, p.wecomId, text, bad)
          : dingReq(svc.url, fake, p.dingtalkId!, text, bad);
      return { ...q, kind: `${bot && p.wecomId ? 'bot' : 'ding'} ${text.split(/[\s\n]/)[0]}`, who: p.id };
    };

    // the records' items, as the API lists them (refreshed every 3 s)
    type It = { id: string; school: string };
    let open: It[] = [];
    let inProgress: It[] = [];
    const api = async (path: string) =>
      (
        (await (
          await fetch(`${svc.url}/api/v1/${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
        ).json()) as { items?: { id: string; school: { id: string } }[] }
      ).items ?? [];
    const refresh = async () => {
      const [o, p] = await Promise.all([
        api('items?status=open&limit=200'),
        api('items?status=in_progress&limit=200'),
      ]);
      open = o.map((i) => ({ id: i.id, school: i.school.id }));
      inProgress = p.map((i) => ({ id: i.id, school: i.school.id }));
    };
    const take = (xs: It[]) => xs.splice(Math.floor(Math.random() * xs.length), 1)[0];
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

    let records = 0;
    let items = 0;
    const message = (bad: boolean): Req => {
      const r = Math.random();
      if (r < 0.2) return say(pick(everyone), '帮助', bad);
      if (r < 0.6 && r >= 0.4) {
        const s = pick(recordSchools);
        const n = 1 + Math.floor(Math.random() * 3);
        const k = ++seq;
        const problems = Array.from(
          { length: n },
          (_, i) =>
            `${i + 1}、${pick(PROBLEM_SUBJECTS)}${pick(SHORT_FAULTS)}（第${k}-${i + 1}项），${3 + i}个工作日内整改`,
        );
        if (!bad) {
          records++;
          items += n;
        }
        return say(
          supervisorOf(s.id)!,
          [
            '提交督导记录',
            `学校：${s.name}`,
            '类型：经常性督导',
            `情况：第${k}次随机检查。`,
            '问题：',
            ...problems,
          ].join('\n'),
          bad,
        );
      }
      if (r >= 0.6) {
        const kind = r < 0.75 ? 'ack' : r < 0.9 ? 'progress' : 'done';
        const it = kind === 'ack' ? take(open) : (take(inProgress) ?? take(open));
        const p = it && principalOf.get(it.school);
        if (it && p) {
          const text =
            kind === 'ack'
              ? `收到 ${it.id}`
              : kind === 'progress'
                ? `整改进度 ${it.id} 进行中 已安排专人整改`
                : `整改完成 ${it.id} 已整改完毕，请验收`;
          if (kind === 'ack' && !bad) inProgress.push(it);
          return say(p, text, bad);
        }
      }
      return say(pick(everyone), '待办', bad);
    };

    // ---- traffic
    const ack: number[] = [];
    const statuses = new Map<number, number>();
    const asked = new Map<string, number>(); // reply channel → sent at (ms)
    const askedBy = new Map<string, { kind: string; who: string }>();
    let redelivered = 0;
    let badSent = 0;
    const post = async (q: Req, first: boolean) => {
      const t0 = performance.now();
      const at = Date.now();
      let status = -1;
      try {
        status = (await fetch(q.url, q.init)).status;
      } catch {
        status = -1;
      }
      ack.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (first && status === 200 && q.replyTo) {
        asked.set(q.replyTo, at);
        askedBy.set(q.replyTo, { kind: q.kind ?? '?', who: q.who ?? '?' });
      }
    };
    const one = async () => {
      const bad = Math.random() < 0.05;
      const q = message(bad);
      if (bad) badSent++;
      await post(q, true);
      if (!bad && Math.random() < 0.1) {
        redelivered++;
        await sleep(1000 + Math.random() * 9000);
        await post(q, false);
      }
    };

    await refresh();
    const startedAt = Date.now();
    const memStart = { rss: rssOf(svc.pid), redis: await memory() };
    const series: string[] = [];
    const inflight = new Set<Promise<void>>();
    let nextMinute = startedAt + 60_000;
    let nextRefresh = startedAt + 3000;
    const interval = 1000 / RATE;
    let due = startedAt;
    let minutes = 0;
    console.error(`soak: ${MINUTES} min at ${RATE} callbacks/s against ${svc.url} (service pid ${svc.pid})`);
    while (Date.now() - startedAt < MINUTES * 60_000) {
      const now = Date.now();
      while (now >= due) {
        const p = one();
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
        minutes++;
        const answered = new Set(replies(fake).map((r) => r.to));
        const waiting = [...asked.keys()].filter((k) => !answered.has(k)).length;
        const q = await outbound.getJobCounts('wait', 'prioritized', 'delayed', 'active');
        const line = `  minute ${minutes}: rss ${mb(rssOf(svc.pid))} MB (heap ${await heapOf(svc.url)}), redis ${mb(await memory())} MB, acked ${ack.length}, answers waiting ${waiting}, in flight ${inflight.size}; outbound wait ${q.wait} prioritized ${q.prioritized} delayed ${q.delayed} active ${q.active}`;
        series.push(line);
        console.error(line);
      }
      await sleep(Math.max(0, Math.min(due, nextRefresh, nextMinute) - Date.now()));
    }
    const steadyMs = Date.now() - startedAt;
    await Promise.all(inflight);
    const endedAt = Date.now();
    const memEndSteady = { rss: rssOf(svc.pid), redis: await memory() };

    // every valid message answered within GRACE_MS of the end
    const firstAnswer = () => {
      const m = new Map<string, number>();
      for (const r of replies(fake)) if (asked.has(r.to) && !m.has(r.to)) m.set(r.to, r.at);
      return m;
    };
    while (Date.now() - endedAt < GRACE_MS && firstAnswer().size < asked.size) await sleep(250);
    const answers = firstAnswer();
    const late = [...answers.values()].filter((at) => at > endedAt + GRACE_MS).length;
    const unanswered = asked.size - answers.size;
    const e2e = [...answers.entries()].map(([to, at]) => at - asked.get(to)!);
    // which answers came late (over 2 s, or never): by what was said, and by whom
    const slow = [...asked.keys()].filter((to) => {
      const at = answers.get(to);
      return at === undefined || at - asked.get(to)! > 2000;
    });
    const tally = (f: (k: { kind: string; who: string }) => string) => {
      const m = new Map<string, number>();
      for (const to of slow) {
        const k = f(askedBy.get(to)!);
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    };
    const perChannel = new Map<string, number>();
    for (const r of replies(fake)) if (asked.has(r.to)) perChannel.set(r.to, (perChannel.get(r.to) ?? 0) + 1);
    // an answer may come in parts (split messages); a doubled one repeats the same text to the same channel
    const texts = new Map<string, number>();
    for (const r of replies(fake))
      if (asked.has(r.to))
        texts.set(`${r.to}\u0000${r.text}`, (texts.get(`${r.to}\u0000${r.text}`) ?? 0) + 1);
    const doubled = [...texts.values()].filter((n) => n > 1).length;
    const memEnd = { rss: rssOf(svc.pid), redis: await memory() };
    // what is kept, after the grace period: per record+item created, as the issue counts it
    const families = familyTable(
      await keyFamilies(conn, 200),
      records + items,
      memEnd.redis - memStart.redis,
      'rec+item',
    );
    const fiveXX = [...statuses.entries()]
      .filter(([s]) => s >= 500 || s === -1)
      .reduce((a, [, n]) => a + n, 0);
    const bad401 = statuses.get(401) ?? 0;

    const secs = steadyMs / 1000;
    const grown = memEndSteady.redis - memStart.redis;
    const ok = unanswered === 0 && doubled === 0 && fiveXX === 0 && bad401 === badSent;
    const out = [
      `soak: ${MINUTES} min, target ${RATE} callbacks/s, service pid ${svc.pid} (serve: web + worker threads), Redis AOF appendfsync always`,
      `throughput: ${(ack.length / secs).toFixed(1)} callbacks/s acknowledged (${ack.length} in ${secs.toFixed(0)} s, ${redelivered} redeliveries, ${badSent} badly signed)`,
      `ack latency: p50 ${pct(ack, 50).toFixed(1)} ms, p99 ${pct(ack, 99).toFixed(1)} ms, max ${Math.max(...ack).toFixed(0)} ms`,
      `callback → answer: p50 ${pct(e2e, 50).toFixed(0)} ms, p99 ${pct(e2e, 99).toFixed(0)} ms, max ${Math.max(...e2e).toFixed(0)} ms (${e2e.length} answers)`,
      `service RSS: ${mb(memStart.rss)} MB at the start → ${mb(memEndSteady.rss)} MB at the end (${mb(memEnd.rss)} MB after the grace period)`,
      `Redis used_memory: ${mb(memStart.redis)} MB → ${mb(memEndSteady.redis)} MB; ${records} records and ${items} items created: ${Math.round(grown / Math.max(1, records + items))} B per record+item (each message's dedup key is kept 3 days, each send's a day, records and items are data)`,
      ...series,
      `answers over 2 s or never (${slow.length}), by message: ${tally((k) => k.kind)}`,
      `  by sender: ${tally((k) => k.who)}`,
      `sends at the fake API by path: ${[...paths(fake).entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `statuses: ${[...statuses.entries()].map(([k, v]) => `${k === -1 ? 'error' : k}×${v}`).join(', ')}`,
      `counts: valid messages ${asked.size}, answered ${answers.size} (${late} after the grace period), unanswered ${unanswered}, answered twice ${doubled}, 5xx/errors ${fiveXX}, badly signed ${badSent} → 401 ${bad401}`,
      ok ? 'OK: every valid message answered once, no 5xx' : 'MISMATCH: see the counts',
      ...families,
    ];
    console.log(out.join('\n'));
    process.exitCode = ok ? 0 : 1;
  } finally {
    await scope.close();
  }
}

await main();
