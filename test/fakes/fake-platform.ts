import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeWebAuth } from './fake-web-auth.js';
import { dingtalkCardProblems, wecomCardProblems } from './card-checks.js';

/**
 * A fake WeCom + DingTalk server API on 127.0.0.1, for tests (no real platform is ever called).
 * Point WECOM_API_BASE, DINGTALK_API_BASE and DINGTALK_OAPI_BASE at `fake.url`.
 *
 *   const fake = await FakePlatform.start({ wecom: { corpId: 'ww-test', secret: 's' },
 *                                           dingtalk: { appKey: 'dk', appSecret: 'ds' } });
 *   fake.fail('/cgi-bin/message/send', { errcode: 45009 }, 3);   // next 3 calls answer 45009
 *   fake.expireTokens('wecom');                                    // current tokens → 42001 once used
 *   … run the code …
 *   fake.delivered('/cgi-bin/message/send')   // requests that succeeded (bodies parsed as JSON)
 *   fake.tokenFetches('wecom')                // how many gettoken calls
 *   await fake.close();
 *
 * Endpoints (the documented ones dudao uses):
 * - WeCom: GET /cgi-bin/gettoken (corpid, corpsecret; expires_in 7200), POST /cgi-bin/message/send
 *   (template_card button_interaction → response_code; a task_id used twice → 42014),
 *   POST /cgi-bin/message/update_template_card (response_code one use), POST /cgi-bin/appchat/send,
 *   GET /cgi-bin/agent/get?agentid= (the app's details: name, close, redirect_domain),
 *   POST /cgi-bin/webhook/send?key=, POST /cgi-bin/aibot/response?response_code= (smart bot
 *   response_url: one use; `fake.responseUrl(id)` builds one). A bad or expired token → 42001 /
 *   40014.
 * - DingTalk: POST /v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn},
 *   POST /v1.0/robot/oToMessages/batchSend, POST /v1.0/robot/groupMessages/send,
 *   POST /v1.0/card/instances/createAndDeliver, PUT /v1.0/card/instances,
 *   POST /robot/sendBySession?session= (a sessionWebhook: `fake.sessionWebhook(id)`),
 *   POST /robot/send?access_token= (custom robot). Header x-acs-dingtalk-access-token checked:
 *   a bad one → HTTP 401 {code: 'InvalidAuthentication'}.
 *
 * - Web sign-in for the board (fake-web-auth.ts, `fake.web`): WeCom /connect/oauth2/authorize and
 *   /cgi-bin/auth/getuserinfo; DingTalk /oauth2/auth, /v1.0/oauth2/userAccessToken,
 *   /v1.0/contact/users/me and /topapi/user/getbyunionid.
 *
 * Faults, `fake.fail(path, fault, times = 1, { after })`, taken in order before the request is
 * served (`after`: let that many requests to the path through first):
 * - `{ errcode: n }` — HTTP 200 {errcode: n, errmsg} (WeCom, sessionWebhook; e.g. 45009, 60020, 90018);
 * - `{ status: n, body?: {...} }` — that HTTP status (e.g. 500; DingTalk 429 / 403 with {code});
 * - `{ hangMs: n }` — answer nothing for n ms, then 504: a timeout. The request is NOT served
 *   (nothing is delivered), as when the platform never got it.
 * Every request is kept in `fake.requests` with `served: true|false`.
 *
 * Cards, as the platforms keep them: every template card message/send delivers is kept by its
 * task_id (`fake.wecomCard(taskId)`: the card as the member sees it now, after any
 * update_template_card), and each response_code belongs to one task — the send's own, or one a
 * click on that task's card carries (`fake.clickCode(taskId)`); an update with it changes that
 * task's card only. DingTalk card instances are kept by outTrackId (`fake.dingtalkCard(id)`: the
 * cardParamMap now, PUT with updateCardDataByKey merging keys). Every card received is checked
 * against the documented limits (card-checks.ts); what breaks one is in `fake.cardProblems`.
 */
