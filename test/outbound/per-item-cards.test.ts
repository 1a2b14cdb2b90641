// The principal's card, end to end against the fake platform APIs (test/fakes/fake-platform.ts,
// built from the documented formats): a record with three problems, from a WeCom group and from
// a DingTalk group, gives the principal one working card per item; an action on one item
// changes only what shows that item, and the other items' cards, as first received, keep
// working. (docs/spec/interfaces.md, "Cards act on one item each".)

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import { decodeButtonKey } from '../../src/platforms/button-key.js';
import { graphemeCount } from '../../src/platforms/split-message.js';
import { CARD_LIMITS } from '../../src/platforms/card-limits.js';
import { Scope, startFake } from '../reliability/processes.js';
import { demoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, appClick, botText, dingClick, dingText } from '../reliability/traffic.js';

const RECORD =
  '提交督导记录\n学校：龙泉小学\n类型：专项督导（双减）\n情况：抽查作业公示和课后服务台账。\n问题：\n' +
  '1、三年级作业公示栏未按周更新，5个工作日内整改\n' +
  '2、课后服务学生签到表缺2月数据，10个工作日内整改\n' +
  '3、食堂留样记录不全，5个工作日内整改';
const ADMIN = 'per-item-admin-token-0123456789';

async function idle(svc: TestService) {
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
  await sleep(200);
}

const itemsOf = (buttons: { key: string }[]) =>
  new Set(buttons.map((b) => decodeButtonKey(b.key)?.item).filter(Boolean));

async function apiItems(svc: TestService): Promise<Record<string, string>> {
  const r = await fetch(`${svc.url}/api/v1/items?school=S01`, {
    headers: { Authorization: `Bearer ${ADMIN}` },
  });
  const body = (await r.json()) as { items: { id: string; status: string }[] };
  return Object.fromEntries(body.items.map((i) => [i.id, i.status]));
}

