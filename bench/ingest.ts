/**
 * Ingest: `node --import tsx bench/ingest.ts [--records 2000] [--problems 5] [--connections 10]`
 * (or `npm run bench:ingest -- --records 20000`).
 *
 * What one visit record leaves in Redis, at volume. The real service (`node bin/dudao.mjs serve`,
 * a child process: the web on its main thread, the workers in worker threads) on its own durable
 * Redis (AOF, appendfsync always) and the fake WeCom/DingTalk API (test/fakes/fake-platform.ts, in
 * this process). A district like the demo one but big enough (one school per 4 records, 20
 *責任区, a supervisor per 25 schools, a principal per school, on WeCom), its names and the
 * problems' vocabulary drawn from the 2021 county work plans (双减, 五项管理, 课后服务, 校园安全 …).
 * Every record — N problems, each with its deadline — goes through `POST /wecom/bot` (smart bot
 * JSON, signed and encrypted as WeCom sends it) from its zone's supervisor, CONNECTIONS at a time.
 * The bench then waits until every record is stored and every notice sent (each principal gets a
 * summary and one card per item, at most 25 a minute as WeCom allows, so there are enough schools
 * for that not to be what is measured), and the queues are empty.
 *
 * Prints: accept req/s (the callbacks), records/s end to end (first callback → last notice),
 * Redis `used_memory` growth per item right after the ingest (the district imported before the
 * baseline), and where it is: every key SCANned, grouped by family (the key with numbers and ids
 * folded), MEMORY USAGE sampled per family (up to SAMPLE keys) and scaled to its count; and the
 * app messages at the fake API by kind, with how many went to the same person twice (0).
 */
import { Queue } from 'bullmq';
import {
  Scope,
  client,
  serviceEnv,
  startFake,
  startRedis,
  startRole,
} from '../test/reliability/processes.js';
import { sleep } from '../test/helpers/wait-for.js';
import { WECOM_TEST, buildWecomBotCallback } from '../test/helpers/wecom-sign.js';
import type { FakePlatform } from '../test/fakes/fake-platform.js';
import { createStore } from '../src/store/redis-store.js';
import { DEFAULT_PREFIX } from '../src/queue/names.js';
import { queueOptions } from '../src/queue/job-options.js';
import type { Roster } from '../src/domain/roster.js';
import { benchPeople } from './people.js';
import { familyTable, keyFamilies } from './key-families.js';
import { numberArg } from './args.js';
import { mb } from './process-memory.js';

const RECORDS = numberArg('records', 2000);
const PROBLEMS = numberArg('problems', 5);
const CONNECTIONS = numberArg('connections', 10);
/** WeCom lets an app send a member 25 messages a minute: 4 records of 5 problems (6 messages each) fit */
const SCHOOLS = numberArg('schools', Math.max(20, Math.ceil(RECORDS / 4)));
const ZONES = 20;
const SAMPLE = 200;
/** nothing left to happen this long after the last expected send: give up and report */
const STALL_MS = 180_000;

// ---- the district: names and vocabulary from the 2021 work plans (大足区, 武胜县, 南岸区, 东湖开发区)
const TOWNS = [
  '龙水',
  '棠香',
  '龙岗',
  '智凤',
  '宝顶',
  '中敖',
  '三驱',
  '宝兴',
  '玉龙',
  '石马',
  '拾万',
  '回龙',
  '金山',
  '万古',
  '国梁',
  '雍溪',
  '珠溪',
  '龙石',
  '邮亭',
  '铁山',
  '季家',
  '古龙',
  '高升',
  '沿口',
  '中心',
  '乐善',
  '飞龙',
  '三溪',
  '猛山',
  '街子',
  '万善',
  '烈面',
  '龙女',
  '华封',
  '鸣钟',
  '真静',
  '南坪',
  '弹子石',
  '铜元局',
  '花园',
  '南山',
  '涂山',
  '鸡冠石',
  '长生桥',
  '迎龙',
  '广阳',
  '峡口',
  '关山',
];
const KINDS: { type: Roster['schools'][number]['type']; name: string }[] = [
  { type: '小学', name: '小学' },
  { type: '小学', name: '中心小学' },
  { type: '初中', name: '初级中学' },
  { type: '九年一贯制', name: '九年一贯制学校' },
  { type: '幼儿园', name: '幼儿园' },
  { type: '高中', name: '中学' },
  { type: '职业学校', name: '职业中学' },
];
const VISIT_KINDS = [
  '经常性督导',
  '专项督导（双减）',
  '专项督导（五项管理）',
  '挂牌督导',
  '随机督导',
  '回头看',
];
const SUBJECTS = [
  '作业公示栏',
  '课后服务学生签到表',
  '课后服务收费公示',
  '食堂留样记录',
  '校园安全隐患排查台账',
  '学生手机管理制度',
  '学生睡眠时间记录',
  '课外读物进校园审核台账',
  '学生体质健康监测数据',
  '近视防控工作台账',
  '控辍保学工作台账',
  '心理健康辅导室',
  '劳动教育课程安排',
  '校外培训机构排查记录',
  '晨午检记录',
  '一楼消防通道',
  '实验室危化品管理台账',
  '校车接送登记表',
  '教师培训档案',
  '图书室借阅登记',
];
const FAULTS = [
  '未按周更新',
  '缺2月数据，记录不完整',
  '未落实双人签字制度',
  '堆放杂物，影响紧急疏散',
  '破损未及时修复',
  '未按要求上报区教委',
  '台账资料不全',
  '未落实专人管理',
];

