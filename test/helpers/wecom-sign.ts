// Build signed, encrypted WeCom callbacks like WeCom sends them, to drive the real app over HTTP.
//
//   const res = await wecomAppRequest(svc.url, WECOM_TEST, fixture('wecom/app-text.xml'));
//   const res = await wecomBotRequest(svc.url, WECOM_TEST, JSON.stringify({...}));
//
// Secrets are the *environment* values (EncodingAESKey, not the derived key), so the same object
// configures the service (`wecomEnv(WECOM_TEST)`) and signs the requests.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { msgSignature, randomNonce, encrypt, wecomSecrets } from '../../src/platforms/wecom/crypto.js';

export interface WecomTestSecrets {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  aesKey: string;
  botToken: string;
  botAesKey: string;
}

/** The official example's values (加解密方案说明, https://developer.work.weixin.qq.com/document/path/91144). */
export const WECOM_DOC_EXAMPLE = {
  token: 'QDG6eK',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
} as const;

export const WECOM_TEST: WecomTestSecrets = {
  corpId: 'ww-test-corp',
  agentId: '1000002',
  secret: 'test-app-secret',
  token: 'apptoken123',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  botToken: 'bottoken456',
  botAesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut',
};

/** Environment for startTestService({ env }) that enables both the app and the bot. */
export function wecomEnv(s: WecomTestSecrets = WECOM_TEST): Record<string, string> {
  return {
    WECOM_CORP_ID: s.corpId,
    WECOM_AGENT_ID: s.agentId,
    WECOM_SECRET: s.secret,
    WECOM_TOKEN: s.token,
    WECOM_AES_KEY: s.aesKey,
    WECOM_BOT_TOKEN: s.botToken,
    WECOM_BOT_AES_KEY: s.botAesKey,
  };
}

export function fixture(path: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', path), 'utf8');
}

export interface SignOptions {
  /** seconds since epoch as a string; default: now */
  timestamp?: string;
  nonce?: string;
  /** replace the computed signature (to test rejections) */
  signature?: string;
}

export interface BuiltCallback {
  path: string;
  /** path + query, ready for fetch(base + url) */
  url: string;
  body: string;
  encrypted: string;
  query: { msg_signature: string; timestamp: string; nonce: string };
}

function sign(token: string, encrypted: string, o: SignOptions) {
  const timestamp = o.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = o.nonce ?? randomNonce();
  return { msg_signature: o.signature ?? msgSignature(token, timestamp, nonce, encrypted), timestamp, nonce };
}

const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

/** The self-built app's POST: <xml> envelope with <Encrypt>, receive id = corp id. */
export function buildWecomAppCallback(
  s: WecomTestSecrets,
  plaintextXml: string,
  o: SignOptions = {},
): BuiltCallback {
  const encrypted = encrypt(wecomSecrets(s.token, s.aesKey, s.corpId), plaintextXml);
  const query = sign(s.token, encrypted, o);
  const body = `<xml><ToUserName><![CDATA[${s.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${s.agentId}]]></AgentID></xml>`;
  return { path: '/wecom/app', url: `/wecom/app?${qs(query)}`, body, encrypted, query };
}

/** The smart bot's POST: {"encrypt": ...}, receive id "". */
export function buildWecomBotCallback(
  s: WecomTestSecrets,
  plaintextJson: string,
  o: SignOptions = {},
): BuiltCallback {
  const encrypted = encrypt(wecomSecrets(s.botToken, s.botAesKey, ''), plaintextJson);
  const query = sign(s.botToken, encrypted, o);
  return {
    path: '/wecom/bot',
    url: `/wecom/bot?${qs(query)}`,
    body: JSON.stringify({ encrypt: encrypted }),
    encrypted,
    query,
  };
}

export function post(baseUrl: string, c: BuiltCallback, contentType = 'text/xml'): Promise<Response> {
  return fetch(baseUrl + c.url, { method: 'POST', headers: { 'content-type': contentType }, body: c.body });
}

export function wecomAppRequest(
  baseUrl: string,
  s: WecomTestSecrets,
  plaintextXml: string,
  o: SignOptions = {},
): Promise<Response> {
  return post(baseUrl, buildWecomAppCallback(s, plaintextXml, o), 'text/xml');
}

export function wecomBotRequest(
  baseUrl: string,
  s: WecomTestSecrets,
  plaintextJson: string,
  o: SignOptions = {},
): Promise<Response> {
  return post(baseUrl, buildWecomBotCallback(s, plaintextJson, o), 'application/json');
}

/** The URL check (GET ?msg_signature&timestamp&nonce&echostr) for the app or the bot. */
export function wecomUrlCheck(
  baseUrl: string,
  which: 'app' | 'bot',
  s: WecomTestSecrets,
  echoPlain: string,
  o: SignOptions = {},
): Promise<Response> {
  const [token, key, receiveId] =
    which === 'app' ? [s.token, s.aesKey, s.corpId] : [s.botToken, s.botAesKey, ''];
  const echostr = encrypt(wecomSecrets(token, key, receiveId), echoPlain);
  return fetch(`${baseUrl}/wecom/${which}?${qs({ ...sign(token, echostr, o), echostr })}`);
}

/** A text message from `from`, ready to encrypt; `msgId` must be unique per message. */
export function appTextXml(
  msgId: string,
  content: string,
  from = 'zhangsan',
  createTime = Math.floor(Date.now() / 1000),
): string {
  return (
    `<xml><ToUserName><![CDATA[${WECOM_TEST.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content>` +
    `<MsgId>${msgId}</MsgId><AgentID>${WECOM_TEST.agentId}</AgentID></xml>`
  );
}

export function botTextJson(
  msgid: string,
  content: string,
  o: { chattype?: 'single' | 'group'; from?: string } = {},
): string {
  return JSON.stringify({
    msgid,
    aibotid: 'AIBOTID',
    chatid: o.chattype === 'single' ? undefined : 'CHATID',
    chattype: o.chattype ?? 'group',
    from: { userid: o.from ?? 'zhangsan' },
    response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC',
    msgtype: 'text',
    text: { content },
  });
}
