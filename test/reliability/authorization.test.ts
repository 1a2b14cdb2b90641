import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { WECOM_TEST, buildWecomAppCallback, post, wecomEnv } from '../helpers/wecom-sign.js';
import { dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import type { Item } from '../../src/domain/records.js';
import { Scope, startFake } from './processes.js';
import { demoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, appClick, appText, botText, dingClick, replies, type Reply } from './traffic.js';
import { boardSecret } from '../../src/store/board-secret.js';
import { signToken } from '../../src/board/token.js';

/**
 * Authorization on the real app and workers (in-process, suite Redis): forged card clicks (another
 * school's item in the button key, a click on a card that was sent to someone else, an action
 * the clicker's role may not take), a signed callback replayed after the time window, and a
 * principal asking about another school. Each is refused, changes nothing, tells nobody else,
 * and says nothing about the other school.
 */
const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
let store: FullStore;
let own: Item; // 龙泉小学 (pri-s01's school)
let other: Item; // 棠香街道中心小学 (pri-s06's school, another zone)
const OTHER_SCHOOL = ['棠香街道中心小学', '棠香小学', '棠香中心校', 'S06'];
const OTHER_PROBLEM = '消防通道堆放杂物';

const record = (school: string, problem: string) =>
  `提交督导记录\n学校：${school}\n类型：挂牌督导\n情况：检查校园安全。\n问题：\n1、${problem}，5个工作日内整改`;

beforeAll(async () => {
  fake = await startFake(scope);
  svc = await startTestService({
    env: {
      ...wecomEnv(),
      ...dingtalkEnv(),
      WECOM_API_BASE: fake.url,
      DINGTALK_API_BASE: fake.url,
      DINGTALK_OAPI_BASE: fake.url,
      SIM: 'off',
    },
  });
  scope.defer(() => svc.close());
  store = createStore(svc.rt.redis, svc.rt.prefix);
  await store.importRoster(demoRoster());
  expect(
    (await botText(svc.url, fake, IDS.supWang.wecom, record('龙泉小学', '门卫登记不全'))).res.status,
  ).toBe(200);
  expect(
    (await botText(svc.url, fake, IDS.supZhang.wecom, record('棠香街道中心小学', OTHER_PROBLEM))).res.status,
  ).toBe(200);
  await waitFor('both records stored', async () => (await store.queryItems({})).items.length === 2, 30_000);
  own = (await store.queryItems({ school: 'S01' })).items[0]!;
  other = (await store.queryItems({ school: 'S06' })).items[0]!;
  await idle();
}, 60_000);
afterAll(() => scope.close(), 30_000);

async function idle() {
  const q = svc.rt.jobQueues;
  await waitFor(
    'the pipeline idle',
    async () => {
      const c = await Promise.all(
        [q.inbound, q.outbound].map((x) => x.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
      );
      return c.every((x) => Object.values(x).every((n) => n === 0));
    },
    30_000,
    100,
  );
  await sleep(300);
}

const snapshot = async (it: Item) => ({
  item: await store.getItem(it.id),
  history: await store.history(it.id),
});

/** Do `attack`; then: the other item unchanged, answers only to `attacker`, and none of them about the other school. */
async function refused(
  attacker: string,
  attack: () => Promise<{ res: Response }>,
  expectReply = true,
  o: { nameAsked?: boolean } = {},
): Promise<Reply[]> {
  const before = { own: await snapshot(own), other: await snapshot(other) };
  const mark = replies(fake).length;
  const r = await attack();
  expect(r.res.status).toBeLessThan(500);
  await idle();
  expect(await snapshot(other)).toEqual(before.other);
  expect(await snapshot(own)).toEqual(before.own);
  const got = replies(fake).slice(mark);
  expect(got.map((x) => x.to).filter((to) => to !== attacker)).toEqual([]); // nobody else hears of it
  if (expectReply) expect(got.length).toBeGreaterThanOrEqual(1);
  for (const x of got) {
    // the school's own name may be repeated to someone who asked about it by name; nothing else
    const words = [OTHER_PROBLEM, '张丽华', '何校长', ...(o.nameAsked ? [] : OTHER_SCHOOL)];
    for (const word of words) expect(x.text, `reply to ${attacker}`).not.toContain(word);
  }
  return got;
}

describe('authorization', () => {
  it('a principal clicks 已完成整改 with another school’s item in the button key: refused', async () => {
    const got = await refused(`wecom:${IDS.priS01.wecom}`, () =>
      appClick(svc.url, IDS.priS01.wecom, 'done', other.id),
    );
    expect(got.map((x) => x.text).join('\n')).toContain(`未找到整改事项 ${other.id}`);
  });

  it('a principal clicks on a DingTalk card that was sent to another school’s principal: refused', async () => {
    // pri-s01's DingTalk id, a card instance (outTrackId) of pri-s06's notice, the other item
    await refused(
      `ding:${IDS.priS01.dingtalk}`,
      () =>
        dingClick(svc.url, IDS.priS01.dingtalk, 'done', other.id, {
          outTrackId: `dd-card-for-pri-s06-${other.id}`,
        }),
      false,
    );
  });

  it('a principal clicks the supervisor’s 验收通过 on their own item: refused, the item stays where it was', async () => {
    await refused(`wecom:${IDS.priS01.wecom}`, () => appClick(svc.url, IDS.priS01.wecom, 'pass', own.id));
  });

  it('a supervisor of another zone clicks 验收通过 / 退回 on an item they did not raise: refused', async () => {
    // 张丽华 (zone 2) on 龙泉小学's item (zone 1)
    const got = await refused(`wecom:${IDS.supZhang.wecom}`, () =>
      appClick(svc.url, IDS.supZhang.wecom, 'pass', own.id),
    );
    for (const x of got) expect(x.text).not.toContain('门卫登记不全');
  });

  it('a stranger (not on the roster) clicks a button: refused, nothing changes', async () => {
    await refused('wecom:intruder01', () => appClick(svc.url, 'intruder01', 'done', own.id));
  });

  it('a button key that is not ours, or a malformed item: acknowledged and ignored', async () => {
    await refused(
      `wecom:${IDS.priS01.wecom}`,
      () => appClick(svc.url, IDS.priS01.wecom, 'done', own.id, { key: `dd:done:${other.id}' OR 1=1` }),
      false,
    );
    await refused(
      `wecom:${IDS.priS01.wecom}`,
      () => appClick(svc.url, IDS.priS01.wecom, 'done', own.id, { key: `xx:done:${own.id}` }),
      false,
    );
  });

  it('the principal’s own click, replayed after the time window: 401, nothing changes', async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 2 * 3600);
    const xml =
      `<xml><ToUserName><![CDATA[${WECOM_TEST.corpId}]]></ToUserName><FromUserName><![CDATA[${IDS.priS01.wecom}]]></FromUserName>` +
      `<CreateTime>${stale}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>` +
      `<EventKey><![CDATA[dd:done:${own.id}]]></EventKey><TaskId><![CDATA[task-replayed]]></TaskId><AgentID>${WECOM_TEST.agentId}</AgentID></xml>`;
    const got = await refused(
      `wecom:${IDS.priS01.wecom}`,
      async () => ({
        res: await post(svc.url, buildWecomAppCallback(WECOM_TEST, xml, { timestamp: stale }), 'text/xml'),
      }),
      false,
    );
    expect(got).toEqual([]);
  });

  it('a principal asks about another school, by name and by item: refused, not a word about it', async () => {
    await refused(
      `wecom:${IDS.priS01.wecom}`,
      () => appText(svc.url, IDS.priS01.wecom, '查询 棠香街道中心小学'),
      true,
      { nameAsked: true },
    );
    await refused(`wecom:${IDS.priS01.wecom}`, () => appText(svc.url, IDS.priS01.wecom, `查询 ${other.id}`));
    await refused(`wecom:${IDS.priS01.wecom}`, () =>
      appText(svc.url, IDS.priS01.wecom, `整改完成 ${other.id} 已经整改好了`),
    );
    await refused(`wecom:${IDS.priS01.wecom}`, () =>
      appText(svc.url, IDS.priS01.wecom, `申请延期 ${other.id} 至 12月31日 原因：测试`),
    );
  });

  it('and the owner’s own click still works (the refusals above were not a broken pipeline)', async () => {
    const mark = replies(fake).length;
    expect((await appClick(svc.url, IDS.priS01.wecom, 'done', own.id)).res.status).toBe(200);
    await waitFor('submitted', async () => (await store.getItem(own.id))?.status === 'submitted', 30_000);
    await idle();
    expect(
      replies(fake)
        .slice(mark)
        .some((r) => r.to === `wecom:${IDS.supWang.wecom}`),
    ).toBe(true);
  });
});

