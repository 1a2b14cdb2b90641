import type Router from '@koa/router';
import type { Runtime } from '../runtime.js';
import { createCalendar } from '../domain/calendar.js';
import { createStore } from '../store/redis-store.js';
import { boardSecret } from '../store/board-secret.js';
import { wecomAuthorizeUrl, wecomUserFromCode } from '../platforms/wecom/web-auth.js';
import { dingtalkAuthorizeUrl, dingtalkUserFromCode } from '../platforms/dingtalk/web-auth.js';
import { dingtalkClient, wecomClient } from '../../jobs/outbound-deps.js';
import { boardRouter } from './board/index.js';
import type { WebSignIn } from './board/deps.js';

/**
 * Composition of the board (src/http/board/): the store, the signing secret (BOARD_SECRET or the
 * one kept in Redis), the rules its numbers are judged by (the same configuration as the digest's
 * and the reminders'), and each platform's web sign-in when that platform's app is configured,
 * sharing the app's access token with the outbound sends (one cache in Redis).
 */
export function mountBoard(rt: Runtime): Router {
  const c = rt.config;
  const base = c.PUBLIC_BASE_URL?.replace(/\/+$/, '');
  let wecom: WebSignIn | undefined;
  if (c.wecomAppEnabled && c.WECOM_CORP_ID && c.WECOM_AGENT_ID) {
    const client = wecomClient(rt);
    const corpId = c.WECOM_CORP_ID;
    const agentId = c.WECOM_AGENT_ID;
    wecom = {
      authorizeUrl: (state, redirectUri) =>
        wecomAuthorizeUrl({ oauthBase: c.WECOM_OAUTH_BASE, corpId, agentId, redirectUri, state }),
      userFromCode: (code) => wecomUserFromCode({ apiBase: c.WECOM_API_BASE, token: client.token }, code),
    };
  }
  let dingtalk: WebSignIn | undefined;
  if (c.dingtalkEnabled && c.DINGTALK_APP_KEY && c.DINGTALK_APP_SECRET) {
    const client = dingtalkClient(rt);
    const appKey = c.DINGTALK_APP_KEY;
    const appSecret = c.DINGTALK_APP_SECRET;
    dingtalk = {
      authorizeUrl: (state, redirectUri) =>
        dingtalkAuthorizeUrl({ loginBase: c.DINGTALK_LOGIN_BASE, appKey, redirectUri, state }),
      userFromCode: (code) =>
        dingtalkUserFromCode(
          {
            apiBase: c.DINGTALK_API_BASE,
            oapiBase: c.DINGTALK_OAPI_BASE,
            appKey,
            appSecret,
            appToken: client.token,
          },
          code,
        ),
    };
  }
  return boardRouter({
    store: createStore(rt.redis, rt.prefix),
    log: rt.log,
    secret: boardSecret(rt.redis, rt.prefix, c.BOARD_SECRET),
    now: () => rt.now(),
    rules: {
      timeZone: c.TIMEZONE,
      calendar: createCalendar(),
      escalateAfterWorkdays: c.ESCALATE_AFTER_WORKDAYS,
      dueSoonWorkdays: Math.max(0, ...c.REMINDER_WORKDAYS_BEFORE),
    },
    publicBaseUrl: base,
    secureCookies: base?.startsWith('https://') ?? false,
    wecom,
    dingtalk,
  });
}
