// Two `web` and two `worker` processes on one Redis. The same callback delivered to both webs is
// handled once; a reminder pass run by two concurrent `remind` commands and by the workers'
// schedule at the same time, and two concurrent `digest` commands, send each message once.
// The workers' pass is a reminder-pass job naming its time (`{at}`, as `remind --at` does), so the
// three passes run as of one working morning whatever day the suite runs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { WECOM_TEST, buildWecomAppCallback, buildWecomBotCallback, post } from '../helpers/wecom-sign.js';
import { DINGTALK_TEST, robotHeaders, robotTextMessage } from '../helpers/dingtalk-sign.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import type { FullStore } from '../../src/store/store.js';
import {
  Scope,
  client,
  runDudao,
  serviceEnv,
  startFake,
  startRedis,
  startRole,
  type RedisNode,
  type Role,
} from './processes.js';
import { importDemoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, duplicates, nextId, nextMsgId, replies } from './traffic.js';
import type { RedisClient } from '../../src/redis/connect.js';

const scope = new Scope();
let redis: RedisNode;
let fake: FakePlatform;
let env: Record<string, string>;
let webs: Role[];
let conn: RedisClient;
let store: FullStore;

beforeAll(async () => {
  redis = await startRedis(scope);
  fake = await startFake(scope);
  conn = client(scope, redis.url);
  store = await importDemoRoster(conn);
  env = serviceEnv({
    redisUrl: redis.url,
    apiBase: fake.url,
    dataDir: scope.tmp('data'),
  });
  const started = await Promise.all([
    startRole(scope, 'web', env, { name: 'web-1' }),
    startRole(scope, 'web', env, { name: 'web-2' }),
    startRole(scope, 'worker', env, { name: 'worker-1' }),
    startRole(scope, 'worker', env, { name: 'worker-2' }),
  ]);
  webs = [started[0], started[1]];
}, 120_000);
afterAll(() => scope.close(), 30_000);

const drained = async (q: Queue) => {
  const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(c).every((n) => n === 0);
};

