import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import type { TestService } from '../helpers/service.js';
import type { Delivery, FullStore } from '../../src/store/store.js';
import { utf8Bytes } from '../../src/platforms/split-message.js';
import { digestCard, recheckCard } from '../platforms/sample-cards.js';
import { enqueue, waitJob, startOutboundService, type OutboundService } from './helpers.js';
import { makeKeys, outboundKeys } from '../../src/store/keys.js';
import { decodeDeliveryEntry, encodeDelivery } from '../../src/store/delivery-codec.js';
import { decodeCardRef, decodeRemakeRef, encodeCardRef } from '../../src/platforms/card-ref-codec.js';
import { rectificationNoticeCard } from '../../cards/rectification-notice.js';
import { dayCn } from '../../cards/format.js';
import { itemNumber } from '../../src/domain/ids.js';
import type { CardRef } from '../../src/platforms/outbound.js';
import { withText } from '../../cards/card-update.js';
import { waitFor } from '../helpers/wait-for.js';

let on: OutboundService;
let fake: FakePlatform;
let svc: TestService;
let store: FullStore;
const q = () => svc.rt.jobQueues.outbound;

beforeAll(async () => {
  on = await startOutboundService({ timeoutMs: 300, retry: { attempts: 4, baseMs: 5, maxMs: 20 } });
  ({ fake, svc, store } = on);
});
afterAll(() => on?.close());
beforeEach(() => fake.reset());

const plain = {
  ...recheckCard,
  kind: 'reminder' as const,
  title: '整改提醒 ZG-31',
  buttons: [],
  entries: [{ id: 'ZG-31', text: '食堂留样记录不全', meta: '期限 明天' }],
};
const toLi = { kind: 'send', to: { type: 'person', personId: 'p-li' }, items: ['ZG-31'] };
const appSends = () => fake.delivered('/cgi-bin/message/send');

