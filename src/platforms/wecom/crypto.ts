// WeCom's WXBizMsgCrypt, as described in 加解密方案说明:
// https://developer.work.weixin.qq.com/document/path/91144 (the same text for self-built apps at
// https://developer.work.weixin.qq.com/document/path/90968). The algorithm itself lives in
// ../biz-msg-crypt.ts because DingTalk's event crypto is the same scheme.
//
// ReceiveId (附注: ReceiveId 含义): the corp id for a self-built app's callback; "" for the smart
// bot — "企业内部智能机器人场景中,ReceiveId为\"\"" (https://developer.work.weixin.qq.com/document/path/101033).

import {
  aesKeyFrom,
  decryptBizMsg,
  encryptBizMsg,
  msgSignature,
  signatureMatches,
  randomNonce,
} from '../biz-msg-crypt.js';

export interface WecomSecrets {
  token: string;
  /** the 32-byte AES key, derived once from the EncodingAESKey */
  aesKey: Buffer;
  /** corp id (self-built app) or "" (smart bot) */
  receiveId: string;
}

export { msgSignature, signatureMatches, randomNonce };

export function wecomSecrets(token: string, encodingAesKey: string, receiveId: string): WecomSecrets {
  return { token, aesKey: aesKeyFrom(encodingAesKey), receiveId };
}

/** Decrypt `Encrypt` / `encrypt` / `echostr`; throws BizCryptError (bad key, padding, receive id). */
export function decrypt(secrets: WecomSecrets, encrypted: string): string {
  return decryptBizMsg(secrets.aesKey, encrypted, secrets.receiveId).message;
}

/** Encrypt a plaintext for a passive reply (and for tests building signed callbacks). */
export function encrypt(secrets: WecomSecrets, plaintext: string, random?: Buffer): string {
  return encryptBizMsg(secrets.aesKey, plaintext, secrets.receiveId, random);
}

/** Encrypt and sign: what WeCom sends us, and what a passive reply carries back. */
export function seal(
  secrets: WecomSecrets,
  plaintext: string,
  timestamp: string,
  nonce: string,
): { encrypt: string; signature: string } {
  const enc = encrypt(secrets, plaintext);
  return { encrypt: enc, signature: msgSignature(secrets.token, timestamp, nonce, enc) };
}