function district(): Roster {
  const zones = Array.from({ length: ZONES }, (_, z) => ({ id: `z${z + 1}`, name: `第${z + 1}责任区` }));
  const schools = Array.from({ length: SCHOOLS }, (_, i) => {
    const k = KINDS[i % KINDS.length]!;
    const town = TOWNS[Math.floor(i / KINDS.length) % TOWNS.length]!;
    const n = Math.floor(i / (KINDS.length * TOWNS.length)) + 1;
    return {
      id: `S${i + 1}`,
      name: `${town}${n > 1 ? `第${n}` : ''}${k.name}`,
      shortNames: [],
      type: k.type,
      nature: '公办' as const,
      zone: `z${(i % ZONES) + 1}`,
      active: true,
    };
  });
  const supervisors = Math.max(ZONES, Math.ceil(SCHOOLS / 25));
  const people = benchPeople(supervisors, ZONES, schools);
  return { zones, schools, people, chats: [], plan: [] };
}

// ---- where the memory is

// ---- the traffic

let seq = 0;
const run = Math.random().toString(36).slice(2, 8);

/**
 * A school's visits are a day apart (its k-th record, k / SCHOOLS days before today): the same
 * school twice on one day with alike problems is held back as a likely duplicate
 * (handlers/duplicate-record.ts), which is not what this bench measures.
 */
