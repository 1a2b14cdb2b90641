// Build signed DingTalk callbacks like DingTalk sends them, to drive the real app over HTTP:
//
//   await dingtalkRobotRequest(svc.url, DINGTALK_TEST, fixture('dingtalk/robot-text.json'));
//   await dingtalkCardRequest(svc.url, DINGTALK_TEST, payload);
//   await dingtalkEventRequest(svc.url, DINGTALK_TEST, '{"EventType":"check_url"}');

import { cardCallbackSecret, cardSign, robotSign } from '../../src/platforms/dingtalk/sign.js';
import { encryptEvent, eventSecrets, eventSignature } from '../../src/platforms/dingtalk/crypto.js';
import { randomNonce } from '../../src/platforms/biz-msg-crypt.js';

export interface DingtalkTestSecrets {
  appKey: string;
  appSecret: string;
  robotCode: string;
  eventToken: string;
  eventAesKey: string;
}

/** The robot-sign example inputs of 接收消息的消息协议 (https://open.dingtalk.com/document/orgapp/receive-message). */
export const DINGTALK_SIGN_DOC_EXAMPLE = {
  timestamp: '1577262236757',
  appSecret: 'this is a secret',
} as const;

/** DingCallbackCrypto3.py's event-crypto example (open-dingtalk/DingTalk-Callback-Crypto). */
export const DINGTALK_EVENT_DOC_EXAMPLE = {
  token: 'mryue',
  aesKey: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
  appKey: 'ding6ccabc44d2c8d38b',
  timestamp: '1608001896814',
  nonce: 'WL4PK6yA',
  signature: '03044561471240d4a14bb09372dfcfd4fd0e40cb',
  encrypt:
    '0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3',
} as const;

export const DINGTALK_TEST: DingtalkTestSecrets = {
  appKey: 'dingtestappkey0001',
  appSecret: 'test-app-secret-0123456789',
  robotCode: 'dingtestrobot0001',
  eventToken: 'eventtoken789',
  eventAesKey: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
};

/** Environment for startTestService({ env }): HTTP mode with event subscription. */
export function dingtalkEnv(
  s: DingtalkTestSecrets = DINGTALK_TEST,
  mode: 'http' | 'stream' = 'http',
): Record<string, string> {
  return {
    DINGTALK_APP_KEY: s.appKey,
    DINGTALK_APP_SECRET: s.appSecret,
    DINGTALK_ROBOT_CODE: s.robotCode,
    DINGTALK_MODE: mode,
    ...(mode === 'http' ? { DINGTALK_EVENT_TOKEN: s.eventToken, DINGTALK_EVENT_AES_KEY: s.eventAesKey } : {}),
  };
}

export interface HeaderOptions {
  /** ms since epoch as a string; default now */
  timestamp?: string;
  /** replace the computed sign */
  sign?: string;
}

const bodyOf = (payload: string | object) =>
  typeof payload === 'string' ? payload : JSON.stringify(payload);

/**
 * Now in ms, but never the same value twice in this process: a DingTalk (timestamp, sign) pair is
 * good for one message (docs/security.md), so two test messages signed in one millisecond would
 * be refused as DingTalk's would be.
 */
let lastMs = 0;
export function uniqueNowMs(): number {
  lastMs = Math.max(Date.now(), lastMs + 1);
  return lastMs;
}

export function robotHeaders(appSecret: string, o: HeaderOptions = {}): Record<string, string> {
  const timestamp = o.timestamp ?? String(uniqueNowMs());
  return {
    'content-type': 'application/json; charset=utf-8',
    timestamp,
    sign: o.sign ?? robotSign(appSecret, timestamp),
  };
}

export function cardHeaders(appSecret: string, o: HeaderOptions = {}): Record<string, string> {
  const timestamp = o.timestamp ?? String(uniqueNowMs());
  const secret = cardCallbackSecret(appSecret);
  return {
    'content-type': 'application/json',
    'x-ddpaas-signature-timestamp': timestamp,
    'x-ddpaas-signature': o.sign ?? cardSign(secret, timestamp),
  };
}

export function dingtalkRobotRequest(
  baseUrl: string,
  s: DingtalkTestSecrets,
  payload: string | object,
  o: HeaderOptions = {},
): Promise<Response> {
  return fetch(`${baseUrl}/dingtalk/robot`, {
    method: 'POST',
    headers: robotHeaders(s.appSecret, o),
    body: bodyOf(payload),
  });
}

export function dingtalkCardRequest(
  baseUrl: string,
  s: DingtalkTestSecrets,
  payload: string | object,
  o: HeaderOptions = {},
): Promise<Response> {
  return fetch(`${baseUrl}/dingtalk/card`, {
    method: 'POST',
    headers: cardHeaders(s.appSecret, o),
    body: bodyOf(payload),
  });
}

/** The encrypted event subscription POST: ?signature&timestamp&nonce, body {"encrypt"}. */
export function buildDingtalkEvent(
  s: DingtalkTestSecrets,
  plaintextJson: string,
  o: { timestamp?: string; nonce?: string; signature?: string } = {},
) {
  const secrets = eventSecrets(s.eventToken, s.eventAesKey, s.appKey);
  const encrypt = encryptEvent(secrets, plaintextJson);
  const timestamp = o.timestamp ?? String(Date.now());
  const nonce = o.nonce ?? randomNonce();
  const signature = o.signature ?? eventSignature(s.eventToken, timestamp, nonce, encrypt);
  return {
    url: `/dingtalk/events?${new URLSearchParams({ signature, timestamp, nonce })}`,
    body: JSON.stringify({ encrypt }),
    encrypt,
  };
}

export function dingtalkEventRequest(
  baseUrl: string,
  s: DingtalkTestSecrets,
  plaintextJson: string,
  o: { timestamp?: string; nonce?: string; signature?: string } = {},
): Promise<Response> {
  const e = buildDingtalkEvent(s, plaintextJson, o);
  return fetch(baseUrl + e.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: e.body,
  });
}

/** A text message as the robot callback / Stream data carries it. */
export function robotTextMessage(
  msgId: string,
  content: string,
  o: { group?: boolean; staffId?: string } = {},
): Record<string, unknown> {
  const now = Date.now();
  return {
    conversationId: o.group === false ? 'cidSINGLE' : 'cidGROUP==',
    chatbotCorpId: 'dingcorp',
    msgId,
    senderNick: '张三',
    senderStaffId: o.staffId ?? 'staff001',
    senderId: '$:LWCP_v1:$abc',
    sessionWebhookExpiredTime: now + 90 * 60_000,
    createAt: now,
    conversationType: o.group === false ? '1' : '2',
    conversationTitle: o.group === false ? undefined : '督导群',
    isInAtList: true,
    sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=xyz',
    robotCode: DINGTALK_TEST.robotCode,
    text: { content: ` ${content}` },
    msgtype: 'text',
  };
}