describe('WeCom: a record with 3 problems from a group → one working card per item', () => {
  const scope = new Scope();
  let fake: FakePlatform;
  let svc: TestService;
  let store: FullStore;
  const task: Record<string, string> = {};
  let first: Record<string, unknown> = {};

  beforeAll(async () => {
    fake = await startFake(scope);
    svc = await startTestService({
      env: {
        ...wecomEnv(),
        WECOM_API_BASE: fake.url,
        SIM: 'off',
        ADMIN_TOKEN: ADMIN,
      },
    });
    scope.defer(() => svc.close());
    store = createStore(svc.rt.redis, svc.rt.prefix);
    await store.importRoster(demoRoster());
  }, 60_000);
  afterAll(() => scope.close(), 30_000);

  it('the principal gets, through message/send, a button_interaction card per ZG number, within every limit', async () => {
    const sent = await botText(svc.url, fake, IDS.supWang.wecom, RECORD, { group: true });
    expect(sent.res.status).toBe(200);
    await waitFor('three cards', () => fake.wecomCardsOf(IDS.priS01.wecom).length === 3, 30_000);
    await idle(svc);
    const toPrincipal = fake
      .delivered('/cgi-bin/message/send')
      .filter((r) => r.body.touser === IDS.priS01.wecom);
    // a short summary first, then the items in their order
    expect(toPrincipal.map((r) => r.body.msgtype)).toEqual([
      'markdown',
      'template_card',
      'template_card',
      'template_card',
    ]);
    expect(toPrincipal[0]!.body.markdown.content).toMatch(/ZG-1[\s\S]*ZG-2[\s\S]*ZG-3/);
    const cards = toPrincipal.slice(1).map((r) => r.body.template_card);
    for (const [k, tc] of cards.entries()) {
      const id = `ZG-${k + 1}`;
      expect(tc.card_type).toBe('button_interaction');
      expect(itemsOf(tc.button_list)).toEqual(new Set([id])); // acts on its own item only
      const done = tc.button_list.find((b: { key: string }) => b.key === `dd:done:${id}`);
      expect(done.text).toBe('已完成整改');
      for (const b of tc.button_list)
        expect(graphemeCount(b.text)).toBeLessThanOrEqual(CARD_LIMITS.wecomApp.buttonText);
      task[id] = tc.task_id;
    }
    expect(new Set(Object.values(task)).size).toBe(3);
    expect(fake.cardProblems).toEqual([]);
    first = Object.fromEntries(Object.values(task).map((t) => [t, structuredClone(fake.wecomCard(t))]));
  });

  it('clicking ZG-2’s 已完成整改 moves ZG-2 to submitted and updates only ZG-2’s card', async () => {
    const before = fake.delivered('/cgi-bin/message/update_template_card').length;
    const click = await appClick(svc.url, IDS.priS01.wecom, 'done', 'ZG-2', {
      taskId: task['ZG-2'],
      responseCode: fake.clickCode(task['ZG-2']!),
    });
    expect(click.res.status).toBe(200);
    await waitFor('ZG-2 submitted', async () => (await store.getItem('ZG-2'))?.status === 'submitted');
    await idle(svc);
    const updates = fake.delivered('/cgi-bin/message/update_template_card').slice(before);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    for (const u of updates) expect(itemsOf(u.body.template_card.button_list)).toEqual(new Set(['ZG-2']));
    // ZG-1's and ZG-3's cards are exactly as first received; ZG-2's tells the truth
    expect(fake.wecomCard(task['ZG-1']!)).toEqual(first[task['ZG-1']!]);
    expect(fake.wecomCard(task['ZG-3']!)).toEqual(first[task['ZG-3']!]);
    const now = fake.wecomCard(task['ZG-2']!)!;
    expect(now.replaced).toBe('待验收');
    expect(now.card.sub_title_text).toMatch(/报告已完成整改，待验收（\d+月\d+日 \d\d:\d\d）/);
    expect(now.card.horizontal_content_list).toContainEqual({ keyname: '状态', value: '待验收' });
    expect(await apiItems(svc)).toMatchObject({ 'ZG-1': 'open', 'ZG-2': 'submitted', 'ZG-3': 'open' });
    expect(fake.cardProblems).toEqual([]);
  });

  it('clicking ZG-1’s button on the card as first received still works, and ZG-3’s card stays untouched', async () => {
    const click = await appClick(svc.url, IDS.priS01.wecom, 'done', 'ZG-1', {
      taskId: task['ZG-1'],
      responseCode: fake.clickCode(task['ZG-1']!),
    });
    expect(click.res.status).toBe(200);
    await waitFor('ZG-1 submitted', async () => (await store.getItem('ZG-1'))?.status === 'submitted');
    await idle(svc);
    expect(fake.wecomCard(task['ZG-1']!)!.replaced).toBe('待验收');
    expect(fake.wecomCard(task['ZG-3']!)).toEqual(first[task['ZG-3']!]);
    expect(await apiItems(svc)).toMatchObject({ 'ZG-1': 'submitted', 'ZG-3': 'open' });
  });

  it('the supervisor’s 验收通过 is per item too: closing ZG-2 leaves ZG-1’s recheck card working', async () => {
    const recheck = fake.wecomCardsOf(IDS.supWang.wecom);
    const byItem = (id: string) => recheck.find((c) => itemsOf(c.card.button_list).has(id))!;
    expect(recheck.map((c) => [...itemsOf(c.card.button_list)])).toEqual([['ZG-2'], ['ZG-1']]);
    const zg1Before = structuredClone(fake.wecomCard(byItem('ZG-1').taskId));
    const t2 = byItem('ZG-2').taskId;
    await appClick(svc.url, IDS.supWang.wecom, 'pass', 'ZG-2', {
      taskId: t2,
      responseCode: fake.clickCode(t2),
    });
    await waitFor('ZG-2 closed', async () => (await store.getItem('ZG-2'))?.status === 'closed');
    await idle(svc);
    expect(fake.wecomCard(t2)!.replaced).toBe('已销号');
    expect(fake.wecomCard(byItem('ZG-1').taskId)).toEqual(zg1Before);
    // the principal's ZG-2 card says 已销号 too (its send's response_code was still unused)
    expect(fake.wecomCard(task['ZG-2']!)!.replaced).toBe('已销号');
    expect(fake.wecomCard(task['ZG-3']!)).toEqual(first[task['ZG-3']!]);
    expect(fake.cardProblems).toEqual([]);
  });
});