function visitDate(k: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 - Math.floor(k / SCHOOLS) * 86_400_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function recordText(school: string, k: number): string {
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  const problems = Array.from(
    { length: PROBLEMS },
    (_, i) =>
      `${i + 1}、${pick(SUBJECTS, k * 7 + i * 3)}${pick(FAULTS, k + i)}，${3 + (i % 3) * 2}个工作日内整改`,
  );
  return [
    '提交督导记录',
    `学校：${school}`,
    `日期：${visitDate(k)}`,
    `类型：${pick(VISIT_KINDS, k)}`,
    `情况：第${k}次入校，查阅资料、走访课堂。`,
    '问题：',
    ...problems,
  ].join('\n');
}

function callback(base: string, fake: FakePlatform, user: string, text: string) {
  const id = `ingest-${run}-${++seq}`;
  const body = JSON.stringify({
    msgid: id,
    aibotid: 'AIBOTID',
    chattype: 'single',
    from: { userid: user },
    response_url: fake.responseUrl(id),
    msgtype: 'text',
    text: { content: text },
  });
  const c = buildWecomBotCallback(WECOM_TEST, body);
  return { url: base + c.url, body: c.body };
}

async function main() {
  const scope = new Scope();
  process.on('SIGINT', () => void scope.close().then(() => process.exit(130)));
  try {
    const redis = await startRedis(scope, 'ingest-redis');
    const fake = await startFake(scope);
    const conn = client(scope, redis.url);
    const roster = district();
    await createStore(conn, DEFAULT_PREFIX).importRoster(roster);
    const env = {
      ...serviceEnv({ redisUrl: redis.url, apiBase: fake.url, dataDir: scope.tmp('ingest-data') }),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // a supervisor here sends far more than a person types: this measures the store, not the limit
      SENDER_RATE_LIMIT: '99999/min',
    };
    const svc = await startRole(scope, 'serve', env);
    const memory = async () => Number(/used_memory:(\d+)/.exec(String(await conn.info('memory')))?.[1] ?? 0);
    // the time jobs' schedulers always hold their next run: only the message path's queues must drain
    const queues = (['inbound', 'outbound'] as const).map(
      // with the service's options: a Queue object writes its events cap into the queue's meta
      (n) => new Queue(n, { connection: conn, prefix: DEFAULT_PREFIX, ...queueOptions }),
    );
    const pending = async () => {
      let n = 0;
      for (const q of queues) {
        const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
        n += Object.values(c).reduce((a, b) => a + b, 0);
      }
      return n;
    };
    // let the start-up settle (schedulers, first reminder pass) before the baseline
    while ((await pending()) > 0) await sleep(500);
    await sleep(1000);
    const schoolsBy = new Map(roster.schools.map((s) => [s.id, s]));
    const supOf = (zone: string) =>
      roster.people.filter((p) => p.roles.includes('supervisor') && p.zones.includes(zone));
    const mem0 = await memory();
    const keys0 = Number(await conn.dbsize());
    console.error(
      `ingest: ${RECORDS} records of ${PROBLEMS} problems through /wecom/bot, ${SCHOOLS} schools, ${CONNECTIONS} connections; service pid ${svc.pid}; Redis ${mb(mem0)} MB with the district`,
    );

    // ---- send
    const t0 = performance.now();
    const wall0 = Date.now();
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < RECORDS) {
        const k = next++;
        const s = schoolsBy.get(`S${(k % SCHOOLS) + 1}`)!;
        const sups = supOf(s.zone);
        const sup = sups[Math.floor(k / SCHOOLS) % sups.length]!;
        const c = callback(svc.url, fake, sup.wecomId!, recordText(s.name, k));
        let status = -1;
        try {
          const r = await fetch(c.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: c.body,
          });
          status = r.status;
          await r.arrayBuffer();
        } catch {
          status = -1;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const acceptS = (performance.now() - t0) / 1000;
    console.error(`  accepted ${RECORDS} in ${acceptS.toFixed(1)} s (${(RECORDS / acceptS).toFixed(0)}/s)`);

    // ---- wait for every record stored and every notice sent
    const expectNotices = RECORDS * (PROBLEMS + (PROBLEMS > 1 ? 1 : 0));
    const count = () => {
      let notices = 0;
      let answers = 0;
      let last = 0;
      for (const r of fake.requests) {
        if (!r.served) continue;
        if (r.path === '/cgi-bin/message/send') notices++;
        else if (r.path === '/cgi-bin/aibot/response') answers++;
        else continue;
        if (r.at > last) last = r.at;
      }
      return { notices, answers, last };
    };
    let lastProgress = Date.now();
    let seen = -1;
    let stored = 0;
    let c = count();
    let tick = 0;
    for (;;) {
      stored = Number((await conn.get(`${DEFAULT_PREFIX}:seq:dd`)) ?? 0);
      c = count();
      const done = stored >= RECORDS && c.notices >= expectNotices && c.answers >= RECORDS;
      if (done && (await pending()) === 0) break;
      const progress = stored + c.notices + c.answers;
      if (progress !== seen) {
        seen = progress;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > STALL_MS) {
        console.error('  stalled: reporting what there is');
        break;
      }
      if (++tick % 20 === 0)
        console.error(
          `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${stored} records stored, ${c.answers} answers, ${c.notices}/${expectNotices} notices, ${mb(await memory())} MB`,
        );
      await sleep(500);
    }
    const endS = (c.last - wall0) / 1000; // first callback → last notice sent
    const mem1 = await memory();
    const keys1 = Number(await conn.dbsize());
    const items = Number((await conn.get(`${DEFAULT_PREFIX}:seq:zg`)) ?? 0);

    // ---- where it is
    const rows = await keyFamilies(conn, SAMPLE);
    const grown = mem1 - mem0;
    const per = (n: number) => (items ? n / items : 0).toFixed(0);

    // what the app messages were, by kind (a card's title, a markdown's first line, numbers and
    // school folded): beside the notices, the month's 工作安排 to the supervisors; and whether any
    // identical message went to the same person twice (never: nothing is sent twice)
    const kinds = new Map<string, number>();
    const sentOnce = new Set<string>();
    let twice = 0;
    for (const r of fake.delivered('/cgi-bin/message/send')) {
      const b = r.body as Record<string, any>;
      const text = String(
        b.template_card?.main_title?.title ?? b.markdown?.content?.split('\n')[0] ?? b.msgtype ?? '?',
      );
      const kind = `${b.msgtype}: ${text.split(' · ')[0]!.replace(/\d+/g, '#').slice(0, 40)}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const whole = `${b.touser}|${JSON.stringify(b.template_card ?? b.markdown ?? b.text)}`;
      if (sentOnce.has(whole)) twice++;
      else sentOnce.add(whole);
    }

    const out = [
      `ingest: ${RECORDS} records of ${PROBLEMS} problems (${items} items) through /wecom/bot, ${CONNECTIONS} connections, ${SCHOOLS} schools; serve (web + worker threads), Redis AOF appendfsync always`,
      `accept: ${(RECORDS / acceptS).toFixed(0)} req/s (${RECORDS} callbacks in ${acceptS.toFixed(1)} s; ${[...statuses.entries()].map(([k, v]) => `${k === -1 ? 'error' : k}×${v}`).join(', ')})`,
      `end to end: ${(RECORDS / endS).toFixed(0)} records/s (${stored} records stored, ${c.answers} answers and ${c.notices} of ${expectNotices} notices sent, queues empty, in ${endS.toFixed(1)} s)`,
      `Redis used_memory: ${mb(mem0)} MB → ${mb(mem1)} MB: **${per(grown)} B per item** (${(grown / Math.max(1, stored)).toFixed(0)} B per record of ${PROBLEMS}); keys ${keys0} → ${keys1} (${(keys1 - keys0) / Math.max(1, items)} per item)`,
      `app messages by kind: ${[...kinds]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${n} × ${k}`)
        .join('; ')}; the same message to the same person twice: ${twice}`,
      ...familyTable(rows, items, grown, 'item'),
    ];
    console.log(out.join('\n'));
    for (const q of queues) await q.close();
    const ok = stored === RECORDS && c.notices >= expectNotices && c.answers >= RECORDS;
    process.exitCode = ok ? 0 : 1;
  } finally {
    await scope.close();
  }
}

await main();
