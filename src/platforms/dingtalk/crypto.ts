// DingTalk's encrypted event subscription (HTTP mode): the WXBizMsgCrypt scheme (../biz-msg-crypt.ts)
// with the receive id = the app key for an enterprise app's event subscription (suiteKey for a
// third-party app) — "企业自建应用-事件订阅, 使用appKey" in the official library
// (open-dingtalk/DingTalk-Callback-Crypto, DingCallbackCrypto3.py; README: 入参是token, aesKey,
// ownerKey).
//
// Request (事件订阅, as quoted in https://support.huaweicloud.com/bestpractice-sparkpack/zh-cn_topic_0000001563858305.html):
//   POST <url>?signature=..&timestamp=..&nonce=..   body {"encrypt": "..."}
// (the official library also accepts `msg_signature` and `timeStamp`). The first POST after
// saving the URL carries {"EventType":"check_url"}. Every event — check_url included — must be
// answered within 1500 ms with the encrypted string "success":
//   {"msg_signature": "..", "timeStamp": "..", "nonce": "..", "encrypt": ".."}
// "时间戳和随机数取从钉钉服务器传递过来的参数,签名取新值" — we echo the request's timestamp and nonce.

import {
  aesKeyFrom,
  decryptBizMsg,
  encryptBizMsg,
  msgSignature,
  randomNonce,
  signatureMatches,
} from '../biz-msg-crypt.js';
import { ONE_HOUR_MS, withinWindow } from '../timestamp-window.js';

export interface EventSecrets {
  token: string;
  aesKey: Buffer;
  /** the app key (DINGTALK_APP_KEY) */
  ownerKey: string;
}

export type EventVerify = { ok: true; timestamp: string; nonce: string } | { ok: false; hint: string };

export function eventSecrets(token: string, encodingAesKey: string, ownerKey: string): EventSecrets {
  return { token, aesKey: aesKeyFrom(encodingAesKey), ownerKey };
}

export const eventSignature = msgSignature;

function one(q: Record<string, string | string[] | undefined>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = q[n];
    if (typeof v === 'string' && v.length > 0 && v.length <= 256) return v;
  }
  return undefined;
}

export function verifyEvent(
  query: Record<string, string | string[] | undefined>,
  encrypted: string,
  token: string,
  now: Date,
  windowMs = ONE_HOUR_MS,
): EventVerify {
  const signature = one(query, 'msg_signature', 'signature');
  const timestamp = one(query, 'timeStamp', 'timestamp');
  const nonce = one(query, 'nonce');
  if (!signature || !timestamp || !nonce)
    return { ok: false, hint: 'missing signature/timestamp/nonce: is this URL called by DingTalk?' };
  if (!withinWindow(timestamp, now, windowMs))
    return { ok: false, hint: 'timestamp outside ±1 h: check the server clock (NTP)' };
  if (!signatureMatches(eventSignature(token, timestamp, nonce, encrypted), signature)) {
    return { ok: false, hint: 'signature mismatch: check DINGTALK_EVENT_TOKEN' };
  }
  return { ok: true, timestamp, nonce };
}

/** Decrypt an event; throws BizCryptError (wrong key, or receive id ≠ DINGTALK_APP_KEY). */
export function decryptEvent(secrets: EventSecrets, encrypted: string): string {
  return decryptBizMsg(secrets.aesKey, encrypted, secrets.ownerKey).message;
}

export function encryptEvent(secrets: EventSecrets, plaintext: string, random?: Buffer): string {
  return encryptBizMsg(secrets.aesKey, plaintext, secrets.ownerKey, random);
}

export interface EventReply {
  msg_signature: string;
  timeStamp: string;
  nonce: string;
  encrypt: string;
}

/** The encrypted "success" every event must be answered with. */
export function successReply(
  secrets: EventSecrets,
  timestamp: string,
  nonce: string = randomNonce(),
): EventReply {
  const encrypt = encryptEvent(secrets, 'success');
  return {
    msg_signature: eventSignature(secrets.token, timestamp, nonce, encrypt),
    timeStamp: timestamp,
    nonce,
    encrypt,
  };
}