describe('outbound: WeCom app', () => {
  it('sends a button card to the person and records the delivery', async () => {
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'person', personId: 'p-wang' },
      card: recheckCard,
      items: ['ZG-21'],
    });
    expect((await waitJob(q(), id)).state).toBe('completed');
    const [r] = appSends();
    expect(r!.body).toMatchObject({
      touser: 'wang',
      agentid: 1000002,
      msgtype: 'template_card',
      template_card: { card_type: 'button_interaction' },
    });
    const d = await store.deliveries('ZG-21');
    expect(d.at(-1)).toMatchObject({
      to: 'p-wang',
      platform: 'wecom',
      outcome: 'sent',
      cardKind: 'recheck_request',
    });
  });

  it.each([
    ['45009 three times', () => fake.fail('/cgi-bin/message/send', { errcode: 45009 }, 3)],
    ['HTTP 500 twice', () => fake.fail('/cgi-bin/message/send', { status: 500 }, 2)],
    ['a timeout', () => fake.fail('/cgi-bin/message/send', { hangMs: 1500 }, 1)],
    ['the token expired', () => fake.expireTokens('wecom')],
  ])('delivers exactly once when %s', async (_name, inject) => {
    inject();
    const id = await enqueue(q(), { ...toLi, card: plain });
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(appSends()).toHaveLength(1);
    expect(appSends()[0]!.body).toMatchObject({ touser: 'li', msgtype: 'markdown' });
  });

  it('60020 fails the job for good, records the failure, and says what to fix', async () => {
    const failures = async () =>
      (await svc.rt.metrics.sendFailures.get()).values.find((v) => v.labels.platform === 'wecom')?.value ?? 0;
    const before = await failures();
    fake.fail('/cgi-bin/message/send', { errcode: 60020 }, 10);
    const id = await enqueue(q(), { ...toLi, card: { ...plain, title: 'IP 测试' } });
    const r = await waitJob(q(), id);
    expect(r.state).toBe('failed');
    expect(r.attemptsMade).toBe(1); // UnrecoverableError: not retried
    expect(fake.requests.filter((x) => x.path === '/cgi-bin/message/send')).toHaveLength(1);
    const d = (await store.deliveries('ZG-31')).at(-1)!;
    expect(d).toMatchObject({ outcome: 'failed', platform: 'wecom' });
    expect(svc.logs.text()).toContain("add this server's IP to the app's 企业可信IP");
    expect(svc.logs.text()).not.toContain('wecom-secret-value');
    expect(await failures()).toBeGreaterThan(before);
  });

  it('a retried job does not resend the parts that went out', async () => {
    const card = digestCard(120); // several markdown parts
    // part 1 goes through; part 2 meets 500 more times than one attempt retries (4 in-process tries)
    fake.fail('/cgi-bin/message/send', { status: 500 }, 4, { after: 1 });
    const id = await enqueue(
      q(),
      { kind: 'send', to: { type: 'person', personId: 'p-wang' }, card, items: [] },
      { attempts: 3 },
    );
    const r = await waitJob(q(), id);
    expect(r.state).toBe('completed');
    expect(svc.logs.text()).toMatch(/"attempt":0[^\n]*send failed/); // the first attempt failed
    expect(fake.requests.filter((x) => x.path === '/cgi-bin/message/send' && !x.served)).toHaveLength(4);
    const contents = appSends().map((x) => x.body.markdown.content as string);
    const total = Number(/^\(1\/(\d+)\)/.exec(contents[0]!)![1]);
    expect(contents).toHaveLength(total); // each part exactly once
    expect(new Set(contents).size).toBe(total);
    for (const c of contents) expect(utf8Bytes(c)).toBeLessThanOrEqual(2048);
  });

  it('card_update redraws the card with the response_code of the send: the state, buttons greyed', async () => {
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'person', personId: 'p-wang' },
      card: {
        ...recheckCard,
        entries: [{ id: 'ZG-41', text: 'x' }],
        buttons: recheckCard.buttons.map((b) => ({ ...b, item: 'ZG-41' })),
      },
      items: ['ZG-41'],
    });
    await waitJob(q(), id);
    const code = appSends()[0]!;
    expect(code.body.template_card.button_list[0].key).toBe('dd:pass:ZG-41');
    const u = await enqueue(q(), {
      kind: 'card_update',
      item: 'ZG-41',
      outcome: '王督学 验收通过，已销号（3月18日 10:20）',
      state: { status: 'closed', deadline: '2021-03-22', extensionPending: false, version: 3 },
    });
    expect((await waitJob(q(), u)).state).toBe('completed');
    const [upd] = fake.delivered('/cgi-bin/message/update_template_card');
    expect(upd!.body).toMatchObject({
      userids: ['wang'],
      agentid: 1000002,
      response_code: code.body.template_card ? expect.any(String) : undefined,
      template_card: {
        card_type: 'button_interaction',
        replace_text: '已销号',
        button_list: [{ key: 'dd:pass:ZG-41' }, { key: 'dd:reject:ZG-41' }],
      },
    });
    expect(upd!.body.template_card.sub_title_text).toContain('王督学 验收通过，已销号');
    expect(upd!.body.button).toBeUndefined();
  });

  it('a card reference an earlier version kept in a list of its own (out:cards) is still updated, once', async () => {
    const card = {
      ...recheckCard,
      entries: [{ id: 'ZG-44', text: 'x' }],
      buttons: recheckCard.buttons.map((b) => ({ ...b, item: 'ZG-44' })),
    };
    await waitJob(
      q(),
      await enqueue(q(), {
        kind: 'send',
        to: { type: 'person', personId: 'p-wang' },
        card,
        items: ['ZG-44'],
      }),
    );
    // as an earlier version kept it: the delivery alone on the item, the ref in out:cards (V1 and plain JSON)
    const dKey = makeKeys(svc.rt.prefix).itemDeliveries(44);
    const [entry] = await svc.rt.redis.lrangeBuffer(dKey, 0, -1);
    const { delivery, attachment } = decodeDeliveryEntry(entry!)!;
    const kept = decodeCardRef(attachment!, { platform: delivery.platform, sentAt: delivery.at })!;
    const ref = { ...kept, card: withText(kept.card) } as CardRef;
    expect(ref).toMatchObject({ platform: 'wecom', userIds: ['wang'], card });
    await svc.rt.redis.lset(dKey, 0, encodeDelivery(delivery));
    const legacy = outboundKeys(svc.rt.prefix).legacyCardRefs('ZG-44');
    await svc.rt.redis.rpush(legacy, encodeCardRef(ref), JSON.stringify(ref));
    const u = await enqueue(q(), {
      kind: 'card_update',
      item: 'ZG-44',
      outcome: '王督学 验收通过，已销号（3月18日 10:20）',
      state: { status: 'closed', deadline: '2021-03-22', extensionPending: false, version: 3 },
    });
    expect((await waitJob(q(), u)).state).toBe('completed');
    const upd = fake.delivered('/cgi-bin/message/update_template_card');
    expect(upd).toHaveLength(1);
    expect(upd[0]!.body).toMatchObject({
      userids: ['wang'],
      // the send's own response_code: the one the legacy ref holds
      response_code: ref.platform === 'wecom' ? ref.responseCode : '',
      template_card: { replace_text: '已销号' },
    });
  });

  it('records an unreachable person (no ids) without sending', async () => {
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'person', personId: 'p-none' },
      card: plain,
      items: ['ZG-51'],
    });
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(fake.requests).toHaveLength(0);
    expect((await store.deliveries('ZG-51')).at(-1)).toMatchObject({ to: 'p-none', outcome: 'unreachable' });
  });

  it('a bound zone chat gets the notice through its group robot webhook', async () => {
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'bound_chat', binding: { type: 'zone', id: 'Z1' } },
      card: plain,
      items: ['ZG-61'],
    });
    expect((await waitJob(q(), id)).state).toBe('completed');
    const [w] = fake.delivered('/cgi-bin/webhook/send');
    expect(w!.query.key).toBe('k-zone1');
    expect(w!.body.msgtype).toBe('markdown');
    expect((await store.deliveries('ZG-61')).at(-1)).toMatchObject({ to: 'zone:Z1', outcome: 'sent' });
  });

  it('a chat at its rate limit puts the send back for its slot instead of holding a worker', async () => {
    const webhook = `${fake.url}/cgi-bin/webhook/send?key=k-zone1`;
    const rateKey = outboundKeys(svc.rt.prefix).rate('wecom-webhook', webhook);
    const now = Number((await svc.rt.redis.time())[0]) * 1000;
    for (let i = 0; i < 18; i++) await svc.rt.redis.zadd(rateKey, now, `full-${i}`); // 18/min used up
    await svc.rt.redis.pexpire(rateKey, 60_000);
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'bound_chat', binding: { type: 'zone', id: 'Z1' } },
      card: plain,
      items: ['ZG-62'],
    });
    await waitFor('the job put back', async () => (await q().getJobState(id)) === 'delayed', 10_000, 50);
    expect((await q().getJob(id))!.attemptsMade).toBe(0); // put back, not failed
    // meanwhile another chat's reply goes out at once
    const other = await enqueue(q(), { ...toLi, card: plain });
    expect((await waitJob(q(), other)).state).toBe('completed');
    expect(fake.delivered('/cgi-bin/webhook/send')).toHaveLength(0);
    // the slot frees: the notice goes, once
    await svc.rt.redis.del(rateKey);
    await (await q().getJob(id))!.promote();
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(fake.delivered('/cgi-bin/webhook/send')).toHaveLength(1);
  });

  it('answers a smart bot message on its response_url, once', async () => {
    const origin = {
      platform: 'wecom',
      channel: 'wecom-bot',
      senderId: 'wang',
      replyVia: { responseUrl: fake.responseUrl('r1') },
    };
    const id = await enqueue(q(), { kind: 'send', to: { type: 'origin' }, card: plain, origin });
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(fake.delivered('/cgi-bin/aibot/response')).toHaveLength(1);
    // a second reply to the same message: the URL is used up, so it goes to the sender's app chat
    const id2 = await enqueue(q(), { kind: 'send', to: { type: 'origin' }, card: plain, origin });
    expect((await waitJob(q(), id2)).state).toBe('completed');
    expect(fake.delivered('/cgi-bin/aibot/response')).toHaveLength(1);
    expect(appSends().at(-1)!.body.touser).toBe('wang');
  });
});

