import axios from 'axios';

/**
 * WeCom web sign-in (网页授权登录) for the board, snsapi_base (静默授权: no consent page, the
 * member's userid only). Two steps:
 *
 * 1. Send the browser to the authorize link — 构造网页授权链接,
 *    https://developer.work.weixin.qq.com/document/path/91022 (same text on /96441):
 *    `https://open.weixin.qq.com/connect/oauth2/authorize?appid=CORPID&redirect_uri=REDIRECT_URI
 *    &response_type=code&scope=snsapi_base&state=STATE&agentid=AGENTID#wechat_redirect`;
 *    appid is the CorpID, redirect_uri url-encoded and on the app's 可信域名, state "a-zA-Z0-9 …
 *    长度不可超过128个字节", agentid "建议填上". WeCom answers `redirect_uri?code=CODE&state=STATE`;
 *    "code长度最大为512字节".
 * 2. Exchange the code — 获取访问用户身份, https://developer.work.weixin.qq.com/document/path/91023
 *    (same text on /96442): `GET /cgi-bin/auth/getuserinfo?access_token=ACCESS_TOKEN&code=CODE`;
 *    "code只能使用一次，5分钟未被使用自动过期"; a member answers `{errcode: 0, errmsg: "ok",
 *    userid}` ("无论是否在应用可见范围之内"); a non-member `{errcode: 0, openid, external_userid}`;
 *    a bad code `{errcode: 40029, errmsg: "invalid code"}`; 50001 when the redirect domain is not
 *    the app's 可信域名.
 * The authorize host is WECOM_OAUTH_BASE (open.weixin.qq.com; a 政务微信 or private deployment has
 * its own), the API host WECOM_API_BASE. The access token is the app's (shared cache); it rides in
 * the query string, so URLs are never logged. Redirects are not followed.
 */
export interface WecomAuthorize {
  oauthBase: string;
  corpId: string;
  agentId: string;
  redirectUri: string;
  state: string;
}

export function wecomAuthorizeUrl(o: WecomAuthorize): string {
  const q = new URLSearchParams({
    appid: o.corpId,
    redirect_uri: o.redirectUri,
    response_type: 'code',
    scope: 'snsapi_base',
    state: o.state,
    agentid: o.agentId,
  });
  return `${o.oauthBase.replace(/\/+$/, '')}/connect/oauth2/authorize?${q}#wechat_redirect`;
}

export const WECOM_CODE_MAX_BYTES = 512;

export interface WecomCodeExchange {
  apiBase: string;
  /** the app's access token (shared cache) and how to drop a refused one */
  token: { get(): Promise<string>; invalidate(token: string): Promise<void> };
  timeoutMs?: number;
}

export type WebUser = { ok: true; userId: string } | { ok: false; reason: string };

const TOKEN_REFUSED = new Set([40014, 42001, 40001]);

export async function wecomUserFromCode(o: WecomCodeExchange, code: string): Promise<WebUser> {
  if (!code || Buffer.byteLength(code) > WECOM_CODE_MAX_BYTES) return { ok: false, reason: 'bad_code' };
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await o.token.get();
    const res = await axios.get(`${o.apiBase.replace(/\/+$/, '')}/cgi-bin/auth/getuserinfo`, {
      params: { access_token: token, code },
      timeout: o.timeoutMs ?? 10_000,
      maxRedirects: 0,
      validateStatus: () => true,
    });
    const body = (res.data ?? {}) as { errcode?: number; userid?: unknown; openid?: unknown };
    if (res.status !== 200) return { ok: false, reason: `http_${res.status}` };
    if (body.errcode && TOKEN_REFUSED.has(body.errcode) && attempt === 0) {
      await o.token.invalidate(token);
      continue;
    }
    if (body.errcode) return { ok: false, reason: `errcode_${body.errcode}` };
    if (typeof body.userid === 'string' && body.userid) return { ok: true, userId: body.userid };
    return { ok: false, reason: 'not_a_member' };
  }
  return { ok: false, reason: 'token_refused' };
}
