import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../helpers/service.js';
import {
  WECOM_TEST,
  botTextJson,
  buildWecomBotCallback,
  fixture,
  post,
  wecomBotRequest,
  wecomEnv,
  wecomUrlCheck,
} from '../../helpers/wecom-sign.js';
import {
  DINGTALK_TEST,
  dingtalkEnv,
  dingtalkRobotRequest,
  robotTextMessage,
} from '../../helpers/dingtalk-sign.js';
import { callbackCount, inboundJobCount, inboundJobs, waitReady } from '../../helpers/inbound-jobs.js';
import { botPassiveReply } from '../../../src/platforms/wecom/passive-reply.js';
import { decrypt, msgSignature, wecomSecrets } from '../../../src/platforms/wecom/crypto.js';
import { stripMention } from '../../../src/platforms/wecom/decode-bot.js';

describe('WeCom smart bot callbacks', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      worker: false,
      env: { ...wecomEnv(), ...dingtalkEnv(), LOG_LEVEL: 'debug' },
    });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  const byId = async (id: string) => (await inboundJobs(svc)).filter((j) => j.data.id === id);

  it('URL check: receive id "" round trip', async () => {
    const r = await wecomUrlCheck(svc.url, 'bot', WECOM_TEST, '2803573761666706934');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('2803573761666706934');
  });

  it('the documented group text: @-mention stripped, response_url kept', async () => {
    const r = await wecomBotRequest(svc.url, WECOM_TEST, fixture('wecom/bot-text.json'));
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    const [job] = await byId('CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=');
    expect(job?.data).toMatchObject({
      kind: 'message',
      channel: 'wecom-bot',
      senderId: 'USERID',
      conversation: { id: 'CHATID', isGroup: true },
      text: 'hello robot',
      replyVia: { responseUrl: 'RESPONSEURL' },
    });
  });

  it('image and mixed messages become attachments (+ text without the mention)', async () => {
    expect((await wecomBotRequest(svc.url, WECOM_TEST, fixture('wecom/bot-image.json'))).status).toBe(200);
    expect((await wecomBotRequest(svc.url, WECOM_TEST, fixture('wecom/bot-mixed.json'))).status).toBe(200);
    const [image] = await byId('CAIQz7/MjQYY/NGagIOAgAMgl8jK/gI=');
    expect(image?.data).toMatchObject({
      text: '',
      conversation: { id: 'USERID', isGroup: false },
      attachments: [{ kind: 'image', url: 'URL' }],
    });
    const [mixed] = await byId('CAIQrcjMjQYY/NGagIOAgAMg6PDc/w0=');
    expect(mixed?.data).toMatchObject({
      text: '这是今日的测试情况',
      attachments: [{ kind: 'image', url: 'IMAGEURL' }],
    });
  });

  it('a template card click is an action keyed by msgid; enter_chat is acknowledged and ignored', async () => {
    const before = await inboundJobCount(svc);
    expect(
      (await wecomBotRequest(svc.url, WECOM_TEST, fixture('wecom/bot-enter-chat-event.json'))).status,
    ).toBe(200);
    expect(await inboundJobCount(svc)).toBe(before);
    const click = JSON.parse(fixture('wecom/bot-template-card-event.json')) as { msgid: string };
    click.msgid = 'click-msgid-1';
    expect((await wecomBotRequest(svc.url, WECOM_TEST, JSON.stringify(click))).status).toBe(200);
    const [job] = await byId('click-msgid-1');
    expect(job?.data).toMatchObject({
      kind: 'action',
      channel: 'wecom-bot',
      action: 'done',
      item: 'ZG-21',
      senderId: 'USERID',
      cardRef: { taskId: 'TASKID' },
    });
  });

  it('a message retried 3 times makes 1 job', async () => {
    const c = buildWecomBotCallback(WECOM_TEST, botTextJson('bot-retry-1', '@督导助手 待办'));
    for (let i = 0; i < 3; i++) expect((await post(svc.url, c, 'application/json')).status).toBe(200);
    const jobs = await byId('bot-retry-1');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({ text: '待办' });
  });

  it('the same message id on two platforms makes 2 jobs', async () => {
    expect(
      (await wecomBotRequest(svc.url, WECOM_TEST, botTextJson('shared-id-42', '@督导助手 待办'))).status,
    ).toBe(200);
    expect(
      (await dingtalkRobotRequest(svc.url, DINGTALK_TEST, robotTextMessage('shared-id-42', '待办'))).status,
    ).toBe(200);
    const jobs = await byId('shared-id-42');
    expect(jobs.map((j) => j.data.platform).sort()).toEqual(['dingtalk', 'wecom']);
  });

  describe('refusals', () => {
    const cases: { name: string; status: number; outcome: string; send: (u: string) => Promise<Response> }[] =
      [
        {
          name: 'signed with the app token',
          status: 401,
          outcome: 'bad_signature',
          send: (u) =>
            post(
              u,
              buildWecomBotCallback({ ...WECOM_TEST, botToken: WECOM_TEST.token }, botTextJson('r1', 'x')),
            ),
        },
        {
          name: 'encrypted with another key',
          status: 401,
          outcome: 'bad_signature',
          send: (u) =>
            post(
              u,
              buildWecomBotCallback({ ...WECOM_TEST, botAesKey: WECOM_TEST.aesKey }, botTextJson('r2', 'x')),
            ),
        },
        {
          name: 'not JSON',
          status: 400,
          outcome: 'malformed',
          send: (u) =>
            fetch(`${u}/wecom/bot?msg_signature=a&timestamp=1&nonce=2`, { method: 'POST', body: '<xml/>' }),
        },
        {
          name: 'JSON without encrypt',
          status: 400,
          outcome: 'malformed',
          send: (u) =>
            fetch(`${u}/wecom/bot?msg_signature=a&timestamp=1&nonce=2`, { method: 'POST', body: '{"x":1}' }),
        },
        {
          name: 'plaintext without msgid',
          status: 400,
          outcome: 'malformed',
          send: (u) => post(u, buildWecomBotCallback(WECOM_TEST, '{"msgtype":"text","from":{"userid":"u"}}')),
        },
        {
          name: 'over 64 KiB',
          status: 413,
          outcome: 'too_large',
          send: (u) =>
            fetch(`${u}/wecom/bot`, {
              method: 'POST',
              body: JSON.stringify({ encrypt: 'A'.repeat(70_000) }),
            }),
        },
      ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const before = await inboundJobCount(svc);
        const n0 = await callbackCount(svc.url, 'wecom', c.outcome);
        expect((await c.send(svc.url)).status).toBe(c.status);
        expect(await inboundJobCount(svc)).toBe(before);
        expect(await callbackCount(svc.url, 'wecom', c.outcome)).toBe(n0 + 1);
      });
    }
    it('DELETE is 405', async () => {
      expect((await fetch(`${svc.url}/wecom/bot`, { method: 'DELETE' })).status).toBe(405);
    });
  });

  it('no message text or secret in the logs', () => {
    const logs = svc.logs.text();
    for (const s of [
      'hello robot',
      '这是今日的测试情况',
      '待办',
      WECOM_TEST.botToken,
      WECOM_TEST.botAesKey,
      DINGTALK_TEST.appSecret,
    ])
      expect(logs).not.toContain(s);
  });
});

describe('smart bot passive reply format', () => {
  it('encrypts with receive id "" and signs {encrypt, msgsignature, timestamp, nonce}', () => {
    const secrets = wecomSecrets(WECOM_TEST.botToken, WECOM_TEST.botAesKey, '');
    const now = new Date('2026-03-02T08:00:00Z');
    const reply = botPassiveReply(secrets, '{"msgtype":"text","text":{"content":"收到"}}', now, 'nonce123');
    expect(reply.timestamp).toBe(Math.floor(now.getTime() / 1000));
    expect(reply.nonce).toBe('nonce123');
    expect(reply.msgsignature).toBe(
      msgSignature(WECOM_TEST.botToken, String(reply.timestamp), 'nonce123', reply.encrypt),
    );
    expect(decrypt(secrets, reply.encrypt)).toBe('{"msgtype":"text","text":{"content":"收到"}}');
  });

  it('strips only the leading mention (U+2005 separator too)', () => {
    expect(stripMention('@督导助手\u2005整改完成 ZG-21')).toBe('整改完成 ZG-21');
    expect(stripMention('@RobotA hello @张三')).toBe('hello @张三');
    expect(stripMention('没有提及')).toBe('没有提及');
  });
});