/**
 * The board's endpoints, one row each: whatever a session asks for, it gets its own scope or the
 * same 404 / 401 an unknown thing gets — never a word of another school (src/board/scope.ts).
 */
describe('authorization: the board', () => {
  const nowSec = () => Date.now() / 1000;
  const session = async (personId: string) => {
    const secret = await boardSecret(svc.rt.redis, svc.rt.prefix).get();
    const res = await fetch(`${svc.url}/board/login?t=${signToken(secret, 'link', personId, nowSec())}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    return res.headers.getSetCookie()[0]!.split(';')[0]!;
  };
  const get = async (cookie: string, path: string) => {
    const res = await fetch(`${svc.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  };
  const OTHER = [...OTHER_SCHOOL, OTHER_PROBLEM, 'S06', '张丽华', '何校长'];
  const clean = (text: string) => {
    for (const word of OTHER) expect(text).not.toContain(word);
  };

  it('a principal’s session: GET /board/api/overview (today and a past day) holds their school only', async () => {
    const cookie = await session(IDS.priS01.id);
    for (const path of ['/board/api/overview', '/board/api/overview?date=2026-01-05']) {
      const r = await get(cookie, path);
      expect(r.status, path).toBe(200);
      expect(JSON.parse(r.text).schools.map((s: { id: string }) => s.id)).toEqual(['S01']);
      clean(r.text);
    }
  });

  it('a principal’s session: GET /board/api/schools/<another school> is the unknown school’s 404', async () => {
    const cookie = await session(IDS.priS01.id);
    const unknown = await get(cookie, '/board/api/schools/S99');
    const other = await get(cookie, '/board/api/schools/S06');
    expect(unknown.status).toBe(404);
    expect(other).toEqual(unknown);
    expect((await get(cookie, '/board/api/schools/S01')).status).toBe(200);
  });

  it('a supervisor’s session: another zone’s school is 404, and the overview shows their zone only', async () => {
    const cookie = await session(IDS.supWang.id); // 第一责任区
    const other = await get(cookie, '/board/api/schools/S06');
    expect(other).toEqual(await get(cookie, '/board/api/schools/S99'));
    const o = await get(cookie, '/board/api/overview');
    expect(o.status).toBe(200);
    clean(o.text);
    expect(JSON.parse(o.text).zones.length).toBe(1);
  });

  it('GET /board and its static files carry no data; a forged or misused cookie is 401 everywhere', async () => {
    const page = await get(await session(IDS.priS01.id), '/board');
    expect(page.status).toBe(200);
    clean(page.text);
    const secret = await boardSecret(svc.rt.redis, svc.rt.prefix).get();
    const linkAsCookie = `dudao_board=${signToken(secret, 'link', IDS.leadLiu.id, nowSec())}`;
    const otherSecret = `dudao_board=${signToken(Buffer.alloc(32, 9), 'session', IDS.leadLiu.id, nowSec())}`;
    const mine = (await session(IDS.priS01.id)).split('=')[1]!;
    const [, exp, sig] = mine.split('.');
    const spliced = `dudao_board=${Buffer.from(IDS.leadLiu.id).toString('base64url')}.${exp}.${sig}`;
    for (const cookie of [linkAsCookie, otherSecret, spliced, '']) {
      for (const path of ['/board/api/overview', '/board/api/schools/S06', '/board/api/schools/S01']) {
        const r = await get(cookie, path);
        expect(r.status, `${cookie.slice(0, 20)} ${path}`).toBe(401);
        clean(r.text);
      }
      expect((await get(cookie, '/board')).status).toBe(401);
    }
  });
});
