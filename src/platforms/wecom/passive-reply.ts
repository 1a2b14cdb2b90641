// Passive replies: the answer carried in the HTTP response to a callback. dudao answers through
// the queue (response_url / message/send) and acknowledges callbacks with an empty body, so these
// are for later use (a welcome text on enter_chat, a card update on a click).
//
// Smart bot (回调和回复的加解密方案 → 加密与被动回复, https://developer.work.weixin.qq.com/document/path/101033):
// the plaintext JSON (e.g. {"msgtype":"text","text":{"content":"..."}}, 被动回复消息,
// https://developer.work.weixin.qq.com/document/path/101031) is encrypted with receive id "" and sent as
//   {"encrypt": "...", "msgsignature": "...", "timestamp": 1409659813, "nonce": "..."}
// where msgsignature = sha1(sort(token, timestamp, nonce, encrypt)).
//
// Self-built app (加解密方案说明 → 加密函数, https://developer.work.weixin.qq.com/document/path/91144):
//   <xml><Encrypt><![CDATA[..]]></Encrypt><MsgSignature><![CDATA[..]]></MsgSignature>
//   <TimeStamp>..</TimeStamp><Nonce><![CDATA[..]]></Nonce></xml>

import { randomNonce, seal, type WecomSecrets } from './crypto.js';

export interface BotPassiveReply {
  encrypt: string;
  msgsignature: string;
  timestamp: number;
  nonce: string;
}

export function botPassiveReply(
  secrets: WecomSecrets,
  plaintextJson: string,
  now: Date,
  nonce = randomNonce(),
): BotPassiveReply {
  const timestamp = Math.floor(now.getTime() / 1000);
  const { encrypt, signature } = seal(secrets, plaintextJson, String(timestamp), nonce);
  return { encrypt, msgsignature: signature, timestamp, nonce };
}

export function appPassiveReplyXml(
  secrets: WecomSecrets,
  plaintextXml: string,
  now: Date,
  nonce = randomNonce(),
): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const { encrypt, signature } = seal(secrets, plaintextXml, timestamp, nonce);
  return (
    `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`
  );
}
