// The WeCom (企业微信 / 政务微信) server API, one small typed wrapper per endpoint dudao uses.
// Base URL from WECOM_API_BASE (private deployments, 政务微信, tests). The access token rides in
// the query string, so request URLs are never logged; errors carry only errcode and a hint.
//
// Error codes (全局错误码, https://developer.work.weixin.qq.com/document/path/90455):
// - token refused: 40014 不合法的access_token, 42001 access_token已过期, 40001 (on a call
//   other than gettoken) → refresh once and repeat;
// - busy / frequency: -1 系统繁忙 ("建议重试"), 45009 接口调用超过限制, 45033 接口并发调用超过
//   限制 → retry with backoff;
// - permanent: 81013 (all receivers invalid — message/send: "如果全部接收人无权限或不存在，则本次
//   调用返回失败，errcode为81013"), 40031 不合法的UserID列表, 40003 无效的UserID, 60020 不安全的
//   访问IP (add this server's IP to the app's 企业可信IP), 40058 bad parameter / too long,
//   48002 api forbidden, and anything not listed above.

import axios, { type AxiosInstance } from 'axios';
import type { RedisClient } from '../../redis/connect.js';
import { PlatformError, networkError } from '../platform-error.js';
import { withRetry, type RetryOptions } from '../retry.js';
import { TokenCache } from '../token-cache.js';
import { UrlPolicy, type UrlUse } from '../url-policy.js';

export interface WecomClientOptions {
  baseUrl: string;
  /** the self-built app; absent when only the smart bot / group robots are configured */
  corpId?: string;
  secret?: string;
  agentId?: number;
  redis: RedisClient;
  tokenKey: string;
  timeoutMs?: number;
  retry?: Omit<RetryOptions, 'onRetry'>;
  onRetry?: (e: PlatformError) => void;
  /** where a response_url or group webhook may go (default: WECOM_API_BASE's origin only) */
  urls?: UrlPolicy;
}

interface WecomResult {
  errcode?: number;
  errmsg?: string;
  [k: string]: unknown;
}

export interface WecomSendResult {
  msgid?: string;
  /** only for button_interaction / vote / multiple cards: one update_template_card, 72 h */
  response_code?: string;
  invaliduser?: string;
}

const TOKEN_CODES = new Set([40014, 42001, 40001]);
const RETRY_CODES = new Set([-1, 45009, 45033, 6000]);

export function classifyWecom(errcode: number, what: string): PlatformError {
  if (TOKEN_CODES.has(errcode))
    return new PlatformError('wecom', 'token', String(errcode), `${what}: access token refused`);
  if (RETRY_CODES.has(errcode)) {
    const kind = errcode === -1 || errcode === 6000 ? 'retry' : 'rate_limited';
    return new PlatformError(
      'wecom',
      kind,
      String(errcode),
      `${what}: WeCom is busy or the frequency limit was hit`,
    );
  }
  const hints: Record<number, string> = {
    60020: "add this server's IP to the app's 企业可信IP (WeCom admin → 应用管理 → the app → 企业可信IP)",
    81013: 'no receiver is valid: check the roster 企业微信 id and that the person is in the app’s 可见范围',
    40031: 'invalid userid list: check the roster 企业微信 id and the app’s 可见范围',
    40003: 'invalid userid: check the roster 企业微信 id',
    40013: 'invalid corpid: check WECOM_CORP_ID',
    40091: 'invalid secret: check WECOM_SECRET (the app’s Secret)',
    40056: 'invalid agentid: check WECOM_AGENT_ID',
    40058: 'a field is invalid or too long (check the card / message size)',
    42014: 'template card task_id already used',
    48002: 'API not allowed for this app: check its permissions in the admin console',
    93000: 'invalid group robot webhook: check the 群ID (webhook URL) in the roster',
  };
  return new PlatformError(
    'wecom',
    'permanent',
    String(errcode),
    `${what}: ${hints[errcode] ?? 'WeCom refused the request (errcode ' + errcode + ')'}`,
  );
}

export class WecomClient {
  readonly token: TokenCache;
  private readonly http: AxiosInstance;
  private readonly urls: UrlPolicy;

  constructor(private readonly o: WecomClientOptions) {
    this.http = axios.create({
      baseURL: o.baseUrl,
      timeout: o.timeoutMs ?? 10_000,
      headers: { 'Content-Type': 'application/json' },
      // a redirect could lead anywhere: a 3xx is an answer (a permanent error), never followed
      maxRedirects: 0,
    });
    this.urls = o.urls ?? UrlPolicy.only('wecom', o.baseUrl);
    this.token = new TokenCache({ redis: o.redis, key: o.tokenKey, fetch: () => this.fetchToken() });
  }