describe('two webs, two workers, one Redis', () => {
  it('the same callback delivered to both webs is handled once and answered once', async () => {
    const inbound = new Queue('inbound', { connection: conn, prefix: DEFAULT_PREFIX });
    scope.defer(() => inbound.close());
    const before = replies(fake).length;
    const both = (send: (base: string) => Promise<Response>) => Promise.all(webs.map((w) => send(w.url)));
    // WeCom smart bot, WeCom app, DingTalk robot: each exact request to both, at once
    const bot = buildWecomBotCallback(
      WECOM_TEST,
      JSON.stringify({
        msgid: nextId('dup'),
        chattype: 'single',
        from: { userid: IDS.supWang.wecom },
        response_url: fake.responseUrl(nextId('rc')),
        msgtype: 'text',
        text: { content: '查询 ZG-801' },
      }),
    );
    const appXml =
      `<xml><ToUserName><![CDATA[${WECOM_TEST.corpId}]]></ToUserName><FromUserName><![CDATA[${IDS.priS01.wecom}]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[查询 ZG-802]]></Content>` +
      `<MsgId>${nextMsgId()}</MsgId><AgentID>${WECOM_TEST.agentId}</AgentID></xml>`;
    const app = buildWecomAppCallback(WECOM_TEST, appXml);
    const ding = {
      ...robotTextMessage(nextId('dup'), '查询 ZG-803', { group: false, staffId: IDS.supZhang.dingtalk }),
      sessionWebhook: fake.sessionWebhook(nextId('sw')),
    };
    const dingHeaders = robotHeaders(DINGTALK_TEST.appSecret);
    const statuses = [
      ...(await both((b) => post(b, bot, 'application/json'))),
      ...(await both((b) => post(b, app, 'text/xml'))),
      ...(await both((b) =>
        fetch(`${b}/dingtalk/robot`, { method: 'POST', headers: dingHeaders, body: JSON.stringify(ding) }),
      )),
    ].map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    await waitFor('3 answers', () => replies(fake).length >= before + 3, 60_000);
    await waitFor('inbound drained', () => drained(inbound), 30_000);
    await sleep(1000);
    const got = replies(fake).slice(before);
    expect(got.flatMap((r) => r.items).sort()).toEqual(['ZG-801', 'ZG-802', 'ZG-803']);
    expect((await inbound.getJobCounts('completed')).completed).toBe(3);
  }, 90_000);

  it('a reminder pass (two `remind` at once + the scheduled pass) and a digest (two `digest` at once): each message once', async () => {
    // a working Wednesday morning, and items in every stage of the reminder plan as of then
    const T0 = new Date('2026-03-18T10:00:00+08:00');
    const mk = async (
      school: { id: string; name: string },
      supervisor: string,
      deadline: string,
      text: string,
    ) =>
      store.createRecord({
        command: {
          command: 'submit_record',
          school,
          date: '2026-03-05',
          kind: '挂牌督导',
          problems: [{ text, deadline, deadlineSource: 'text' }],
        },
        supervisor,
        source: { platform: 'sim', messageId: nextId('rec') },
        now: new Date('2026-03-05T10:00:00+08:00'),
      });
    await mk({ id: 'S01', name: '龙泉小学' }, 'sup-wang', '2026-03-18', '门卫登记不全'); // due today
    await mk({ id: 'S02', name: '龙泉中学' }, 'sup-wang', '2026-03-17', '食堂留样不全'); // 1 working day overdue: 督办
    await mk({ id: 'S06', name: '棠香街道中心小学' }, 'sup-zhang', '2026-03-12', '消防通道堵塞'); // 4 overdue: escalation
    await mk({ id: 'S03', name: '城关第二十七小学' }, 'sup-wang', '2026-03-23', '作业公示不全'); // 3 working days before

    const mark = fake.requests.length;
    const passes = new Queue('reminder-pass', { connection: conn, prefix: DEFAULT_PREFIX });
    scope.defer(() => passes.close());
    const scheduled = await passes.getDelayed();
    expect(scheduled.length).toBeGreaterThanOrEqual(1); // the workers upserted the 5-minute schedule
    const at = T0.toISOString();
    const [r1, r2] = await Promise.all([
      runDudao(['remind', '--at', at, '--json'], env),
      runDudao(['remind', '--at', at, '--json'], env),
      passes.add('pass', { at }), // the workers' pass, as of the same time
    ]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    await waitFor(
      'the scheduled pass ran',
      async () => (await passes.getCompleted()).length >= 1,
      60_000,
      200,
    );
    const fromCli = [...JSON.parse(r1.stdout), ...JSON.parse(r2.stdout)] as {
      to: { id: string };
      item: string;
      stage: string;
    }[];
    const fromSchedule = (await passes.getCompleted()).reduce(
      (n, j) => n + Number((j.returnvalue as { messages?: number })?.messages ?? 0),
      0,
    );
    const expected = fromCli.length + fromSchedule;
    // the same (person, item, stage) never twice across the three passes
    expect(new Set(fromCli.map((m) => `${m.to.id}|${m.item}|${m.stage}`)).size).toBe(fromCli.length);
    expect(expected).toBeGreaterThanOrEqual(5); // due, 督办 ×2, escalation to the leaders, before

    const outbound = new Queue('outbound', { connection: conn, prefix: DEFAULT_PREFIX });
    scope.defer(() => outbound.close());
    const reminders = () => replies(fake).filter((r) => fake.requests.indexOf(r.req) >= mark);
    await waitFor(`${expected} reminders`, () => reminders().length >= expected, 60_000, 200);
    await waitFor('outbound drained', () => drained(outbound), 60_000, 200);
    await sleep(1000);
    expect(duplicates(reminders())).toEqual([]);
    expect(reminders()).toHaveLength(expected);

    // the digest of the next morning, two commands at once: each leader once
    const mark2 = fake.requests.length;
    const [d1, d2] = await Promise.all([
      runDudao(['digest', '--date', '2026-03-19'], env),
      runDudao(['digest', '--date', '2026-03-19'], env),
    ]);
    expect(d1.code, d1.stderr).toBe(0);
    expect(d2.code, d2.stderr).toBe(0);
    const sentLines = [...d1.stdout.split('\n'), ...d2.stdout.split('\n')].filter((l) => l.startsWith('→'));
    // each leader's digest, and each administrator's 无法送达 list (the demo has one unreachable)
    const recipients = new Set(sentLines.map((l) => /^→ \S+ \(([^)]+)\)/.exec(l)?.[1]));
    const leaders = new Set([...recipients].filter((id) => id?.startsWith('lead-')));
    expect(sentLines.filter((l) => l.endsWith('已发送'))).toHaveLength(recipients.size); // one sender each
    await waitFor('outbound drained', () => drained(outbound), 60_000, 200);
    await sleep(1000);
    const digests = replies(fake).filter((r) => fake.requests.indexOf(r.req) >= mark2);
    expect(duplicates(digests)).toEqual([]);
    const perRecipient = new Set(digests.map((r) => r.to));
    expect(perRecipient.size).toBe(recipients.size);
    console.info(
      `[multi-process] reminders: ${expected} (cli ${fromCli.length}, scheduled ${fromSchedule}); digest to ${leaders.size} leaders in ${digests.length} messages`,
    );
  }, 180_000);
});