describe('DingTalk: the same record through the robot → an interactive card per item', () => {
  const scope = new Scope();
  let fake: FakePlatform;
  let svc: TestService;
  let store: FullStore;
  const track: Record<string, string> = {};
  let first: Record<string, Record<string, string>> = {};
  const principal = IDS.priS01.dingtalk;

  beforeAll(async () => {
    fake = await startFake(scope);
    svc = await startTestService({
      env: {
        ...dingtalkEnv(),
        DINGTALK_CARD_TEMPLATE_ID: 'tpl-dudao.schema',
        DINGTALK_API_BASE: fake.url,
        DINGTALK_OAPI_BASE: fake.url,
        SIM: 'off',
        ADMIN_TOKEN: ADMIN,
      },
    });
    scope.defer(() => svc.close());
    store = createStore(svc.rt.redis, svc.rt.prefix);
    await store.importRoster(demoRoster());
  }, 60_000);
  afterAll(() => scope.close(), 30_000);

  const cardsTo = (userId: string) =>
    fake
      .delivered('/v1.0/card/instances/createAndDeliver')
      .filter((r) => r.body.openSpaceId === `dtv1.card//IM_ROBOT.${userId}`);

  it('the principal gets interactive cards with an action per item', async () => {
    const sent = await dingText(svc.url, fake, IDS.supWang.dingtalk, RECORD, { group: true });
    expect(sent.res.status).toBe(200);
    await waitFor('three cards', () => cardsTo(principal).length === 3, 30_000);
    await idle(svc);
    for (const r of cardsTo(principal)) {
      const buttons = JSON.parse(r.body.cardData.cardParamMap.buttons) as { key: string; text: string }[];
      const ids = [...itemsOf(buttons)];
      expect(ids).toHaveLength(1);
      expect(buttons.map((b) => b.key)).toContain(`dd:done:${ids[0]}`);
      track[ids[0]!] = r.body.outTrackId;
    }
    expect(Object.keys(track).sort()).toEqual(['ZG-1', 'ZG-2', 'ZG-3']);
    first = Object.fromEntries(Object.values(track).map((t) => [t, { ...fake.dingtalkCard(t)! }]));
    expect(fake.cardProblems).toEqual([]);
  });

  it('after ZG-2 is completed no update removes ZG-1’s or ZG-3’s actions or shows them closed', async () => {
    const before = fake.delivered('/v1.0/card/instances').length;
    await dingClick(svc.url, principal, 'done', 'ZG-2', { outTrackId: track['ZG-2'] });
    await waitFor('ZG-2 submitted', async () => (await store.getItem('ZG-2'))?.status === 'submitted');
    // and the supervisor closes it on the recheck card
    await waitFor('recheck card', () => cardsTo(IDS.supWang.dingtalk).length === 1, 30_000);
    await idle(svc);
    const recheck = cardsTo(IDS.supWang.dingtalk)[0]!.body.outTrackId as string;
    await dingClick(svc.url, IDS.supWang.dingtalk, 'pass', 'ZG-2', { outTrackId: recheck });
    await waitFor('ZG-2 closed', async () => (await store.getItem('ZG-2'))?.status === 'closed');
    await idle(svc);

    const puts = fake.delivered('/v1.0/card/instances').slice(before);
    expect(puts.length).toBeGreaterThanOrEqual(2);
    for (const u of puts) {
      expect([track['ZG-2'], recheck]).toContain(u.body.outTrackId);
      expect([...itemsOf(JSON.parse(u.body.cardData.cardParamMap.buttons))].every((i) => i === 'ZG-2')).toBe(
        true,
      );
    }
    expect(fake.dingtalkCard(track['ZG-1']!)).toEqual(first[track['ZG-1']!]);
    expect(fake.dingtalkCard(track['ZG-3']!)).toEqual(first[track['ZG-3']!]);
    const zg2 = fake.dingtalkCard(track['ZG-2']!)!;
    expect(zg2.status).toBe('已销号');
    expect(zg2.buttons).toBe('[]');
    expect(zg2.outcome).toMatch(/验收通过，已销号/);
    expect(await apiItems(svc)).toMatchObject({ 'ZG-1': 'open', 'ZG-2': 'closed', 'ZG-3': 'open' });
    expect(fake.cardProblems).toEqual([]);
  });

  it('ZG-1’s card as first received still works', async () => {
    await dingClick(svc.url, principal, 'done', 'ZG-1', { outTrackId: track['ZG-1'] });
    await waitFor('ZG-1 submitted', async () => (await store.getItem('ZG-1'))?.status === 'submitted');
    await idle(svc);
    expect(fake.dingtalkCard(track['ZG-1']!)!.status).toBe('待验收');
    expect(fake.dingtalkCard(track['ZG-3']!)).toEqual(first[track['ZG-3']!]);
  });

  it('the card tells the truth afterwards: 退回 shows the reason and gives the buttons back; an extension the new deadline', async () => {
    const recheck = (id: string) =>
      cardsTo(IDS.supWang.dingtalk).find((r) =>
        itemsOf(JSON.parse(r.body.cardData.cardParamMap.buttons)).has(id),
      )!.body.outTrackId as string;
    await waitFor('ZG-1 recheck card', () => cardsTo(IDS.supWang.dingtalk).length === 2, 30_000);
    await dingClick(svc.url, IDS.supWang.dingtalk, 'reject', 'ZG-1', {
      outTrackId: recheck('ZG-1'),
      value: '照片不清楚，请补拍',
    });
    await waitFor('ZG-1 sent back', async () => (await store.getItem('ZG-1'))?.status === 'open');
    await idle(svc);
    const zg1 = fake.dingtalkCard(track['ZG-1']!)!;
    expect(zg1.markdown).toContain('退回原因：照片不清楚，请补拍');
    expect(zg1.markdown).toContain('状态：待整改');
    expect(zg1.outcome).toMatch(/已退回/);
    expect(JSON.parse(zg1.buttons!).map((b: { key: string }) => b.key)).toEqual([
      'dd:done:ZG-1',
      'dd:extend:ZG-1',
    ]);

    // 申请延期 on ZG-3's card as first received, then 同意 on the supervisor's card
    const deadline = (await store.getItem('ZG-3'))!.deadline;
    const until = new Date(Date.parse(`${deadline}T00:00:00Z`) + 20 * 86_400_000);
    const typed = `${until.getUTCMonth() + 1}月${until.getUTCDate()}日 原因：设备未到`;
    await dingClick(svc.url, principal, 'extend', 'ZG-3', { outTrackId: track['ZG-3'], value: typed });
    await waitFor('extension asked', async () => (await store.getItem('ZG-3'))?.extension !== undefined);
    await waitFor('extension card', () => cardsTo(IDS.supWang.dingtalk).length === 3, 30_000);
    await idle(svc);
    await dingClick(svc.url, IDS.supWang.dingtalk, 'approve_ext', 'ZG-3', { outTrackId: recheck('ZG-3') });
    await waitFor('extension approved', async () => (await store.getItem('ZG-3'))?.deadline !== deadline);
    await idle(svc);
    const zg3 = fake.dingtalkCard(track['ZG-3']!)!;
    expect(zg3.markdown).toContain(`期限：${until.getUTCMonth() + 1}月${until.getUTCDate()}日`);
    expect(zg3.outcome).toMatch(/同意延期/);
    expect(JSON.parse(zg3.buttons!).map((b: { key: string }) => b.key)).toEqual([
      'dd:done:ZG-3',
      'dd:extend:ZG-3',
    ]);
    expect(fake.cardProblems).toEqual([]);
  });
});