export type Fault =
  | { errcode: number }
  | { status: number; body?: Record<string, unknown> }
  | { hangMs: number };

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  served: boolean;
  at: number;
}

export interface FakeOptions {
  wecom?: { corpId: string; secret: string };
  dingtalk?: { appKey: string; appSecret: string };
}

export class FakePlatform {
  url = '';
  requests: FakeRequest[] = [];
  /** the platforms' web sign-in (who is "signed in to the app", the codes it issued) */
  readonly web = new FakeWebAuth();
  private server!: Server;
  private faults: { path: string; fault: Fault; left: number; after: number }[] = [];
  private tokens = { wecom: new Set<string>(), dingtalk: new Set<string>() };
  private fetches = { wecom: 0, dingtalk: 0 };
  private taskIds = new Set<string>();
  private responseCodes = new Map<string, boolean>(); // code → used
  private codeTask = new Map<string, string>(); // response_code → task_id it updates
  private wecomCards = new Map<string, { touser: string; card: any; replaced?: string }>();
  private dingCards = new Map<string, Record<string, string>>();
  /** every documented card limit a received card broke: `<path> <task/outTrackId>: <problem>` */
  cardProblems: string[] = [];
  private usedResponseUrls = new Set<string>();
  private seq = 0;
  private hanging = new Set<ServerResponse>();

  private constructor(private readonly o: FakeOptions) {}

  static async start(o: FakeOptions = {}): Promise<FakePlatform> {
    const f = new FakePlatform(o);
    f.server = createServer((req, res) => void f.handle(req, res));
    await new Promise<void>((r) => f.server.listen(0, '127.0.0.1', r));
    f.url = `http://127.0.0.1:${(f.server.address() as AddressInfo).port}`;
    return f;
  }

  /** The next `times` requests to `path` (after letting `after` of them through) meet `fault`. */
  fail(path: string, fault: Fault, times = 1, o: { after?: number } = {}): void {
    this.faults.push({ path, fault, left: times, after: o.after ?? 0 });
  }

  /** Every token issued so far becomes invalid (the next call with one is refused once). */
  expireTokens(platform: 'wecom' | 'dingtalk'): void {
    this.tokens[platform].clear();
  }

  tokenFetches(platform: 'wecom' | 'dingtalk'): number {
    return this.fetches[platform];
  }

  /** Requests to `path` that were served successfully. */
  delivered(path: string): FakeRequest[] {
    return this.requests.filter((r) => r.path === path && r.served);
  }

  responseUrl(id: string): string {
    return `${this.url}/cgi-bin/aibot/response?response_code=${encodeURIComponent(id)}`;
  }

  sessionWebhook(id: string): string {
    return `${this.url}/robot/sendBySession?session=${encodeURIComponent(id)}`;
  }

  /** a response_code the fake issued for a card (as a click callback would carry) */
  issueResponseCode(taskId?: string): string {
    const code = `rc-${++this.seq}`;
    this.responseCodes.set(code, false);
    if (taskId) this.codeTask.set(code, taskId);
    return code;
  }

  /** The ResponseCode a click on the card of `taskId` carries (good for one update of that card). */
  clickCode(taskId: string): string {
    return this.issueResponseCode(taskId);
  }

  /** A template card as its member sees it now, by task_id; `replaced`: the greyed-button text. */
  wecomCard(taskId: string): { touser: string; card: any; replaced?: string } | undefined {
    return this.wecomCards.get(taskId);
  }

  /** Template cards delivered to a member, oldest first. */
  wecomCardsOf(touser: string): { taskId: string; card: any; replaced?: string }[] {
    return [...this.wecomCards.entries()]
      .filter(([, c]) => c.touser === touser)
      .map(([taskId, c]) => ({ taskId, ...c }));
  }

  /** A DingTalk card instance's variables now, by outTrackId. */
  dingtalkCard(outTrackId: string): Record<string, string> | undefined {
    return this.dingCards.get(outTrackId);
  }

