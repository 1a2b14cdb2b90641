// The DingTalk server API (new-style /v1.0 on DINGTALK_API_BASE, header
// x-acs-dingtalk-access-token), one small wrapper per endpoint dudao uses, plus a message's
// sessionWebhook. Errors of /v1.0 come as an HTTP status with {code, message, requestid};
// a sessionWebhook answers {errcode, errmsg}.
//
// - token refused: HTTP 401, or code InvalidAuthentication → refresh once and repeat;
// - frequency: HTTP 429, code Forbidden.AccessDenied.QpsLimitForApi / …QpsLimitForAppkeyAndApi,
//   errcode 90002 (all apps on the platform over the API's QPS), 90019, 90018 (treated the same),
//   130101 (a robot over 20 messages/minute; blocked 10 minutes) → retry with backoff;
//   https://open.dingtalk.com/document/orgapp/invocation-frequency-limit
// - 5xx, network, timeout → retry;
// - permanent: Forbidden.AccessDenied.IpNotInWhiteList (add this server's IP to the app's
//   服务器出口IP), Forbidden.AccessDenied.AccessTokenPermissionDenied (grant the app the API's
//   permission), invalid user ids, a bad card template or parameter, anything else 4xx.

import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { RedisClient } from '../../redis/connect.js';
import { PlatformError, networkError } from '../platform-error.js';
import { withRetry, type RetryOptions } from '../retry.js';
import { TokenCache } from '../token-cache.js';
import { UrlPolicy, type UrlUse } from '../url-policy.js';

export interface DingtalkClientOptions {
  apiBase: string;
  /** absent when DingTalk is not configured (a sessionWebhook / custom robot still works) */
  appKey?: string;
  appSecret?: string;
  robotCode?: string;
  redis: RedisClient;
  tokenKey: string;
  timeoutMs?: number;
  retry?: Omit<RetryOptions, 'onRetry'>;
  onRetry?: (e: PlatformError) => void;
  /** where a sessionWebhook or custom robot webhook may go (default: DINGTALK_API_BASE's origin only) */
  urls?: UrlPolicy;
}

interface V1Error {
  code?: string;
  message?: string;
  errcode?: number;
  errmsg?: string;
}

const RATE_ERRCODES = new Set([90002, 90018, 90019, 130101]);

export function classifyDingtalk(status: number, body: V1Error, what: string): PlatformError {
  const code = body.code ?? (body.errcode !== undefined ? String(body.errcode) : `http_${status}`);
  if (
    status === 401 ||
    /InvalidAuthentication|InvalidAccessToken|accessToken.*(invalid|expired)/i.test(code)
  ) {
    return new PlatformError('dingtalk', 'token', code, `${what}: access token refused`);
  }
  if (
    status === 429 ||
    /QpsLimit|Throttl|FlowControl/i.test(code) ||
    (body.errcode !== undefined && RATE_ERRCODES.has(body.errcode))
  ) {
    return new PlatformError('dingtalk', 'rate_limited', code, `${what}: DingTalk frequency limit`);
  }
  if (status >= 500 || body.errcode === -1)
    return new PlatformError('dingtalk', 'retry', code, `${what}: DingTalk answered ${status}`);
  let hint = `DingTalk refused the request (${code})`;
  if (/IpNotInWhiteList/i.test(code))
    hint = "add this server's IP to the app's 服务器出口IP (DingTalk developer console → the app → 安全设置)";
  else if (/PermissionDenied/i.test(code))
    hint = "grant the app this API's permission in the DingTalk developer console (权限管理)";
  else if (/template/i.test(code))
    hint =
      'the card template was refused: check DINGTALK_CARD_TEMPLATE_ID and that the template is published';
  else if (/robot/i.test(code)) hint = 'the robot was refused: check DINGTALK_ROBOT_CODE';
  else if (/user|staff/i.test(code)) hint = 'invalid user: check the roster 钉钉 id';
  return new PlatformError('dingtalk', 'permanent', code, `${what}: ${hint}`);
}

export interface BatchSendResult {
  processQueryKey?: string;
  invalidStaffIdList?: string[];
  flowControlledStaffIdList?: string[];
}

export class DingtalkClient {
  readonly token: TokenCache;
  private readonly http: AxiosInstance;
  private readonly urls: UrlPolicy;

  constructor(private readonly o: DingtalkClientOptions) {
    this.http = axios.create({
      baseURL: o.apiBase,
      timeout: o.timeoutMs ?? 10_000,
      headers: { 'Content-Type': 'application/json' },
      // a redirect could lead anywhere: a 3xx is an answer (a permanent error), never followed
      maxRedirects: 0,
    });
    this.urls = o.urls ?? UrlPolicy.only('dingtalk', o.apiBase);
    this.token = new TokenCache({ redis: o.redis, key: o.tokenKey, fetch: () => this.fetchToken() });
  }

  get robotCode(): string {
    return this.o.robotCode ?? '';
  }

  /** POST /v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn} */
  private async fetchToken() {
    if (!this.o.appKey || !this.o.appSecret) {
      throw new PlatformError(
        'dingtalk',
        'permanent',
        'not_configured',
        'DingTalk is not configured: set DINGTALK_APP_KEY, DINGTALK_APP_SECRET, DINGTALK_ROBOT_CODE',
      );
    }
    const r = await this.request<{ accessToken?: string; expireIn?: number }>(
      'post',
      '/v1.0/oauth2/accessToken',
      { appKey: this.o.appKey, appSecret: this.o.appSecret },
      undefined,
      'oauth2/accessToken',
    );
    if (!r.accessToken)
      throw new PlatformError(
        'dingtalk',
        'retry',
        'no_token',
        'oauth2/accessToken: no accessToken in the answer',
      );
    return { token: r.accessToken, expiresInSec: Number(r.expireIn ?? 7200) };
  }

