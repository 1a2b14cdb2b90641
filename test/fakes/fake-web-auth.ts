import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The platforms' web sign-in, faked for the board's tests (part of FakePlatform; see there). It
 * plays both the platform's browser side — the authorize page, which sends the browser straight
 * back with a one-use code for whoever is "signed in to the app" (`fake.web.wecomUser`,
 * `fake.web.dingtalkUser`) — and the server APIs that turn the code into a user id. Answers are
 * the recorded fixtures of the documented shapes (test/fixtures/wecom/auth-getuserinfo-*.json,
 * test/fixtures/dingtalk/{oauth2-user-access-token,contact-users-me,getbyunionid*}.json) with the
 * ids filled in.
 *
 * - WeCom: GET /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope=snsapi_base
 *   &state&agentid → 302 redirect_uri?code&state; GET /cgi-bin/auth/getuserinfo?access_token&code
 *   → {errcode 0, userid} | {errcode 0, openid, external_userid} (not a member) | 40029 (a code used
 *   twice, unknown, or older than 5 minutes). developer.work.weixin.qq.com/document/path/91022, 91023.
 * - DingTalk: GET /oauth2/auth?redirect_uri&response_type=code&client_id&scope&state&prompt →
 *   302 redirect_uri?authCode&state; POST /v1.0/oauth2/userAccessToken {clientId, clientSecret,
 *   code, grantType} → {accessToken, refreshToken, expireIn, corpId}; GET /v1.0/contact/users/me
 *   (x-acs-dingtalk-access-token: that user token) → {unionId, …}; POST /topapi/user/getbyunionid
 *   ?access_token=<app token> {unionid} → {errcode 0, result: {userid}} | 60121.
 */
const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

export interface WebRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
  /** is this one of the app tokens the fake issued? */
  wecomAppToken(t: string): boolean;
  dingtalkAppToken(t: string): boolean;
  dingtalk?: { appKey: string; appSecret: string };
}

export type WebAnswer = { status: number; body?: unknown; location?: string };

const CODE_TTL_MS = 5 * 60_000;

export class FakeWebAuth {
  /** the WeCom member signed in to the (fake) WeCom client; undefined: a non-member (openid only) */
  wecomUser: string | undefined;
  /** the DingTalk corp userid signed in to the (fake) DingTalk client; undefined: outside the corp */
  dingtalkUser: string | undefined;
  /** which redirect_uri each authorize request asked for, in order */
  authorizeRedirects: { platform: 'wecom' | 'dingtalk'; redirectUri: string; state: string }[] = [];
  private codes = new Map<string, { user: string | undefined; at: number; used: boolean }>();
  private userTokens = new Map<string, string | undefined>();
  private seq = 0;

  private issue(prefix: string, user: string | undefined): string {
    const code = `${prefix}${++this.seq}${Math.random().toString(36).slice(2, 8)}`;
    this.codes.set(code, { user, at: Date.now(), used: false });
    return code;
  }

  /** a code is good once, for 5 minutes ("code只能使用一次，5分钟未被使用自动过期") */
  private redeem(code: string | null | undefined): { ok: true; user: string | undefined } | { ok: false } {
    const c = code ? this.codes.get(code) : undefined;
    if (!c || c.used || Date.now() - c.at > CODE_TTL_MS) return { ok: false };
    c.used = true;
    return { ok: true, user: c.user };
  }

  private back(redirectUri: string | null, params: Record<string, string>): WebAnswer {
    if (!redirectUri) return { status: 400, body: { errmsg: 'fake: no redirect_uri' } };
    const u = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    return { status: 302, location: u.toString() };
  }

  handle(r: WebRequest): WebAnswer | undefined {
    const q = r.query;
    // ---------------- WeCom 网页授权
    if (r.path === '/connect/oauth2/authorize') {
      if (q.get('response_type') !== 'code' || q.get('scope') !== 'snsapi_base')
        return { status: 400, body: { errmsg: 'fake: expected response_type=code&scope=snsapi_base' } };
      const state = q.get('state') ?? '';
      this.authorizeRedirects.push({ platform: 'wecom', redirectUri: q.get('redirect_uri') ?? '', state });
      return this.back(q.get('redirect_uri'), { code: this.issue('wc', this.wecomUser), state });
    }
    if (r.path === '/cgi-bin/auth/getuserinfo') {
      const t = q.get('access_token') ?? '';
      if (!r.wecomAppToken(t))
        return { status: 200, body: { errcode: 40014, errmsg: 'invalid access_token' } };
      const c = this.redeem(q.get('code'));
      if (!c.ok) return { status: 200, body: fixture('wecom/auth-getuserinfo-invalid-code.json') };
      if (c.user === undefined)
        return {
          status: 200,
          body: { ...fixture('wecom/auth-getuserinfo-nonmember.json'), openid: `o-${this.seq}` },
        };
      return { status: 200, body: { ...fixture('wecom/auth-getuserinfo-member.json'), userid: c.user } };
    }
    // ---------------- DingTalk OAuth 2
    if (r.path === '/oauth2/auth') {
      if (q.get('response_type') !== 'code' || !q.get('client_id'))
        return { status: 400, body: { errmsg: 'fake: expected response_type=code and client_id' } };
      const state = q.get('state') ?? '';
      this.authorizeRedirects.push({ platform: 'dingtalk', redirectUri: q.get('redirect_uri') ?? '', state });
      return this.back(q.get('redirect_uri'), { authCode: this.issue('dc', this.dingtalkUser), state });
    }
    if (r.path === '/v1.0/oauth2/userAccessToken' && r.method === 'POST') {
      const b = r.body ?? {};
      if (
        !r.dingtalk ||
        b.clientId !== r.dingtalk.appKey ||
        b.clientSecret !== r.dingtalk.appSecret ||
        b.grantType !== 'authorization_code'
      )
        return { status: 400, body: { code: 'invalidClientIdOrSecret', message: 'fake: bad client' } };
      const c = this.redeem(b.code);
      if (!c.ok) return { status: 400, body: { code: 'invalidAuthCode', message: 'fake: bad code' } };
      const accessToken = `ut-${++this.seq}`;
      this.userTokens.set(accessToken, c.user);
      return { status: 200, body: { ...fixture('dingtalk/oauth2-user-access-token.json'), accessToken } };
    }
    if (r.path === '/v1.0/contact/users/me' && r.method === 'GET') {
      const t = r.headers['x-acs-dingtalk-access-token'];
      if (typeof t !== 'string' || !this.userTokens.has(t))
        return { status: 401, body: { code: 'InvalidAuthentication', message: 'fake: user token invalid' } };
      const user = this.userTokens.get(t);
      return {
        status: 200,
        body: { ...fixture('dingtalk/contact-users-me.json'), unionId: `union-${user ?? 'outsider'}` },
      };
    }
    if (r.path === '/topapi/user/getbyunionid' && r.method === 'POST') {
      if (!r.dingtalkAppToken(q.get('access_token') ?? ''))
        return { status: 200, body: { errcode: 40014, errmsg: '不合法的access_token' } };
      const union = String(r.body?.unionid ?? '');
      const user = union.startsWith('union-') ? union.slice(6) : '';
      if (!user || user === 'outsider')
        return { status: 200, body: fixture('dingtalk/getbyunionid-not-found.json') };
      const found = fixture('dingtalk/getbyunionid.json');
      return { status: 200, body: { ...found, result: { ...(found.result as object), userid: user } } };
    }
    return undefined;
  }
}