  /** GET /cgi-bin/gettoken?corpid&corpsecret — https://developer.work.weixin.qq.com/document/path/91039 */
  private async fetchToken() {
    if (!this.o.corpId || !this.o.secret) {
      throw new PlatformError(
        'wecom',
        'permanent',
        'not_configured',
        'the WeCom self-built app is not configured: set WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_AES_KEY',
      );
    }
    const r = await this.raw(
      'get',
      '/cgi-bin/gettoken',
      undefined,
      { corpid: this.o.corpId, corpsecret: this.o.secret },
      'gettoken',
    );
    if (r.errcode === 40001)
      throw new PlatformError('wecom', 'permanent', '40001', 'gettoken: invalid secret: check WECOM_SECRET');
    if (r.errcode) throw classifyWecom(r.errcode, 'gettoken');
    if (typeof r.access_token !== 'string')
      throw new PlatformError('wecom', 'retry', 'no_token', 'gettoken: no access_token in the answer');
    return { token: r.access_token, expiresInSec: Number(r.expires_in ?? 7200) };
  }

  private async raw(
    method: 'get' | 'post',
    url: string,
    body: unknown,
    params: Record<string, string> | undefined,
    what: string,
  ): Promise<WecomResult> {
    try {
      const res = await this.http.request<WecomResult>({ method, url, data: body, params });
      return res.data ?? {};
    } catch (e) {
      throw networkError('wecom', e, what);
    }
  }

  /** A call with the access token, retried; a refused token is refreshed once. */
  private async call(path: string, body: unknown, what: string): Promise<WecomResult> {
    return withRetry(async () => {
      let refreshed = false;
      for (;;) {
        const token = await this.token.get();
        const r = await this.raw('post', path, body, { access_token: token }, what);
        if (!r.errcode) return r;
        const err = classifyWecom(r.errcode, what);
        if (err.kind === 'token' && !refreshed) {
          refreshed = true;
          await this.token.invalidate(token);
          continue;
        }
        throw err.kind === 'token' ? new PlatformError('wecom', 'retry', err.code, err.hint) : err;
      }
    }, this.retryOptions());
  }

  private retryOptions(): RetryOptions {
    return { attempts: 5, baseMs: 500, maxMs: 10_000, ...this.o.retry, onRetry: (e) => this.o.onRetry?.(e) };
  }

  /** POST /cgi-bin/message/send — https://developer.work.weixin.qq.com/document/path/90236 */
  async sendMessage(touser: string, message: object): Promise<WecomSendResult> {
    const r = await this.call(
      '/cgi-bin/message/send',
      { touser, agentid: this.o.agentId, ...message },
      'message/send',
    );
    // "如果部分接收人无权限或不存在，发送仍然执行，但会返回无效的部分": with one receiver, that is a failure
    if (typeof r.invaliduser === 'string' && r.invaliduser.split('|').includes(touser.toLowerCase())) {
      throw new PlatformError(
        'wecom',
        'permanent',
        'invaliduser',
        'message/send: the receiver is invalid: check the roster 企业微信 id and the app’s 可见范围',
      );
    }
    return { msgid: r.msgid as string | undefined, response_code: r.response_code as string | undefined };
  }

  /** POST /cgi-bin/message/update_template_card — https://developer.work.weixin.qq.com/document/path/94888 */
  async updateTemplateCard(userids: string[], responseCode: string, update: object): Promise<void> {
    await this.call(
      '/cgi-bin/message/update_template_card',
      { userids, agentid: this.o.agentId, response_code: responseCode, ...update },
      'update_template_card',
    );
  }

  /** POST /cgi-bin/appchat/send (groups the app created) — https://developer.work.weixin.qq.com/document/path/90248 */
  async appchatSend(chatid: string, message: object): Promise<void> {
    await this.call('/cgi-bin/appchat/send', { chatid, ...message }, 'appchat/send');
  }

  /**
   * POST to a group robot webhook — https://developer.work.weixin.qq.com/document/path/91770.
   * The roster's 群ID is the webhook URL, or only its key (then WECOM_API_BASE is used).
   */
  async webhookSend(webhook: string, message: object): Promise<void> {
    const url = /^https?:\/\//.test(webhook)
      ? webhook
      : `${this.o.baseUrl}/cgi-bin/webhook/send?key=${encodeURIComponent(webhook)}`;
    await this.postUrl(url, message, 'webhook/send', 'wecom group robot webhook');
  }

  /** POST to a smart bot message's response_url (one use, 1 h) — https://developer.work.weixin.qq.com/document/path/101138 */
  async responseUrlSend(responseUrl: string, message: object): Promise<void> {
    await this.postUrl(responseUrl, message, 'aibot response_url', 'wecom response_url');
  }

  /** A POST to a URL that came from a callback or the roster: only to WeCom's own origin (url-policy.ts). */
  private async postUrl(url: string, message: unknown, what: string, use: UrlUse): Promise<void> {
    if (!this.urls.allows(url, use))
      throw new PlatformError(
        'wecom',
        'permanent',
        'url_refused',
        `${what}: the URL is not WeCom's (WECOM_API_BASE)`,
      );
    await withRetry(async () => {
      let r: WecomResult;
      try {
        r = (await this.http.post<WecomResult>(url, message, { baseURL: undefined })).data ?? {};
      } catch (e) {
        throw networkError('wecom', e, what);
      }
      if (r.errcode) throw classifyWecom(r.errcode, what);
    }, this.retryOptions());
  }
}
