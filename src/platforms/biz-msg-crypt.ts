// The "WXBizMsgCrypt" callback scheme, shared by WeCom (self-built app and smart bot) and by
// DingTalk's encrypted event subscription, which copied it (same key derivation, padding and
// plaintext layout; only the receive id differs).
//
// - WeCom, 加解密方案说明 — https://developer.work.weixin.qq.com/document/path/91144
//   (self-built apps: https://developer.work.weixin.qq.com/document/path/90968):
//   AESKey = Base64_Decode(EncodingAESKey + "="), 32 bytes; AES-256-CBC, IV = AESKey[0..16);
//   PKCS#7 padding to a multiple of 32 bytes;
//   plaintext = random(16 B) + msg_len(4 B, network order) + msg + receiveid;
//   msg_signature = sha1(sort([token, timestamp, nonce, msg_encrypt]).join("")).
// - DingTalk, the official DingTalk-Callback-Crypto library (open-dingtalk/DingTalk-Callback-Crypto,
//   DingCallbackCrypto3.py): the same steps, receive id = the app key / suiteKey.
//
// Pure functions over Buffers; the caller derives the key once (aesKeyFrom) and keeps it.

import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const BLOCK = 32; // PKCS#7 pads to 32-byte blocks, not AES's 16 (91144, 原理详解)

export class BizCryptError extends Error {
  constructor(
    /** what went wrong, for the log hint; never includes key or plaintext */
    public readonly reason:
      | 'bad_key'
      | 'bad_base64'
      | 'bad_length'
      | 'bad_padding'
      | 'bad_msg_len'
      | 'receive_id_mismatch',
  ) {
    super(`cannot decrypt callback: ${reason}`);
    this.name = 'BizCryptError';
  }
}

/** EncodingAESKey (43 characters from the console) → the 32-byte AES key. */
export function aesKeyFrom(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new BizCryptError('bad_key');
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  if (key.length !== 32) throw new BizCryptError('bad_key');
  return key;
}

/** msg_signature: sha1 of the four strings sorted (by code unit, like the official libraries) and joined. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const parts = [token, timestamp, nonce, encrypt].sort();
  return createHash('sha1')
    .update(parts[0]! + parts[1]! + parts[2]! + parts[3]!)
    .digest('hex');
}

/**
 * Constant-time comparison of a computed hex signature with the one the caller sent. Hex is
 * compared case-insensitively (some senders upper-case it); different lengths are a mismatch.
 */
export function signatureMatches(expectedHex: string, given: string): boolean {
  if (given.length !== expectedHex.length) return false;
  const a = Buffer.from(expectedHex, 'latin1');
  const b = Buffer.from(given.toLowerCase(), 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decrypt `msg_encrypt` and split the plaintext. Checks the padding, the length field and, when
 * `expectReceiveId` is given, the receive id (corp id, "" for the smart bot, app key for DingTalk).
 */
export function decryptBizMsg(
  key: Buffer,
  encrypt: string,
  expectReceiveId?: string,
): { message: string; receiveId: string } {
  // DingTalk's Python library uses base64.encodebytes, which wraps lines: drop whitespace first.
  const b64 = /\s/.test(encrypt) ? encrypt.replace(/\s+/g, '') : encrypt;
  if (!BASE64.test(b64)) throw new BizCryptError('bad_base64');
  const raw = Buffer.from(b64, 'base64');
  if (raw.length < BLOCK || raw.length % 16 !== 0) throw new BizCryptError('bad_length');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(raw), decipher.final()]);
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > BLOCK || pad > plain.length) throw new BizCryptError('bad_padding');
  for (let i = plain.length - pad; i < plain.length; i++)
    if (plain[i] !== pad) throw new BizCryptError('bad_padding');
  const end = plain.length - pad;
  if (end < 20) throw new BizCryptError('bad_msg_len');
  const len = plain.readUInt32BE(16);
  if (20 + len > end) throw new BizCryptError('bad_msg_len');
  const message = plain.toString('utf8', 20, 20 + len);
  const receiveId = plain.toString('utf8', 20 + len, end);
  if (expectReceiveId !== undefined && receiveId !== expectReceiveId)
    throw new BizCryptError('receive_id_mismatch');
  return { message, receiveId };
}

/** Encrypt for a passive reply (and for tests): Base64(AES(random16 + len + msg + receiveId + pad)). */
export function encryptBizMsg(
  key: Buffer,
  message: string,
  receiveId: string,
  random: Buffer = randomBytes(16),
): string {
  if (random.length !== 16) throw new Error('random prefix must be 16 bytes');
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const body = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = BLOCK - (body.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

/** A nonce for replies: 16 alphanumerics, like the official libraries. */
export function randomNonce(): string {
  return randomBytes(12).toString('base64').replace(/[+/]/g, 'x').slice(0, 16);
}
