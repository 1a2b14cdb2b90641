import { msgSignature, signatureMatches } from './crypto.js';
import { ONE_HOUR_MS, withinWindow } from '../timestamp-window.js';

/**
 * Verification of a WeCom callback: a pure function of (query, encrypted payload, token, now).
 *
 * WeCom puts `msg_signature`, `timestamp` and `nonce` in the query string of every callback, the
 * URL check (GET, with `echostr`) and messages (POST) alike; msg_signature covers token,
 * timestamp, nonce and the encrypted payload (https://developer.work.weixin.qq.com/document/path/90968,
 * smart bot: https://developer.work.weixin.qq.com/document/path/101033).
 *
 * Freshness and replays (our choice; the docs only say timestamp+nonce exist "用于防止请求重放攻击"):
 * - the timestamp must be within ±1 hour of our clock. One hour tolerates a badly synced office
 *   server and WeCom's retries (3 tries within seconds), and is the window DingTalk documents for
 *   its robot callbacks, so operators meet one rule;
 * - inside the window a replay is a duplicate: the message id (MsgId / msgid, or for events a
 *   hash of their fields) is the inbound queue's deduplication id, kept for 3 days
 *   (INBOUND_KEEP_SECONDS) — far longer than the window — so a replayed callback is answered 200
 *   and creates no second job. No nonce
 *   store is needed on the HTTP path, which keeps verification pure and the hot path one Redis
 *   round trip.
 */
export type Query = Record<string, string | string[] | undefined>;

export type VerifyFailure = { ok: false; outcome: 'bad_signature' | 'malformed'; hint: string };
export type Verified = { ok: true; timestamp: string; nonce: string };

export const WECOM_WINDOW_MS = ONE_HOUR_MS;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 256 ? v : undefined;
}

export function verifyWecom(
  query: Query,
  encrypted: string,
  token: string,
  now: Date,
  opts: { tokenVar?: string; windowMs?: number } = {},
): Verified | VerifyFailure {
  const signature = one(query, 'msg_signature');
  const timestamp = one(query, 'timestamp');
  const nonce = one(query, 'nonce');
  if (!signature || !timestamp || !nonce) {
    return {
      ok: false,
      outcome: 'bad_signature',
      hint: 'missing msg_signature/timestamp/nonce: is this URL called by WeCom?',
    };
  }
  if (!withinWindow(timestamp, now, opts.windowMs ?? WECOM_WINDOW_MS)) {
    return {
      ok: false,
      outcome: 'bad_signature',
      hint: 'timestamp outside ±1 h: check the server clock (NTP)',
    };
  }
  if (!signatureMatches(msgSignature(token, timestamp, nonce, encrypted), signature)) {
    return {
      ok: false,
      outcome: 'bad_signature',
      hint: `msg_signature mismatch: check ${opts.tokenVar ?? 'WECOM_TOKEN'}`,
    };
  }
  return { ok: true, timestamp, nonce };
}