describe('outbound: DingTalk', () => {
  it('sends a card to the person on the platform they last wrote from, and updates it after a click', async () => {
    await store.setLastPlatform('p-li', 'dingtalk');
    const card = {
      ...recheckCard,
      entries: [{ id: 'ZG-71', text: 'x' }],
      buttons: recheckCard.buttons.map((b) => ({ ...b, item: 'ZG-71' })),
    };
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'person', personId: 'p-li' },
      card,
      items: ['ZG-71'],
    });
    expect((await waitJob(q(), id)).state).toBe('completed');
    const [c] = fake.delivered('/v1.0/card/instances/createAndDeliver');
    expect(c!.body).toMatchObject({
      cardTemplateId: 'tpl-test.schema',
      openSpaceId: 'dtv1.card//IM_ROBOT.d-li',
      imRobotOpenDeliverModel: { robotCode: 'ding-robot' },
    });
    const u = await enqueue(q(), { kind: 'card_update', item: 'ZG-71', outcome: '已由 王督学 验收通过' });
    expect((await waitJob(q(), u)).state).toBe('completed');
    const [p] = fake.delivered('/v1.0/card/instances');
    expect(p!.body).toMatchObject({
      outTrackId: c!.body.outTrackId,
      cardData: { cardParamMap: { outcome: '已由 王督学 验收通过', buttons: '[]' } },
    });
    await store.setLastPlatform('p-li', 'wecom');
  });

  it('a card update retried after a platform error reaches the card once; a late older one changes nothing', async () => {
    await store.setLastPlatform('p-li', 'dingtalk');
    const card = {
      ...recheckCard,
      entries: [{ id: 'ZG-72', text: 'x' }],
      buttons: recheckCard.buttons.map((b) => ({ ...b, item: 'ZG-72' })),
    };
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'person', personId: 'p-li' },
      card,
      items: ['ZG-72'],
    });
    expect((await waitJob(q(), id)).state).toBe('completed');
    const track = fake.delivered('/v1.0/card/instances/createAndDeliver')[0]!.body.outTrackId as string;
    const state = (status: string, version: number) => ({
      status,
      deadline: '2021-03-22',
      extensionPending: false,
      version,
    });
    // the newer state first, through a 500 that makes the job retry
    fake.fail('/v1.0/card/instances', { status: 500 }, 1);
    const closed = await enqueue(q(), {
      kind: 'card_update',
      item: 'ZG-72',
      outcome: '王督学 验收通过，已销号',
      state: state('closed', 4),
    });
    const done = await waitJob(q(), closed);
    expect(done.state).toBe('completed');
    expect(fake.delivered('/v1.0/card/instances')).toHaveLength(1);
    // then an older state arrives late (a retry of an earlier job): the card does not go back
    const older = await enqueue(q(), {
      kind: 'card_update',
      item: 'ZG-72',
      outcome: '李校长 报告已完成整改，待验收',
      state: state('submitted', 3),
    });
    expect((await waitJob(q(), older)).state).toBe('completed');
    expect(fake.delivered('/v1.0/card/instances')).toHaveLength(1);
    expect(fake.dingtalkCard(track)).toMatchObject({ status: '已销号', buttons: '[]' });
    await store.setLastPlatform('p-li', 'wecom');
  });

  it('answers on the sessionWebhook while valid, exactly once through a 90018', async () => {
    fake.fail('/robot/sendBySession', { errcode: 90018 }, 1);
    const origin = {
      platform: 'dingtalk',
      channel: 'dingtalk-robot',
      senderId: 'd-zhao',
      conversation: { id: 'cid-1', isGroup: true },
      replyVia: { sessionWebhook: fake.sessionWebhook('s1'), sessionWebhookExpiresAt: Date.now() + 3600_000 },
    };
    const id = await enqueue(q(), { kind: 'send', to: { type: 'origin' }, card: plain, origin });
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(fake.delivered('/robot/sendBySession')).toHaveLength(1);
  });

  it('falls back to the group robot API when the sessionWebhook has expired', async () => {
    const origin = {
      platform: 'dingtalk',
      channel: 'dingtalk-robot',
      senderId: 'd-zhao',
      conversation: { id: 'cid-2', isGroup: true },
      replyVia: { sessionWebhook: fake.sessionWebhook('s2'), sessionWebhookExpiresAt: Date.now() - 1000 },
    };
    const id = await enqueue(q(), { kind: 'send', to: { type: 'origin' }, card: plain, origin });
    expect((await waitJob(q(), id)).state).toBe('completed');
    expect(fake.delivered('/robot/sendBySession')).toHaveLength(0);
    const [g] = fake.delivered('/v1.0/robot/groupMessages/send');
    expect(g!.body).toMatchObject({
      robotCode: 'ding-robot',
      openConversationId: 'cid-2',
      msgKey: 'sampleMarkdown',
    });
  });
});

