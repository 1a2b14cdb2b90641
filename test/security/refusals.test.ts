import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openInboundRunner,
  originText,
  RECORD_TEXT,
  type InboundRunner,
} from '../handlers/inbound-runner.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { inboundJobCount, waitReady } from '../helpers/inbound-jobs.js';
import { WECOM_TEST, buildWecomAppCallback, fixture, wecomEnv } from '../helpers/wecom-sign.js';

/**
 * "Refusals tell nothing" (docs/security.md), finding 7: another zone's supervisor sending
 * `验收 ZG-n` was told the item's school, a stranger was told the administrators' names, a failed
 * roster POST returned the raw exception. And finding 8: a WeCom app envelope cut after
 * </Encrypt> was answered 200 and acted on.
 */
let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00');
  await h.send('sup-wang', RECORD_TEXT); // 龙泉小学 (第一责任区): ZG-1, ZG-2
  expect((await h.store.getItem('ZG-1'))?.school).toBe('S01');
});
afterAll(() => h.close());

/** The answer with the item number blanked, so ZG-1's and a missing ZG-999's can be compared. */
const blank = (text: string, id: string) => text.replace(new RegExp(`${id}(?!\\d)`, 'g'), 'ZG-?');

describe('acting on or asking about another school’s item: the same answer as for a missing one', () => {
  const cases: [string, string][] = [
    // another zone's supervisor (第三责任区)
    ['sup-zhao', '验收 ZG-1 通过'],
    ['sup-zhao', '退回 ZG-1 公示栏仍未更新'],
    ['sup-zhao', '同意延期 ZG-1'],
    ['sup-zhao', '不同意延期 ZG-1 期限不变'],
    ['sup-zhao', '整改进度 ZG-1'],
    // another zone's supervisor, with a command of another role (leaders reopen)
    ['sup-huang', '重新打开 ZG-1 复查发现问题'],
    ['sup-huang', '收到 ZG-1'],
    // another school's principal (龙泉中学)
    ['pri-s02', '收到 ZG-1'],
    ['pri-s02', '整改完成 ZG-1 已更新公示栏'],
    ['pri-s02', '整改进度 ZG-1 进行中 正在整改'],
    ['pri-s02', '申请延期 ZG-1 至 4月30日 原因：器材未到货'],
    ['pri-s02', '整改进度 ZG-1'],
    ['pri-s02', '验收 ZG-1 通过'],
  ];
  for (const [who, text] of cases) {
    it(`${who}: ${text}`, async () => {
      const real = originText(await h.send(who, text));
      const missing = originText(await h.send(who, text.replace('ZG-1', 'ZG-999')));
      expect(blank(real, 'ZG-1')).toBe(blank(missing, 'ZG-999'));
      expect(real).not.toMatch(/龙泉小学|第一责任区/);
    });
  }

  it('card clicks too', async () => {
    for (const [who, action] of [
      ['sup-zhao', 'pass'],
      ['sup-zhao', 'reject'],
      ['sup-zhao', 'approve_ext'],
      ['pri-s02', 'ack'],
      ['pri-s02', 'done'],
      ['pri-s02', 'extend'],
    ] as const) {
      const real = originText(await h.click(who, action, 'ZG-1'));
      const missing = originText(await h.click(who, action, 'ZG-999'));
      expect(blank(real, 'ZG-1'), `${who} ${action}`).toBe(blank(missing, 'ZG-999'));
      expect(real).not.toMatch(/龙泉小学/);
    }
  });

  it('nothing changed', async () => {
    expect((await h.store.getItem('ZG-1'))?.status).toBe('open');
    expect(await h.store.history('ZG-1')).toHaveLength(1);
  });

  it('who may see the item is still told why they may not act', async () => {
    // a leader of the whole district pressing a principal's button: the role, not "not found"
    expect(originText(await h.send('lead-liu', '收到 ZG-1'))).toContain('只有学校校长');
  });
});

describe('a sender not on the roster', () => {
  it('is told to ask their office’s administrator, and not who the administrators are', async () => {
    const text = originText(await h.send('', '帮助', { asUser: 'stranger-x' }));
    expect(text).toContain('管理员');
    const admins = h.roster.people.filter((p) => p.roles.includes('admin')).map((p) => p.name);
    expect(admins.length).toBeGreaterThan(0);
    for (const name of admins) expect(text).not.toContain(name);
  });
});

describe('HTTP refusals', () => {
  let svc: TestService;
  const TOKEN = 'refusals-admin-token-0123456789';
  beforeAll(async () => {
    svc = await startTestService({ env: { ...wecomEnv(), ADMIN_TOKEN: TOKEN }, worker: false });
    await waitReady(svc.url);
  });
  afterAll(() => svc.close());

  it('a roster POST that fails inside the store answers a structured error, never the exception', async () => {
    // a key of the wrong type: Redis answers "WRONGTYPE Operation against a key holding …"
    await svc.rt.redis.set(`${svc.rt.prefix}:r:schools`, 'not a hash');
    const r = await fetch(`${svc.url}/api/v1/roster`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: fixture('../../examples/roster.json'),
    });
    expect(r.status).toBeGreaterThanOrEqual(500);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/WRONGTYPE|r:schools|Error|at /);
    await svc.rt.redis.del(`${svc.rt.prefix}:r:schools`);
  });

  it('finding 8: a WeCom app envelope that is not well-formed XML is 400 and stores nothing', async () => {
    const jobs = await inboundJobCount(svc);
    const c = buildWecomAppCallback(WECOM_TEST, fixture('wecom/app-text.xml'));
    const cut = c.body.slice(0, c.body.indexOf('</Encrypt>') + '</Encrypt>'.length);
    for (const body of [cut, `${c.body}<xml></xml>`, `${c.body}<!--`, c.body.replace('</xml>', '</XML>')]) {
      const r = await fetch(svc.url + c.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body,
      });
      expect(r.status, body.slice(-30)).toBe(400);
    }
    expect(await inboundJobCount(svc)).toBe(jobs);
    // the control: the same callback, whole, is accepted
    const ok = await fetch(svc.url + c.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: c.body,
    });
    expect(ok.status).toBe(200);
    expect(await inboundJobCount(svc)).toBe(jobs + 1);
  });
});
