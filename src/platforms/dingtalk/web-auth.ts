import axios from 'axios';
import type { WebUser } from '../wecom/web-auth.js';

/**
 * DingTalk web sign-in for the board: the OAuth 2 web flow ("登录第三方网站"), which works inside
 * DingTalk's own browser (no password: the client is signed in) and outside it, with no JSAPI to
 * load (requestAuthCode would need dingtalk.open.js from a CDN, and intranets have none). Steps:
 *
 * 1. The authorize page — DingTalk's "登录第三方网站" tutorial (its parameter table as reproduced
 *    in https://blog.csdn.net/wujialaoer/article/details/139444859):
 *    `https://login.dingtalk.com/oauth2/auth?redirect_uri=…&response_type=code&client_id=AppKey
 *    &scope=openid&state=…&prompt=consent`; client_id "企业内部应用:client_id为应用的AppKey";
 *    scope `openid` "授权后可获得用户userid"; "state跟随authCode原样返回"; DingTalk answers
 *    `redirect_uri?authCode=…&state=…` (some versions also send `code`; both are read).
 * 2. The user token — https://open.dingtalk.com/document/orgapp/obtain-user-token:
 *    `POST /v1.0/oauth2/userAccessToken {clientId, clientSecret, code, grantType:
 *    "authorization_code"}` → `{accessToken, refreshToken, expireIn, corpId}`.
 * 3. Who it is — `GET /v1.0/contact/users/me` with header `x-acs-dingtalk-access-token: <user
 *    token>` → `{nick, unionId, openId, …}` (no corp userid).
 * 4. The corp userid the roster's 钉钉 column holds — `POST /topapi/user/getbyunionid
 *    ?access_token=<the app's token> {unionid}` on DINGTALK_OAPI_BASE → `{errcode: 0, result:
 *    {contact_type, userid}}`; errcode 60121 (找不到该用户) for someone outside the organisation.
 *    The app token of /v1.0/oauth2/accessToken is accepted by the oapi endpoints.
 * The same chain is what authentik's DingTalk source and other production integrations run
 * (authentik/sources/oauth/types/dingtalk.py). Hosts: DINGTALK_LOGIN_BASE (the browser's),
 * DINGTALK_API_BASE, DINGTALK_OAPI_BASE. Tokens never reach the log; redirects are not followed.
 */
export interface DingtalkAuthorize {
  loginBase: string;
  appKey: string;
  redirectUri: string;
  state: string;
}

export function dingtalkAuthorizeUrl(o: DingtalkAuthorize): string {
  const q = new URLSearchParams({
    redirect_uri: o.redirectUri,
    response_type: 'code',
    client_id: o.appKey,
    scope: 'openid',
    state: o.state,
    prompt: 'consent',
  });
  return `${o.loginBase.replace(/\/+$/, '')}/oauth2/auth?${q}`;
}

export interface DingtalkCodeExchange {
  apiBase: string;
  oapiBase: string;
  appKey: string;
  appSecret: string;
  /** the app's access token (shared cache) and how to drop a refused one */
  appToken: { get(): Promise<string>; invalidate(token: string): Promise<void> };
  timeoutMs?: number;
}

const AUTH_CODE_MAX = 512;
/** oapi: 40014 不合法的access_token, 42001 access_token超时, 40001 */
const TOKEN_REFUSED = new Set([40014, 42001, 40001]);

export async function dingtalkUserFromCode(o: DingtalkCodeExchange, code: string): Promise<WebUser> {
  if (!code || code.length > AUTH_CODE_MAX) return { ok: false, reason: 'bad_code' };
  const http = axios.create({ timeout: o.timeoutMs ?? 10_000, maxRedirects: 0, validateStatus: () => true });
  const api = o.apiBase.replace(/\/+$/, '');
  const tokenRes = await http.post(`${api}/v1.0/oauth2/userAccessToken`, {
    clientId: o.appKey,
    clientSecret: o.appSecret,
    code,
    grantType: 'authorization_code',
  });
  const userToken = (tokenRes.data as { accessToken?: unknown } | undefined)?.accessToken;
  if (tokenRes.status !== 200 || typeof userToken !== 'string' || !userToken)
    return { ok: false, reason: `user_token_${tokenRes.status}` };
  const me = await http.get(`${api}/v1.0/contact/users/me`, {
    headers: { 'x-acs-dingtalk-access-token': userToken },
  });
  const unionId = (me.data as { unionId?: unknown } | undefined)?.unionId;
  if (me.status !== 200 || typeof unionId !== 'string' || !unionId)
    return { ok: false, reason: `users_me_${me.status}` };
  const oapi = o.oapiBase.replace(/\/+$/, '');
  for (let attempt = 0; attempt < 2; attempt++) {
    const appToken = await o.appToken.get();
    const r = await http.post(
      `${oapi}/topapi/user/getbyunionid`,
      { unionid: unionId },
      { params: { access_token: appToken } },
    );
    const body = (r.data ?? {}) as { errcode?: number; result?: { userid?: unknown } };
    if (r.status !== 200) return { ok: false, reason: `getbyunionid_${r.status}` };
    if (body.errcode && TOKEN_REFUSED.has(body.errcode) && attempt === 0) {
      await o.appToken.invalidate(appToken);
      continue;
    }
    if (body.errcode) return { ok: false, reason: `errcode_${body.errcode}` };
    const userId = body.result?.userid;
    return typeof userId === 'string' && userId ? { ok: true, userId } : { ok: false, reason: 'no_userid' };
  }
  return { ok: false, reason: 'token_refused' };
}