describe('outbound: a notice’s card made again from the store (card-ref-codec.ts V3)', () => {
  it('keeps ~40 B for the sent notice, and its update redraws the item as it is now (a new deadline)', async () => {
    const { record, items } = await store.createRecord({
      command: {
        command: 'submit_record',
        school: { id: 'S1', name: '龙泉小学' },
        date: '2026-12-04',
        kind: '专项督导',
        topic: '双减',
        problems: [
          { text: '作业公示栏未按周更新', deadline: '2026-12-11', deadlineSource: 'text' as const },
          { text: '课后服务签到表缺2月数据', deadline: '2026-12-11', deadlineSource: 'text' as const },
        ],
      },
      supervisor: 'p-wang',
      source: { platform: 'sim', messageId: `remake-${Date.now()}` },
      now: new Date('2026-12-04T02:00:00Z'),
    });
    const item = items[1]!;
    // as handlers/submit-record.ts makes it
    const card = rectificationNoticeCard({
      record,
      item,
      schoolName: '龙泉小学',
      supervisorName: '王督学',
      position: { n: 2, of: 2 },
    });
    expect(card.remake).toEqual({ builder: 'rectification_notice', item: item.id });
    const id = await enqueue(q(), {
      kind: 'send',
      to: { type: 'person', personId: 'p-li' },
      card,
      items: [item.id],
    });
    expect((await waitJob(q(), id)).state).toBe('completed');
    const [sent] = appSends();
    expect(sent!.body.template_card.button_list.map((b: { key: string }) => b.key)).toEqual([
      `dd:ack:${item.id}`,
      `dd:done:${item.id}`,
      `dd:extend:${item.id}`,
    ]);

    // kept: the ids and which card, not the card (V3)
    const [{ delivery, attachment }] = (await store.deliveryEntries(item.id)) as [
      { delivery: Delivery; attachment?: Buffer },
    ];
    // in the item's hash, no key of its own (src/store/deliveries.ts)
    const k = makeKeys(svc.rt.prefix);
    expect(await svc.rt.redis.exists(k.itemDeliveries(itemNumber(item.id)!))).toBe(0);
    expect(await svc.rt.redis.hget(k.item(itemNumber(item.id)!), '~')).toBe('1');
    expect(attachment!.length).toBeLessThan(50);
    expect(decodeRemakeRef(attachment!, { platform: delivery.platform, sentAt: delivery.at })).toMatchObject({
      platform: 'wecom',
      userIds: ['li'],
      taskId: sent!.body.template_card.task_id,
      remake: { builder: 'rectification_notice', item: item.id },
    });

    // the item changes after the card went: an extension to 12月18日 is approved
    const src = (m: string) => ({ platform: 'sim' as const, messageId: `${m}-${Date.now()}` });
    const at = new Date('2026-12-07T02:00:00Z');
    expect(
      (
        await store.transition({
          item: item.id,
          action: 'request_extension',
          actor: 'p-li',
          until: '2026-12-18',
          source: src('ext'),
          now: at,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await store.transition({
          item: item.id,
          action: 'approve_extension',
          actor: 'p-wang',
          source: src('ok'),
          now: at,
        })
      ).ok,
    ).toBe(true);
    const now = (await store.getItem(item.id))!;
    expect(now.deadline).toBe('2026-12-18');

    const u = await enqueue(q(), {
      kind: 'card_update',
      item: item.id,
      outcome: '王督学 同意延期至 12月18日',
      state: { status: now.status, deadline: now.deadline, extensionPending: false, version: 3 },
    });
    expect((await waitJob(q(), u)).state).toBe('completed');
    const [upd] = fake.delivered('/cgi-bin/message/update_template_card');
    const shown = JSON.stringify(upd!.body.template_card);
    // the card as first sent, its item as it is now: the new deadline, the same item and record
    expect(upd!.body).toMatchObject({ userids: ['li'], response_code: expect.any(String) });
    expect(upd!.body.template_card.main_title.title).toBe(sent!.body.template_card.main_title.title);
    expect(shown).toContain(dayCn('2026-12-18'));
    expect(shown).not.toContain(dayCn('2026-12-11'));
    expect(shown).toContain('课后服务签到表缺2月数据');
    expect(shown).toContain(record.id);
    expect(shown).toContain('王督学 同意延期至 12月18日');
    // 收到 went with the first answer; 已完成整改 and 申请延期 are valid again
    expect(upd!.body.template_card.button_list.map((b: { key: string }) => b.key)).toEqual([
      `dd:done:${item.id}`,
      `dd:extend:${item.id}`,
    ]);
  });
});
