// The published example of 加解密方案说明 (https://developer.work.weixin.qq.com/document/path/91144;
// the same values are the Sample of every official WXBizMsgCrypt library): token QDG6eK,
// EncodingAESKey jWmYm7…, corp id wx5823bf96d3bd56c7.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../helpers/service.js';
import {
  WECOM_DOC_EXAMPLE,
  WECOM_TEST,
  appTextXml,
  buildWecomAppCallback,
  fixture,
  post,
  wecomAppRequest,
  wecomEnv,
  wecomUrlCheck,
} from '../../helpers/wecom-sign.js';
import { callbackCount, inboundJobCount, inboundJobs, waitReady } from '../../helpers/inbound-jobs.js';
import { encrypt, wecomSecrets } from '../../../src/platforms/wecom/crypto.js';

const DOC_URL_CHECK = {
  msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
};
const DOC_MESSAGE = {
  msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  body: '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>',
};

describe('WeCom self-built app: the published known-answer vectors', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      worker: false,
      now: () => new Date(1409659813_000), // the example's clock
      env: {
        WECOM_CORP_ID: WECOM_DOC_EXAMPLE.corpId,
        WECOM_AGENT_ID: '218',
        WECOM_SECRET: 'unused',
        WECOM_TOKEN: WECOM_DOC_EXAMPLE.token,
        WECOM_AES_KEY: WECOM_DOC_EXAMPLE.aesKey,
      },
    });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('GET URL check: verifies the example msg_signature and answers the decrypted echostr', async () => {
    const r = await fetch(`${svc.url}/wecom/app?${new URLSearchParams(DOC_URL_CHECK)}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('1616140317555161061');
    // the same with '+' and '/' left unencoded in the query string, as some proxies pass it on
    const raw = `msg_signature=${DOC_URL_CHECK.msg_signature}&timestamp=${DOC_URL_CHECK.timestamp}&nonce=${DOC_URL_CHECK.nonce}&echostr=${DOC_URL_CHECK.echostr}`;
    const r2 = await fetch(`${svc.url}/wecom/app?${raw}`);
    expect(r2.status).toBe(200);
    expect(await r2.text()).toBe('1616140317555161061');
  });

  it('POST: verifies and decrypts the example message into one job, MsgId kept as a 64-bit string', async () => {
    const q = new URLSearchParams({
      msg_signature: DOC_MESSAGE.msg_signature,
      timestamp: DOC_MESSAGE.timestamp,
      nonce: DOC_MESSAGE.nonce,
    });
    const r = await fetch(`${svc.url}/wecom/app?${q}`, { method: 'POST', body: DOC_MESSAGE.body });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    const jobs = await inboundJobs(svc);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({
      kind: 'message',
      platform: 'wecom',
      channel: 'wecom-app',
      id: '4561255354251345929',
      senderId: 'mycreate',
      text: 'hello',
      conversation: { id: 'mycreate', isGroup: false },
      at: new Date(1409659813_000).toISOString(),
    });
  });

  it('the example with one signature digit changed is 401 and enqueues nothing', async () => {
    const before = await inboundJobCount(svc);
    const bad = DOC_MESSAGE.msg_signature.replace(/^4/, '5');
    const q = new URLSearchParams({
      msg_signature: bad,
      timestamp: DOC_MESSAGE.timestamp,
      nonce: DOC_MESSAGE.nonce,
    });
    const r = await fetch(`${svc.url}/wecom/app?${q}`, { method: 'POST', body: DOC_MESSAGE.body });
    expect(r.status).toBe(401);
    expect(await inboundJobCount(svc)).toBe(before);
  });
});

describe('WeCom self-built app callbacks', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ worker: false, env: { ...wecomEnv(), LOG_LEVEL: 'debug' } });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('URL check round trip with our secrets', async () => {
    const r = await wecomUrlCheck(svc.url, 'app', WECOM_TEST, '8402937461');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('8402937461');
  });

  it('a text message retried 3 times makes 1 job; accepted once, duplicate twice', async () => {
    const [acc0, dup0] = [
      await callbackCount(svc.url, 'wecom', 'accepted'),
      await callbackCount(svc.url, 'wecom', 'duplicate'),
    ];
    const xml = appTextXml('7000000000000000001', '张校长 ZG-21 已整改');
    const c = buildWecomAppCallback(WECOM_TEST, xml);
    for (let i = 0; i < 3; i++) expect((await post(svc.url, c)).status).toBe(200);
    const jobs = (await inboundJobs(svc)).filter((j) => j.data.id === '7000000000000000001');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toMatchObject({
      text: '张校长 ZG-21 已整改',
      senderId: 'zhangsan',
      channel: 'wecom-app',
    });
    expect(await callbackCount(svc.url, 'wecom', 'accepted')).toBe(acc0 + 1);
    expect(await callbackCount(svc.url, 'wecom', 'duplicate')).toBe(dup0 + 2);
  });

  it('an image message carries MediaId and PicUrl as an attachment', async () => {
    expect((await wecomAppRequest(svc.url, WECOM_TEST, fixture('wecom/app-image.xml'))).status).toBe(200);
    const job = (await inboundJobs(svc)).find((j) => j.data.id === '1234567890123456');
    expect(job?.data).toMatchObject({
      text: '',
      senderId: 'fromUser',
      attachments: [{ kind: 'image', mediaId: 'media_id', url: 'this is a url' }],
    });
  });

  it('a template card click becomes an action with ResponseCode and TaskId; its retry is a duplicate', async () => {
    const xml = fixture('wecom/app-template-card-event.xml');
    expect((await wecomAppRequest(svc.url, WECOM_TEST, xml)).status).toBe(200);
    expect((await wecomAppRequest(svc.url, WECOM_TEST, xml)).status).toBe(200);
    const actions = (await inboundJobs(svc)).filter((j) => j.data.kind === 'action');
    expect(actions).toHaveLength(1);
    expect(actions[0]!.data).toMatchObject({
      kind: 'action',
      channel: 'wecom-app',
      senderId: 'FromUser',
      action: 'ack',
      item: 'ZG-21',
      cardRef: { responseCode: 'ResponseCode', taskId: 'taskid111' },
    });
    expect(actions[0]!.data.id).toMatch(/^ev-[0-9a-f]{32}$/);
  });

  it('other events are acknowledged and not enqueued', async () => {
    const before = await inboundJobCount(svc);
    const r = await wecomAppRequest(svc.url, WECOM_TEST, fixture('wecom/app-enter-agent-event.xml'));
    expect(r.status).toBe(200);
    expect(await inboundJobCount(svc)).toBe(before);
  });

  describe('refusals: exact status, counted, nothing enqueued', () => {
    const cases: {
      name: string;
      status: number;
      outcome: string;
      send: (url: string) => Promise<Response>;
    }[] = [
      {
        name: 'wrong signature',
        status: 401,
        outcome: 'bad_signature',
        send: (u) =>
          post(u, buildWecomAppCallback(WECOM_TEST, appTextXml('9001', 'x'), { signature: 'f'.repeat(40) })),
      },
      {
        name: 'wrong token',
        status: 401,
        outcome: 'bad_signature',
        send: (u) =>
          post(u, buildWecomAppCallback({ ...WECOM_TEST, token: 'other' }, appTextXml('9002', 'x'))),
      },
      {
        name: 'stale timestamp (2 h old)',
        status: 401,
        outcome: 'bad_signature',
        send: (u) =>
          post(
            u,
            buildWecomAppCallback(WECOM_TEST, appTextXml('9003', 'x'), {
              timestamp: String(Math.floor(Date.now() / 1000) - 7200),
            }),
          ),
      },
      {
        name: 'no query parameters',
        status: 401,
        outcome: 'bad_signature',
        send: (u) =>
          fetch(`${u}/wecom/app`, {
            method: 'POST',
            body: buildWecomAppCallback(WECOM_TEST, appTextXml('9004', 'x')).body,
          }),
      },
      {
        name: 'encrypted for another corp (receive id)',
        status: 401,
        outcome: 'bad_signature',
        send: (u) =>
          post(
            u,
            buildWecomAppCallback({ ...WECOM_TEST, corpId: 'ww-someone-else' }, appTextXml('9005', 'x')),
          ),
      },
      {
        name: 'body is not an envelope',
        status: 400,
        outcome: 'malformed',
        send: (u) =>
          fetch(`${u}/wecom/app?msg_signature=a&timestamp=1&nonce=2`, { method: 'POST', body: 'hello' }),
      },
      {
        name: 'signed, but the plaintext is not a message',
        status: 400,
        outcome: 'malformed',
        send: (u) => post(u, buildWecomAppCallback(WECOM_TEST, 'not xml at all')),
      },
      {
        name: 'text without MsgId',
        status: 400,
        outcome: 'malformed',
        send: (u) =>
          post(u, buildWecomAppCallback(WECOM_TEST, appTextXml('', 'x').replace('<MsgId></MsgId>', ''))),
      },
      {
        name: 'body over 64 KiB',
        status: 413,
        outcome: 'too_large',
        send: (u) =>
          post(u, {
            ...buildWecomAppCallback(WECOM_TEST, appTextXml('9006', 'x')),
            body: 'x'.repeat(65 * 1024),
          }),
      },
    ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const before = await inboundJobCount(svc);
        const n0 = await callbackCount(svc.url, 'wecom', c.outcome);
        const r = await c.send(svc.url);
        expect(r.status).toBe(c.status);
        expect(await inboundJobCount(svc)).toBe(before);
        expect(await callbackCount(svc.url, 'wecom', c.outcome)).toBe(n0 + 1);
      });
    }

    it('a wrong method is 405', async () => {
      expect((await fetch(`${svc.url}/wecom/app`, { method: 'PUT', body: 'x' })).status).toBe(405);
    });
  });

  it('never logs message bodies or secrets, even at debug level', async () => {
    await wecomAppRequest(svc.url, WECOM_TEST, appTextXml('7000000000000000077', '秘密内容-不应出现在日志'));
    await post(
      svc.url,
      buildWecomAppCallback(WECOM_TEST, appTextXml('9010', '另一段秘密'), { signature: '0'.repeat(40) }),
    );
    const logs = svc.logs.text();
    expect(logs).toContain('msg_signature mismatch: check WECOM_TOKEN');
    for (const secret of ['秘密内容', '另一段秘密', WECOM_TEST.token, WECOM_TEST.aesKey, WECOM_TEST.secret])
      expect(logs).not.toContain(secret);
    const enc = encrypt(wecomSecrets(WECOM_TEST.token, WECOM_TEST.aesKey, WECOM_TEST.corpId), 'x');
    expect(logs).not.toContain(enc.slice(0, 16));
  });
});

describe('WeCom routes when WeCom is not configured', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ worker: false });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('/wecom/app and /wecom/bot are 404', async () => {
    expect((await fetch(`${svc.url}/wecom/app`)).status).toBe(404);
    expect((await fetch(`${svc.url}/wecom/bot`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('parseQuery (the callback query string)', () => {
  it('decodes like URLSearchParams, keeps repeats as arrays, drops undecodable values', async () => {
    const { parseQuery } = await import('../../../src/platforms/callback-helpers.js');
    expect(parseQuery('a=1&b=x%2By%3D&c=a+b&d')).toEqual({ a: '1', b: 'x+y=', c: 'a b', d: '' });
    expect(parseQuery('nonce=1&nonce=2')).toEqual({ nonce: ['1', '2'] });
    expect(parseQuery('bad=%E0%A4%A&ok=1')).toEqual({ ok: '1' });
    expect(parseQuery('')).toEqual({});
  });
});
