// End to end through the real signed WeCom callbacks: HTTP → verify/decrypt → accept → the inbound
// worker → outbound jobs. Only the inbound worker runs, so the outbound jobs stay in the queue to
// be looked at.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import {
  appTextXml,
  botTextJson,
  wecomAppRequest,
  wecomBotRequest,
  wecomEnv,
  WECOM_TEST,
} from '../helpers/wecom-sign.js';
import { processInbound } from '../../jobs/inbound.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import { sendsOf, type OutboundJob } from '../../src/queue/outbound-job.js';
import { demoRoster } from '../helpers/district.js';
import { waitFor } from '../helpers/wait-for.js';

let svc: TestService;
let store: FullStore;
beforeAll(async () => {
  svc = await startTestService({ env: wecomEnv(), processors: { inbound: processInbound } });
  store = createStore(svc.rt.redis, svc.rt.prefix);
  await store.importRoster(demoRoster());
});
afterAll(() => svc.close());

type Send = Extract<OutboundJob, { kind: 'send' }>;

async function outbound(): Promise<OutboundJob[]> {
  return (await svc.rt.jobQueues.outbound.getJobs(['waiting', 'prioritized', 'delayed'])).map(
    (j) => j.data as OutboundJob,
  );
}

/** Wait until the outbound queue holds `n` jobs (the inbound worker is asynchronous). */
async function untilOutbound(n: number): Promise<OutboundJob[]> {
  return waitFor(
    `${n} outbound jobs`,
    async () => {
      const jobs = await outbound();
      return jobs.length >= n && jobs;
    },
    10_000,
    50,
  );
}

const sends = (jobs: OutboundJob[]): Send[] => jobs.flatMap(sendsOf);

describe('WeCom → inbound job → outbound jobs', () => {
  it('a record @-mentioned in a group via the smart bot: summary in place, notice to the principal', async () => {
    const text =
      '@督导助手 提交督导记录\n学校：龙泉小学\n类型：专项督导（双减）\n问题：\n1、三年级作业公示栏未按周更新，5个工作日内整改';
    const res = await wecomBotRequest(
      svc.url,
      WECOM_TEST,
      botTextJson('bot-msg-1', text, { chattype: 'group', from: 'wangjianguo' }),
    );
    expect(res.status).toBe(200);
    const jobs = sends(await untilOutbound(3));
    const summary = jobs.find((j) => j.to.type === 'origin')!;
    expect(summary.card.title).toBe('督导记录 DD-1 已登记');
    expect(summary.origin).toMatchObject({
      platform: 'wecom',
      channel: 'wecom-bot',
      senderId: 'wangjianguo',
      conversation: { isGroup: true },
      replyVia: { responseUrl: expect.stringContaining('response_code=RC') },
    });
    const notice = jobs.find((j) => j.to.type === 'person')!;
    expect(notice.to).toEqual({ type: 'person', personId: 'pri-s01' });
    expect(notice.card.buttons.map((b) => b.action)).toEqual(['ack', 'done', 'extend']);
    expect(jobs.find((j) => j.to.type === 'bound_chat')).toBeDefined();
    expect((await store.getItem('ZG-1'))!.status).toBe('open');
  });

  it('the same callback delivered again is handled once: nothing new is enqueued', async () => {
    const before = (await outbound()).length;
    const text =
      '@督导助手 提交督导记录\n学校：龙泉小学\n类型：专项督导（双减）\n问题：\n1、三年级作业公示栏未按周更新，5个工作日内整改';
    const res = await wecomBotRequest(
      svc.url,
      WECOM_TEST,
      botTextJson('bot-msg-1', text, { chattype: 'group', from: 'wangjianguo' }),
    );
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect((await outbound()).length).toBe(before);
    expect((await store.queryRecords({})).items).toHaveLength(1);
  });

  it('the principal answers through the self-built app and the button click is checked against the roster', async () => {
    const before = (await outbound()).length;
    // a click on 收到 from the notice card, as WeCom posts it
    const click =
      `<xml><ToUserName><![CDATA[${WECOM_TEST.corpId}]]></ToUserName><FromUserName><![CDATA[lixz01]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
      `<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[dd:ack:ZG-1]]></EventKey>` +
      `<TaskId><![CDATA[task-zg1]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>` +
      `<ResponseCode><![CDATA[RC-zg1]]></ResponseCode><AgentID>${WECOM_TEST.agentId}</AgentID></xml>`;
    expect((await wecomAppRequest(svc.url, WECOM_TEST, click)).status).toBe(200);
    const jobs = await untilOutbound(before + 3); // confirmation, supervisor notice, card update
    expect((await store.getItem('ZG-1'))!.status).toBe('in_progress');
    const update = jobs.find((j) => j.kind === 'card_update')!;
    expect(update).toMatchObject({
      item: 'ZG-1',
      origin: { cardRef: { responseCode: 'RC-zg1', taskId: 'task-zg1' } },
    });
    expect(
      sends(jobs).some(
        (j) => j.to.type === 'person' && j.to.personId === 'sup-wang' && j.card.kind === 'progress_notice',
      ),
    ).toBe(true);

    // the same click by someone else's principal changes nothing
    const n = (await outbound()).length;
    const other = click.replace('lixz01', 'chenxz02').replace('task-zg1', 'task-other');
    expect((await wecomAppRequest(svc.url, WECOM_TEST, other)).status).toBe(200);
    const after = await untilOutbound(n + 1);
    const refusal = sends(after).filter((j) => j.origin?.senderId === 'chenxz02');
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.card.kind).toBe('error');
    expect(refusal[0]!.card.text).not.toContain('龙泉小学');
    expect((await store.history('ZG-1')).map((e) => e.action)).toEqual(['create', 'acknowledge']);
  });

  it('a typed message through the app: 整改完成 moves the item on', async () => {
    const before = (await outbound()).length;
    expect(
      (
        await wecomAppRequest(
          svc.url,
          WECOM_TEST,
          appTextXml('7000000000000000002', '整改完成 ZG-1 公示栏已更新', 'lixz01'),
        )
      ).status,
    ).toBe(200);
    const jobs = sends(await untilOutbound(before + 2));
    expect((await store.getItem('ZG-1'))!.status).toBe('submitted');
    const recheck = jobs.find((j) => j.card.kind === 'recheck_request')!;
    expect(recheck.to).toEqual({ type: 'person', personId: 'sup-wang' });
    expect(recheck.card.buttons.map((b) => b.action)).toEqual(['pass', 'reject']);
  });
});
