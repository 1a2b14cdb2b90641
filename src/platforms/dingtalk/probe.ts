import axios from 'axios';

/**
 * `dudao doctor`'s look at the DingTalk app: one harmless call, no retries, nothing cached.
 *
 * POST /v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn}
 * (https://open.dingtalk.com/document/orgapp/obtain-orgapp-token, the new-style API of that page): the
 * Client ID and Client Secret of 凭证与基础信息. A wrong pair answers HTTP 400 with a `code` such as
 * `invalidClientIdOrSecret`; an address outside the app's 服务器出口IP, when the app has that list,
 * `Forbidden.AccessDenied.IpNotInWhiteList`.
 *
 * The answer's HTTP `Date` header is the platform's clock, for the doctor's clock check.
 */
export interface DingtalkProbe {
  reachable: boolean;
  networkError?: string;
  token?: { ok: true } | { ok: false; status: number; code: string; message: string };
  serverDate?: Date;
}

export async function probeDingtalkApp(o: {
  apiBase: string;
  appKey: string;
  appSecret: string;
  timeoutMs?: number;
}): Promise<DingtalkProbe> {
  const out: DingtalkProbe = { reachable: false };
  try {
    const res = await axios.post<Record<string, unknown>>(
      `${o.apiBase.replace(/\/$/, '')}/v1.0/oauth2/accessToken`,
      { appKey: o.appKey, appSecret: o.appSecret },
      { timeout: o.timeoutMs ?? 8000, maxRedirects: 0, validateStatus: () => true },
    );
    out.reachable = true;
    const date = res.headers.date;
    if (typeof date === 'string' && !Number.isNaN(Date.parse(date))) out.serverDate = new Date(date);
    const d = res.data ?? {};
    out.token =
      res.status === 200 && typeof d.accessToken === 'string'
        ? { ok: true }
        : {
            ok: false,
            status: res.status,
            code: String(d.code ?? `http_${res.status}`),
            message: String(d.message ?? ''),
          };
  } catch (e) {
    out.networkError = (e as { code?: string }).code ?? (e as Error).message;
  }
  return out;
}
