import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The board's signed tokens: the link in a digest card or a 看板 answer (`link`), the session
 * cookie it turns into (`session`), and the `state` of a platform sign-in. Stateless: a token is
 *
 *     base64url(person id) "." expiry (Unix seconds) "." base64url(HMAC-SHA256(secret, purpose "|" both))
 *
 * The purpose is inside the MAC, so a session cookie is no link, a link no session and neither a
 * sign-in state. Comparison is constant-time; an expired, tampered or malformed token is refused
 * with a reason for the log only (the page says the same thing for every reason). HMAC-SHA256 is
 * node's; test/board/token.test.ts checks it against RFC 4231's published vectors.
 */
export type TokenPurpose = 'link' | 'session' | 'state';

export type TokenCheck =
  | { ok: true; subject: string; expiresAt: number }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'too_long_lived' };

/** Links live 24 h (docs/spec/interfaces.md: expiry ≤ 24 h); sessions a working day; a sign-in 10 minutes. */
export const TOKEN_TTL_S: Record<TokenPurpose, number> = {
  link: 24 * 3600,
  session: 12 * 3600,
  state: 10 * 60,
};

const b64url = (b: Buffer) => b.toString('base64url');

export function hmacSha256(key: Buffer | string, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

function mac(secret: Buffer, purpose: TokenPurpose, body: string): Buffer {
  return hmacSha256(secret, `dudao-board|${purpose}|${body}`);
}

/** A token for `subject` (a roster person id, or a sign-in nonce) valid until nowSec + its TTL. */
export function signToken(secret: Buffer, purpose: TokenPurpose, subject: string, nowSec: number): string {
  const body = `${b64url(Buffer.from(subject, 'utf8'))}.${Math.floor(nowSec) + TOKEN_TTL_S[purpose]}`;
  return `${body}.${b64url(mac(secret, purpose, body))}`;
}

const SHAPE = /^([A-Za-z0-9_-]{1,128})\.(\d{9,11})\.([A-Za-z0-9_-]{43})$/;

export function verifyToken(
  secret: Buffer,
  purpose: TokenPurpose,
  token: string | undefined,
  nowSec: number,
): TokenCheck {
  const m = typeof token === 'string' && token.length <= 256 ? SHAPE.exec(token) : null;
  if (!m) return { ok: false, reason: 'malformed' };
  const [, id, exp, sig] = m as unknown as [string, string, string, string];
  // Compare the text, not the decoded bytes: the 43rd character carries two unused bits, so
  // decoding would let four spellings of one signature through (a link changed in its last
  // character must be refused like any other change).
  const expected = Buffer.from(b64url(mac(secret, purpose, `${id}.${exp}`)), 'latin1');
  const given = Buffer.from(sig, 'latin1');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const expiresAt = Number(exp);
  if (expiresAt <= nowSec) return { ok: false, reason: 'expired' };
  // we never sign longer ones; a longer one means a leaked secret was used to forge it
  if (expiresAt - nowSec > TOKEN_TTL_S[purpose] + 60) return { ok: false, reason: 'too_long_lived' };
  const subject = Buffer.from(id, 'base64url').toString('utf8');
  if (!subject) return { ok: false, reason: 'malformed' };
  return { ok: true, subject, expiresAt };
}