  private async request<T>(
    method: 'post' | 'put',
    url: string,
    body: unknown,
    token: string | undefined,
    what: string,
  ): Promise<T> {
    let res: AxiosResponse;
    try {
      res = await this.http.request({
        method,
        url,
        data: body,
        headers: token ? { 'x-acs-dingtalk-access-token': token } : {},
        validateStatus: () => true,
      });
    } catch (e) {
      throw networkError('dingtalk', e, what);
    }
    const data = (res.data ?? {}) as V1Error & T;
    if (res.status >= 300 || (typeof data.errcode === 'number' && data.errcode !== 0)) {
      const err = classifyDingtalk(res.status, data, what);
      if (what === 'oauth2/accessToken' && err.kind === 'permanent') {
        throw new PlatformError(
          'dingtalk',
          'permanent',
          err.code,
          'oauth2/accessToken: check DINGTALK_APP_KEY and DINGTALK_APP_SECRET',
        );
      }
      throw err;
    }
    return data;
  }

  private async call<T>(method: 'post' | 'put', path: string, body: unknown, what: string): Promise<T> {
    return withRetry(
      async () => {
        let refreshed = false;
        for (;;) {
          const token = await this.token.get();
          try {
            return await this.request<T>(method, path, body, token, what);
          } catch (e) {
            if (e instanceof PlatformError && e.kind === 'token') {
              await this.token.invalidate(token);
              if (!refreshed) {
                refreshed = true;
                continue;
              }
              throw new PlatformError('dingtalk', 'retry', e.code, e.hint);
            }
            throw e;
          }
        }
      },
      { attempts: 5, baseMs: 500, maxMs: 10_000, ...this.o.retry, onRetry: (e) => this.o.onRetry?.(e) },
    );
  }

  /** POST /v1.0/robot/oToMessages/batchSend — robot to people (单聊), userIds ≤ 20 */
  async batchSend(userId: string, msg: { msgKey: string; msgParam: string }): Promise<BatchSendResult> {
    const r = await this.call<BatchSendResult>(
      'post',
      '/v1.0/robot/oToMessages/batchSend',
      { robotCode: this.o.robotCode, userIds: [userId], ...msg },
      'oToMessages/batchSend',
    );
    if (r.invalidStaffIdList?.includes(userId)) {
      throw new PlatformError(
        'dingtalk',
        'permanent',
        'invalidStaffId',
        'oToMessages/batchSend: invalid user: check the roster 钉钉 id and the app’s 可见范围',
      );
    }
    if (r.flowControlledStaffIdList?.includes(userId)) {
      throw new PlatformError(
        'dingtalk',
        'rate_limited',
        'flowControlled',
        'oToMessages/batchSend: the person is flow-controlled',
      );
    }
    return r;
  }

  /** POST /v1.0/robot/groupMessages/send — robot to a group by openConversationId */
  async groupSend(
    openConversationId: string,
    msg: { msgKey: string; msgParam: string },
  ): Promise<{ processQueryKey?: string }> {
    return this.call(
      'post',
      '/v1.0/robot/groupMessages/send',
      { robotCode: this.o.robotCode, openConversationId, ...msg },
      'groupMessages/send',
    );
  }

  /** POST /v1.0/card/instances/createAndDeliver */
  async createAndDeliver(body: Record<string, unknown>): Promise<{ outTrackId?: string }> {
    const r = await this.call<{
      result?: { outTrackId?: string; deliverResults?: { success?: boolean; errorMsg?: string }[] };
    }>('post', '/v1.0/card/instances/createAndDeliver', body, 'card createAndDeliver');
    const failed = r.result?.deliverResults?.find((d) => d.success === false);
    if (failed)
      throw new PlatformError(
        'dingtalk',
        'permanent',
        'deliverFailed',
        'card createAndDeliver: delivery refused: check the roster 钉钉 id and the robot',
      );
    return { outTrackId: r.result?.outTrackId };
  }

  /**
   * POST /v1.0/card/callbacks/register — where DingTalk posts card button clicks in HTTP mode, and
   * the apiSecret it signs them with (body: callbackRouteKey, callbackUrl, apiSecret, forceUpdate).
   */
  async registerCardCallback(body: {
    callbackRouteKey: string;
    callbackUrl: string;
    apiSecret: string;
    forceUpdate: boolean;
  }): Promise<void> {
    await this.call('post', '/v1.0/card/callbacks/register', body, 'card callbacks/register');
  }

  /** PUT /v1.0/card/instances — update a delivered card's data */
  async updateCard(body: Record<string, unknown>): Promise<void> {
    await this.call('put', '/v1.0/card/instances', body, 'card update');
  }

  /**
   * POST to a message's sessionWebhook (valid until sessionWebhookExpiredTime; no token) or to a
   * custom robot webhook from the roster: only to DingTalk's own origins (url-policy.ts).
   */
  async sessionSend(
    webhook: string,
    body: Record<string, unknown>,
    use: UrlUse = 'dingtalk sessionWebhook',
  ): Promise<void> {
    if (!this.urls.allows(webhook, use))
      throw new PlatformError(
        'dingtalk',
        'permanent',
        'url_refused',
        `${use}: the URL is not DingTalk's (DINGTALK_OAPI_BASE or DINGTALK_API_BASE)`,
      );
    await withRetry(() => this.request('post', webhook, body, undefined, 'sessionWebhook'), {
      attempts: 5,
      baseMs: 500,
      maxMs: 10_000,
      ...this.o.retry,
      onRetry: (e) => this.o.onRetry?.(e),
    });
  }
}
