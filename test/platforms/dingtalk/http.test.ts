import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../helpers/service.js';
import { fixture } from '../../helpers/wecom-sign.js';
import {
  DINGTALK_EVENT_DOC_EXAMPLE as EV,
  DINGTALK_SIGN_DOC_EXAMPLE as SIGN,
  DINGTALK_TEST,
  buildDingtalkEvent,
  cardHeaders,
  dingtalkCardRequest,
  dingtalkEnv,
  dingtalkEventRequest,
  dingtalkRobotRequest,
  robotHeaders,
  robotTextMessage,
} from '../../helpers/dingtalk-sign.js';
import { callbackCount, inboundJobCount, inboundJobs, waitReady } from '../../helpers/inbound-jobs.js';
import { decryptEvent, eventSecrets, eventSignature } from '../../../src/platforms/dingtalk/crypto.js';

describe('DingTalk: published known-answer vectors over HTTP', () => {
  let clock = new Date(Number(SIGN.timestamp));
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      worker: false,
      now: () => clock,
      env: {
        DINGTALK_APP_KEY: EV.appKey,
        DINGTALK_APP_SECRET: SIGN.appSecret,
        DINGTALK_ROBOT_CODE: 'robot',
        DINGTALK_EVENT_TOKEN: EV.token,
        DINGTALK_EVENT_AES_KEY: EV.aesKey,
      },
    });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('robot sign: the documented inputs (timestamp 1577262236757, appSecret "this is a secret") verify', async () => {
    clock = new Date(Number(SIGN.timestamp));
    // Base64(HmacSHA256) of the documented inputs, computed independently (Python hmac/hashlib).
    const sign = 'DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA=';
    const r = await fetch(`${svc.url}/dingtalk/robot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', timestamp: SIGN.timestamp, sign },
      // the documented example has no robotCode; DingTalk sends the robot's (DINGTALK_ROBOT_CODE)
      body: JSON.stringify({ ...JSON.parse(fixture('dingtalk/robot-text.json')), robotCode: 'robot' }),
    });
    expect(r.status).toBe(200);
    const [job] = (await inboundJobs(svc)).filter((j) => j.data.id === 'msg0xxxxx');
    expect(job?.data).toMatchObject({
      kind: 'message',
      platform: 'dingtalk',
      channel: 'dingtalk-robot',
      senderId: 'user123',
      senderName: '杨xx',
      text: '你好',
      conversation: { id: 'xxx', isGroup: true, name: '机器人测试-TEST' },
      at: new Date(1613630252678).toISOString(),
      replyVia: {
        sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=xxxxx',
        sessionWebhookExpiresAt: 1613635652738,
      },
    });
    const tampered = await fetch(`${svc.url}/dingtalk/robot`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        timestamp: SIGN.timestamp,
        sign: sign.replace('DJ', 'DK'),
      },
      body: JSON.stringify({ ...JSON.parse(fixture('dingtalk/robot-text.json')), robotCode: 'robot' }),
    });
    expect(tampered.status).toBe(401);
  });

  it('event crypto: DingCallbackCrypto3.py example verifies, decrypts to check_url and is answered with an encrypted "success"', async () => {
    clock = new Date(Number(EV.timestamp));
    const before = await inboundJobCount(svc);
    const q = new URLSearchParams({ signature: EV.signature, timestamp: EV.timestamp, nonce: EV.nonce });
    const r = await fetch(`${svc.url}/dingtalk/events?${q}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encrypt: EV.encrypt }),
    });
    expect(r.status).toBe(200);
    const reply = (await r.json()) as {
      msg_signature: string;
      timeStamp: string;
      nonce: string;
      encrypt: string;
    };
    expect(reply.timeStamp).toBe(EV.timestamp);
    expect(reply.nonce).toBe(EV.nonce);
    expect(reply.msg_signature).toBe(eventSignature(EV.token, reply.timeStamp, reply.nonce, reply.encrypt));
    expect(decryptEvent(eventSecrets(EV.token, EV.aesKey, EV.appKey), reply.encrypt)).toBe('success');
    expect(await inboundJobCount(svc)).toBe(before);
  });
});

