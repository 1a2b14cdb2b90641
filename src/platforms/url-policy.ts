// Where the service may send a request whose URL came from outside: a smart-bot `response_url`
// or a DingTalk `sessionWebhook` in a callback, a group robot webhook in the roster
// (docs/security.md → "Outbound goes only to the platforms"). Without this, a forged or careless
// URL made the worker POST message text to any host, 127.0.0.1 included.
//
// A URL is allowed when its origin (scheme, host, port) is exactly the origin of a configured
// platform base, and it carries no user name or password:
// - WeCom: WECOM_API_BASE. A response_url is `https://qyapi.weixin.qq.com/cgi-bin/aibot/response?
//   response_code=…` (主动回复消息, https://developer.work.weixin.qq.com/document/path/101138); a
//   group robot webhook `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`
//   (https://developer.work.weixin.qq.com/document/path/91770);
// - DingTalk: DINGTALK_OAPI_BASE — a sessionWebhook is `https://oapi.dingtalk.com/robot/
//   sendBySession?session=…` and a custom robot `https://oapi.dingtalk.com/robot/send?
//   access_token=…` (https://open.dingtalk.com/document/orgapp/receive-message,
//   https://open.dingtalk.com/document/orgapp/custom-robot-access) — or DINGTALK_API_BASE.
// The bases are https in production, so a plain-http URL never matches them; tests configure
// http loopback fakes as the bases, and exactly those origins are then allowed.
//
// A refused URL is one `warn` line naming what was refused and why: the host, never the path or
// the query (they hold the response code, session or access token).

import type { Logger } from '../log.js';

export type UrlUse =
  | 'wecom response_url'
  | 'wecom group robot webhook'
  | 'dingtalk sessionWebhook'
  | 'dingtalk robot webhook';

export interface UrlPolicyOptions {
  wecomApiBase: string;
  dingtalkApiBase: string;
  dingtalkOapiBase: string;
  /** where a refusal is told; absent: refused silently (a client built without a logger) */
  log?: Logger;
}

export type UrlVerdict = { ok: true } | { ok: false; why: string };

const web = (u: URL) => u.protocol === 'https:' || u.protocol === 'http:';

const originOf = (base: string): string | undefined => {
  try {
    const u = new URL(base);
    return web(u) ? u.origin : undefined;
  } catch {
    return undefined;
  }
};

export class UrlPolicy {
  private readonly allowed: Record<'wecom' | 'dingtalk', Map<string, string>>;

  constructor(private readonly o: UrlPolicyOptions) {
    const map = (pairs: [string, string][]) =>
      new Map(
        pairs.flatMap(([name, base]) =>
          originOf(base) ? [[originOf(base)!, name] as [string, string]] : [],
        ),
      );
    this.allowed = {
      wecom: map([['WECOM_API_BASE', o.wecomApiBase]]),
      dingtalk: map([
        ['DINGTALK_OAPI_BASE', o.dingtalkOapiBase],
        ['DINGTALK_API_BASE', o.dingtalkApiBase],
      ]),
    };
  }

  /** Only the given bases (a client built on its own, e.g. in a test). */
  static only(platform: 'wecom' | 'dingtalk', base: string): UrlPolicy {
    return new UrlPolicy({
      wecomApiBase: platform === 'wecom' ? base : '',
      dingtalkApiBase: platform === 'dingtalk' ? base : '',
      dingtalkOapiBase: '',
    });
  }

  check(url: string, use: UrlUse): UrlVerdict {
    const platform = use.startsWith('wecom') ? 'wecom' : 'dingtalk';
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { ok: false, why: 'not a URL' };
    }
    if (!web(u)) return { ok: false, why: 'not an http(s) URL' };
    if (u.username || u.password) return { ok: false, why: 'it carries a user name or password' };
    if (!this.allowed[platform].has(u.origin)) {
      const names = [...this.allowed[platform].values()].join(' or ');
      return { ok: false, why: `its origin is not that of ${names}` };
    }
    return { ok: true };
  }

  /** check() and, when refused, the one warn line. */
  allows(url: string, use: UrlUse): boolean {
    const v = this.check(url, use);
    if (!v.ok) {
      let host = '?';
      try {
        host = new URL(url).host.slice(0, 100);
      } catch {
        /* not a URL: no host to name */
      }
      this.o.log?.warn(
        { platform: use.split(' ')[0], use, host },
        `outbound URL refused: ${v.why}; the answer goes through the platform's app API instead, if configured`,
      );
    }
    return v.ok;
  }
}
