// DingTalk HTTP callback signatures (pure functions; `now` injected).
//
// Robot messages (接收消息的消息协议, https://open.dingtalk.com/document/isvapp/receive-message,
// enterprise apps: https://open.dingtalk.com/document/orgapp/receive-message): headers `timestamp`
// (ms) and `sign`; sign = Base64(HmacSHA256(key = appSecret, timestamp + "\n" + appSecret)); a
// timestamp more than 1 hour from our clock is illegal ("相差1小时以上,则认为是非法的请求"); both
// checks must pass.
//
// Interactive-card callbacks in HTTP mode (the URL registered with POST /v1.0/card/callbacks/register
// and its `apiSecret`): headers `x-ddpaas-signature-timestamp` and `x-ddpaas-signature`, signature
// = Base64(HmacSHA256(key = apiSecret, timestamp)). The docs corpus we could search does not hold
// that page; this is what two independent production integrations verify (see decode-card.ts), and
// it is checked in constant time with the same ±1 h window.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { ONE_HOUR_MS, withinWindow } from '../timestamp-window.js';

export const DINGTALK_WINDOW_MS = ONE_HOUR_MS;

/** On success, the pair itself: it is good for one message only (routes.ts binds it). */
export type SignCheck = { ok: true; timestamp: string; sign: string } | { ok: false; hint: string };

export function robotSign(appSecret: string, timestamp: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest('base64');
}

export function cardSign(apiSecret: string, timestamp: string): string {
  return createHmac('sha256', apiSecret).update(timestamp).digest('base64');
}

/**
 * The apiSecret dudao registers for card callbacks, derived from DINGTALK_APP_SECRET so no new
 * variable is needed and the app secret itself is never a per-request HMAC key. Whoever registers
 * the callback (POST /v1.0/card/callbacks/register) must send exactly this value as `apiSecret`.
 */
export function cardCallbackSecret(appSecret: string): string {
  return createHmac('sha256', appSecret).update('dudao card callback v1').digest('base64url');
}

function equalB64(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 256 ? v.trim() : undefined;
}

export function verifyRobotSign(
  headers: Record<string, string | string[] | undefined>,
  appSecret: string,
  now: Date,
  windowMs = DINGTALK_WINDOW_MS,
): SignCheck {
  const timestamp = header(headers, 'timestamp');
  const sign = header(headers, 'sign');
  if (!timestamp || !sign)
    return { ok: false, hint: 'missing timestamp/sign headers: is this URL called by DingTalk?' };
  if (!withinWindow(timestamp, now, windowMs))
    return { ok: false, hint: 'timestamp outside ±1 h: check the server clock (NTP)' };
  if (!equalB64(robotSign(appSecret, timestamp), sign))
    return { ok: false, hint: 'sign mismatch: check DINGTALK_APP_SECRET' };
  return { ok: true, timestamp, sign };
}

export function verifyCardSign(
  headers: Record<string, string | string[] | undefined>,
  apiSecret: string,
  now: Date,
  windowMs = DINGTALK_WINDOW_MS,
): SignCheck {
  const timestamp = header(headers, 'x-ddpaas-signature-timestamp');
  const sign = header(headers, 'x-ddpaas-signature');
  if (!timestamp || !sign)
    return { ok: false, hint: 'missing x-ddpaas-signature headers: is this URL called by DingTalk?' };
  if (!withinWindow(timestamp, now, windowMs))
    return { ok: false, hint: 'timestamp outside ±1 h: check the server clock (NTP)' };
  if (!equalB64(cardSign(apiSecret, timestamp), sign)) {
    return {
      ok: false,
      hint: 'card signature mismatch: register the callback with apiSecret = cardCallbackSecret(DINGTALK_APP_SECRET)',
    };
  }
  return { ok: true, timestamp, sign };
}