describe('DingTalk HTTP callbacks', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ worker: false, env: { ...dingtalkEnv(), LOG_LEVEL: 'debug' } });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());
  const byId = async (id: string) => (await inboundJobs(svc)).filter((j) => j.data.id === id);

  /** a recorded message, sent to our robot (the recordings carry the recording robot's code) */
  const toOurRobot = (name: string) => ({
    ...JSON.parse(fixture(name)),
    robotCode: DINGTALK_TEST.robotCode,
  });

  it('picture and rich-text messages carry download codes', async () => {
    expect(
      (await dingtalkRobotRequest(svc.url, DINGTALK_TEST, toOurRobot('dingtalk/robot-picture.json'))).status,
    ).toBe(200);
    expect(
      (await dingtalkRobotRequest(svc.url, DINGTALK_TEST, toOurRobot('dingtalk/robot-richtext.json'))).status,
    ).toBe(200);
    const [pic] = await byId('msgBjXREkdlZkfTfrIiQomjAw==');
    expect(pic?.data).toMatchObject({
      text: '',
      conversation: { isGroup: false },
      attachments: [{ kind: 'image', mediaId: 'DOWNLOAD_CODE' }],
      replyVia: { robotCode: DINGTALK_TEST.robotCode },
    });
    const [rich] = await byId('msgRichTextExample==');
    expect(rich?.data).toMatchObject({
      text: '整改完成 ZG-21 已更换灭火器',
      attachments: [{ kind: 'image', mediaId: 'DOWNLOAD_CODE' }],
    });
  });

  it('a robot message retried 3 times makes 1 job', async () => {
    const msg = robotTextMessage('msgRetry==', '待办');
    for (let i = 0; i < 3; i++)
      expect((await dingtalkRobotRequest(svc.url, DINGTALK_TEST, msg)).status).toBe(200);
    expect(await byId('msgRetry==')).toHaveLength(1);
  });

  it('a card click (HTTP mode) becomes an action; its redelivery is a duplicate', async () => {
    const n0 = await callbackCount(svc.url, 'dingtalk', 'duplicate');
    for (let i = 0; i < 2; i++) {
      const r = await dingtalkCardRequest(svc.url, DINGTALK_TEST, fixture('dingtalk/card-callback.json'));
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({});
    }
    const actions = (await inboundJobs(svc)).filter(
      (j) => j.data.kind === 'action' && j.data.channel === 'dingtalk-card',
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]!.data).toMatchObject({
      action: 'ack',
      item: 'ZG-21',
      senderId: '032615015535634423',
      cardRef: { outTrackId: 'dd-card-ZG-21-1' },
    });
    expect(await callbackCount(svc.url, 'dingtalk', 'duplicate')).toBe(n0 + 1);
  });

  it('a card click whose key we did not issue is acknowledged and ignored', async () => {
    const before = await inboundJobCount(svc);
    const payload = {
      type: 'actionCallback',
      outTrackId: 'x',
      userId: 'u',
      content: JSON.stringify({ cardPrivateData: { actionIds: ['like'], params: {} } }),
    };
    expect((await dingtalkCardRequest(svc.url, DINGTALK_TEST, payload)).status).toBe(200);
    expect(await inboundJobCount(svc)).toBe(before);
  });

  it('events: check_url and unknown events get the encrypted "success"; a card click event is an action', async () => {
    const before = await inboundJobCount(svc);
    for (const ev of ['{"EventType":"check_url"}', '{"EventType":"user_add_org","UserId":["u1"]}']) {
      const r = await dingtalkEventRequest(svc.url, DINGTALK_TEST, ev);
      expect(r.status).toBe(200);
      const reply = (await r.json()) as { encrypt: string };
      expect(
        decryptEvent(
          eventSecrets(DINGTALK_TEST.eventToken, DINGTALK_TEST.eventAesKey, DINGTALK_TEST.appKey),
          reply.encrypt,
        ),
      ).toBe('success');
    }
    expect(await inboundJobCount(svc)).toBe(before);
    const click = {
      EventType: 'card_callback',
      outTrackId: 'ev-card-1',
      userId: 'staff9',
      content: JSON.stringify({ cardPrivateData: { params: { key: 'dd:pass:ZG-30' } } }),
    };
    expect((await dingtalkEventRequest(svc.url, DINGTALK_TEST, JSON.stringify(click))).status).toBe(200);
    const actions = (await inboundJobs(svc)).filter(
      (j) => j.data.kind === 'action' && j.data.item === 'ZG-30',
    );
    expect(actions.map((j) => j.data)).toMatchObject([{ action: 'pass', senderId: 'staff9' }]);
  });

  describe('refusals: exact status, counted, nothing enqueued', () => {
    const old = String(Date.now() - 2 * 3600_000);
    const msg = () => robotTextMessage(`msgRefused${Math.random()}`, 'x');
    const cases: { name: string; status: number; outcome: string; send: (u: string) => Promise<Response> }[] =
      [
        {
          name: 'robot: wrong sign',
          status: 401,
          outcome: 'bad_signature',
          send: (u) => dingtalkRobotRequest(u, DINGTALK_TEST, msg(), { sign: 'AAAA' }),
        },
        {
          name: 'robot: signed with another secret',
          status: 401,
          outcome: 'bad_signature',
          send: (u) => dingtalkRobotRequest(u, { ...DINGTALK_TEST, appSecret: 'other' }, msg()),
        },
        {
          name: 'robot: timestamp 2 h old',
          status: 401,
          outcome: 'bad_signature',
          send: (u) => dingtalkRobotRequest(u, DINGTALK_TEST, msg(), { timestamp: old }),
        },
        {
          name: 'robot: no sign headers',
          status: 401,
          outcome: 'bad_signature',
          send: (u) => fetch(`${u}/dingtalk/robot`, { method: 'POST', body: JSON.stringify(msg()) }),
        },
        {
          name: 'robot: not JSON',
          status: 400,
          outcome: 'malformed',
          send: (u) =>
            fetch(`${u}/dingtalk/robot`, {
              method: 'POST',
              headers: robotHeaders(DINGTALK_TEST.appSecret),
              body: '<xml/>',
            }),
        },
        {
          name: 'robot: no msgId',
          status: 400,
          outcome: 'malformed',
          send: (u) => dingtalkRobotRequest(u, DINGTALK_TEST, { ...msg(), msgId: undefined }),
        },
        {
          name: 'robot: over 64 KiB',
          status: 413,
          outcome: 'too_large',
          send: (u) =>
            fetch(`${u}/dingtalk/robot`, {
              method: 'POST',
              headers: robotHeaders(DINGTALK_TEST.appSecret),
              body: 'x'.repeat(66_000),
            }),
        },
        {
          name: 'card: wrong signature',
          status: 401,
          outcome: 'bad_signature',
          send: (u) =>
            dingtalkCardRequest(u, DINGTALK_TEST, fixture('dingtalk/card-callback.json'), { sign: 'x' }),
        },
        {
          name: 'card: no outTrackId',
          status: 400,
          outcome: 'malformed',
          send: (u) =>
            fetch(`${u}/dingtalk/card`, {
              method: 'POST',
              headers: cardHeaders(DINGTALK_TEST.appSecret),
              body: '{"type":"actionCallback","userId":"u"}',
            }),
        },
        {
          name: 'events: wrong signature',
          status: 401,
          outcome: 'bad_signature',
          send: (u) =>
            dingtalkEventRequest(u, DINGTALK_TEST, '{"EventType":"check_url"}', {
              signature: '0'.repeat(40),
            }),
        },
        {
          name: 'events: another owner key (receive id)',
          status: 401,
          outcome: 'bad_signature',
          send: (u) =>
            dingtalkEventRequest(u, { ...DINGTALK_TEST, appKey: 'dingother' }, '{"EventType":"check_url"}'),
        },
        {
          name: 'events: body without encrypt',
          status: 400,
          outcome: 'malformed',
          send: (u) => fetch(`${u}/dingtalk/events`, { method: 'POST', body: '{}' }),
        },
        {
          name: 'events: signed, but not JSON inside',
          status: 400,
          outcome: 'malformed',
          send: (u) => {
            const e = buildDingtalkEvent(DINGTALK_TEST, 'not json');
            return fetch(u + e.url, { method: 'POST', body: e.body });
          },
        },
      ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const before = await inboundJobCount(svc);
        const n0 = await callbackCount(svc.url, 'dingtalk', c.outcome);
        expect((await c.send(svc.url)).status).toBe(c.status);
        expect(await inboundJobCount(svc)).toBe(before);
        expect(await callbackCount(svc.url, 'dingtalk', c.outcome)).toBe(n0 + 1);
      });
    }
    it('wrong methods are 405', async () => {
      for (const p of ['/dingtalk/robot', '/dingtalk/events', '/dingtalk/card'])
        expect((await fetch(`${svc.url}${p}`)).status).toBe(405);
    });
  });

  it('no message text or secret in the logs', () => {
    const logs = svc.logs.text();
    for (const s of [
      '你好',
      '已更换灭火器',
      '待办',
      DINGTALK_TEST.appSecret,
      DINGTALK_TEST.eventToken,
      DINGTALK_TEST.eventAesKey,
    ])
      expect(logs).not.toContain(s);
    expect(logs).toContain('sign mismatch: check DINGTALK_APP_SECRET');
  });
});

describe('DingTalk routes by configuration', () => {
  it('without event token/key, /dingtalk/events is 404 while /dingtalk/robot works', async () => {
    const { DINGTALK_EVENT_TOKEN: _t, DINGTALK_EVENT_AES_KEY: _k, ...noEvents } = dingtalkEnv();
    const a = await startTestService({ worker: false, env: noEvents });
    await waitReady(a.url);
    try {
      expect((await fetch(`${a.url}/dingtalk/events`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect((await dingtalkRobotRequest(a.url, DINGTALK_TEST, robotTextMessage('msgCfg', 'x'))).status).toBe(
        200,
      );
    } finally {
      await a.close();
    }
  });
});
