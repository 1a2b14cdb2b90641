import axios from 'axios';

/**
 * `dudao doctor`'s look at the WeCom self-built app: two harmless calls, no retries, nothing
 * cached, nothing sent to anyone.
 *
 * 1. GET /cgi-bin/gettoken?corpid&corpsecret — the corp id and the app's Secret
 *    (https://developer.work.weixin.qq.com/document/path/91039). 40013 invalid corpid, 40001 /
 *    40091 invalid secret (全局错误码, https://developer.work.weixin.qq.com/document/path/90455).
 * 2. GET /cgi-bin/agent/get?access_token&agentid — the app itself: its name, whether it is
 *    disabled (`close`), its 可信域名 (`redirect_domain`) and whether this server may call the API
 *    at all: apps created since 2022-06-20 answer 60020 to any call but gettoken from an address
 *    missing from the app's 企业可信IP (https://developer.work.weixin.qq.com/document/path/90227,
 *    https://developer.work.weixin.qq.com/document/path/90664 可信IP). 40056 invalid agentid.
 *
 * The answer's HTTP `Date` header is the platform's clock, for the doctor's clock check.
 */
export interface WecomProbe {
  /** reached the API base at all */
  reachable: boolean;
  /** network failure: axios code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT, …) */
  networkError?: string;
  token?: { ok: true } | { ok: false; errcode: number; errmsg: string };
  agent?:
    | { ok: true; name: string; closed: boolean; redirectDomain?: string }
    | { ok: false; errcode: number; errmsg: string; fromIp?: string };
  serverDate?: Date;
}

export async function probeWecomApp(o: {
  baseUrl: string;
  corpId: string;
  secret: string;
  agentId: string;
  timeoutMs?: number;
}): Promise<WecomProbe> {
  const http = axios.create({ baseURL: o.baseUrl, timeout: o.timeoutMs ?? 8000, maxRedirects: 0 });
  const out: WecomProbe = { reachable: false };
  const get = async (url: string, params: Record<string, string>) => {
    const res = await http.get<Record<string, unknown>>(url, { params, validateStatus: () => true });
    out.reachable = true;
    const date = res.headers.date;
    if (typeof date === 'string' && !Number.isNaN(Date.parse(date))) out.serverDate = new Date(date);
    return res.data ?? {};
  };
  try {
    const t = await get('/cgi-bin/gettoken', { corpid: o.corpId, corpsecret: o.secret });
    const errcode = Number(t.errcode ?? 0);
    if (errcode || typeof t.access_token !== 'string') {
      out.token = { ok: false, errcode: errcode || -1, errmsg: String(t.errmsg ?? '') };
      return out;
    }
    out.token = { ok: true };
    const a = await get('/cgi-bin/agent/get', { access_token: t.access_token, agentid: o.agentId });
    const code = Number(a.errcode ?? 0);
    if (code) {
      const errmsg = String(a.errmsg ?? '');
      // "not allow to access from your ip, hint: [...], from ip: 1.2.3.4, more info at …"
      const fromIp = /from ip:\s*([0-9a-f.:]+)/i.exec(errmsg)?.[1];
      out.agent = { ok: false, errcode: code, errmsg, ...(fromIp ? { fromIp } : {}) };
    } else {
      out.agent = {
        ok: true,
        name: String(a.name ?? ''),
        closed: Number(a.close ?? 0) === 1,
        ...(typeof a.redirect_domain === 'string' && a.redirect_domain
          ? { redirectDomain: a.redirect_domain }
          : {}),
      };
    }
  } catch (e) {
    out.networkError = (e as { code?: string }).code ?? (e as Error).message;
  }
  return out;
}