  reset(): void {
    this.requests = [];
    this.faults = [];
  }

  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const rec: FakeRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: req.headers,
      body,
      served: false,
      at: Date.now(),
    };
    this.requests.push(rec);
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const f = this.faults.find((x) => x.path === u.pathname && x.left > 0 && x.after-- <= 0);
    if (f) {
      f.left--;
      if ('hangMs' in f.fault) {
        this.hanging.add(res);
        setTimeout(() => {
          this.hanging.delete(res);
          if (!res.destroyed) json(504, { errcode: -1, errmsg: 'fake timeout' });
        }, f.fault.hangMs);
        return;
      }
      if ('errcode' in f.fault)
        return json(200, { errcode: f.fault.errcode, errmsg: `fake fault ${f.fault.errcode}` });
      return json(f.fault.status, f.fault.body ?? { code: `http_${f.fault.status}`, message: 'fake fault' });
    }
    const ok = (payload: Record<string, unknown> = {}, status = 200) => {
      rec.served = true;
      json(status, payload);
    };
    const p = u.pathname;
    const web = this.web.handle({
      method: rec.method,
      path: p,
      query: u.searchParams,
      headers: req.headers,
      body,
      wecomAppToken: (t) => this.tokens.wecom.has(t),
      dingtalkAppToken: (t) => this.tokens.dingtalk.has(t),
      dingtalk: this.o.dingtalk,
    });
    if (web) {
      rec.served = web.status < 400;
      if (web.location) {
        res.writeHead(302, { Location: web.location });
        return void res.end();
      }
      return json(web.status, web.body);
    }
    // ---------------- WeCom
    if (p === '/cgi-bin/gettoken') {
      this.fetches.wecom++;
      const w = this.o.wecom;
      if (!w || u.searchParams.get('corpid') !== w.corpId || u.searchParams.get('corpsecret') !== w.secret)
        return json(200, { errcode: 40001, errmsg: 'invalid credential' });
      const t = `wt-${++this.seq}`;
      this.tokens.wecom.add(t);
      return ok({ errcode: 0, errmsg: 'ok', access_token: t, expires_in: 7200 });
    }
    if (p.startsWith('/cgi-bin/') && !['/cgi-bin/webhook/send', '/cgi-bin/aibot/response'].includes(p)) {
      const t = u.searchParams.get('access_token') ?? '';
      if (!this.tokens.wecom.has(t))
        return json(200, { errcode: t.startsWith('wt-') ? 42001 : 40014, errmsg: 'access_token expired' });
      if (p === '/cgi-bin/message/send') {
        const tid = body?.template_card?.task_id as string | undefined;
        if (tid) {
          if (this.taskIds.has(tid)) return json(200, { errcode: 42014, errmsg: 'taskid has existed' });
          this.taskIds.add(tid);
        }
        const tc = body?.template_card;
        const response_code =
          tc?.card_type === 'button_interaction' ? this.issueResponseCode(tid) : undefined;
        if (tc && tid) {
          for (const x of wecomCardProblems(tc)) this.cardProblems.push(`${p} ${tid}: ${x}`);
          this.wecomCards.set(tid, { touser: String(body.touser), card: tc });
        }
        return ok({
          errcode: 0,
          errmsg: 'ok',
          msgid: `msg-${++this.seq}`,
          ...(response_code ? { response_code } : {}),
        });
      }
      if (p === '/cgi-bin/message/update_template_card') {
        const code = body?.response_code as string;
        if (this.responseCodes.get(code) !== false)
          return json(200, { errcode: 40058, errmsg: 'invalid response_code' });
        this.responseCodes.set(code, true);
        const task = this.codeTask.get(code);
        const shown = task ? this.wecomCards.get(task) : undefined;
        if (shown && body?.template_card) {
          for (const x of wecomCardProblems(body.template_card, 'update'))
            this.cardProblems.push(`${p} ${task}: ${x}`);
          shown.card = { ...body.template_card, task_id: task };
          shown.replaced = body.template_card.replace_text;
        } else if (shown && body?.button?.replace_name) shown.replaced = body.button.replace_name;
        return ok({ errcode: 0, errmsg: 'ok' });
      }
      if (p === '/cgi-bin/appchat/send') return ok({ errcode: 0, errmsg: 'ok' });
      // 获取指定的应用详情 (https://developer.work.weixin.qq.com/document/path/90227), for `doctor`
      if (p === '/cgi-bin/agent/get' && req.method === 'GET')
        return ok({
          errcode: 0,
          errmsg: 'ok',
          agentid: Number(u.searchParams.get('agentid')),
          name: '督导助手',
          close: 0,
          redirect_domain: '',
        });
      return json(404, { errcode: 404, errmsg: 'fake: unknown path' });
    }
    if (p === '/cgi-bin/webhook/send') return ok({ errcode: 0, errmsg: 'ok' });
    if (p === '/cgi-bin/aibot/response') {
      const id = u.searchParams.get('response_code') ?? '';
      if (this.usedResponseUrls.has(id)) return json(200, { errcode: 40058, errmsg: 'response_code used' });
      this.usedResponseUrls.add(id);
      return ok({ errcode: 0, errmsg: 'ok' });
    }
    // ---------------- DingTalk
    if (p === '/v1.0/oauth2/accessToken') {
      this.fetches.dingtalk++;
      const d = this.o.dingtalk;
      if (!d || body?.appKey !== d.appKey || body?.appSecret !== d.appSecret)
        return json(400, { code: 'invalidClientIdOrSecret', message: 'bad app' });
      const t = `dt-${++this.seq}`;
      this.tokens.dingtalk.add(t);
      return ok({ accessToken: t, expireIn: 7200 });
    }
    if (p.startsWith('/v1.0/')) {
      const t = req.headers['x-acs-dingtalk-access-token'];
      if (typeof t !== 'string' || !this.tokens.dingtalk.has(t))
        return json(401, { code: 'InvalidAuthentication', message: 'token invalid' });
      if (p === '/v1.0/robot/oToMessages/batchSend')
        return ok({
          processQueryKey: `pq-${++this.seq}`,
          invalidStaffIdList: [],
          flowControlledStaffIdList: [],
        });
      if (p === '/v1.0/robot/groupMessages/send') return ok({ processQueryKey: `pq-${++this.seq}` });
      if (p === '/v1.0/card/instances/createAndDeliver') {
        const map = body?.cardData?.cardParamMap ?? {};
        for (const x of dingtalkCardProblems(map)) this.cardProblems.push(`${p} ${body?.outTrackId}: ${x}`);
        this.dingCards.set(String(body?.outTrackId), { ...map });
        return ok({
          success: true,
          result: {
            outTrackId: body?.outTrackId,
            deliverResults: [{ success: true, spaceType: 'IM_ROBOT' }],
          },
        });
      }
      if (p === '/v1.0/card/instances' && req.method === 'PUT') {
        const id = String(body?.outTrackId);
        const map = body?.cardData?.cardParamMap ?? {};
        const byKey = body?.cardUpdateOptions?.updateCardDataByKey === true;
        const now = byKey ? { ...(this.dingCards.get(id) ?? {}), ...map } : { ...map };
        for (const x of dingtalkCardProblems(now)) this.cardProblems.push(`${p} ${id}: ${x}`);
        this.dingCards.set(id, now);
        return ok({ success: true, result: true });
      }
      if (p === '/v1.0/card/callbacks/register')
        return ok({ success: true, result: { callbackUrl: body?.callbackUrl, apiSecret: body?.apiSecret } });
      return json(404, { code: 'notFound', message: 'fake: unknown path' });
    }
    if (p === '/robot/sendBySession' || p === '/robot/send') return ok({ errcode: 0, errmsg: 'ok' });
    json(404, { errmsg: 'fake: unknown path' });
  }
}
