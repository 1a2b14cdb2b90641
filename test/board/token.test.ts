import { describe, expect, it } from 'vitest';
import { hmacSha256, signToken, TOKEN_TTL_S, verifyToken } from '../../src/board/token.js';

/**
 * The board's tokens. HMAC-SHA256 against RFC 4231's published test vectors (cases 1, 2 and 6:
 * https://www.rfc-editor.org/rfc/rfc4231#section-4), then what the tokens promise: a purpose does
 * not stand in for another, a changed character is refused, an expired one too, and a token that
 * claims to live longer than we ever sign (a forged one) as well.
 */
describe('HMAC-SHA256: RFC 4231 known answers', () => {
  it('test case 1: key 0x0b × 20, "Hi There"', () => {
    expect(hmacSha256(Buffer.alloc(20, 0x0b), 'Hi There').toString('hex')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
  });
  it('test case 2: key "Jefe", "what do ya want for nothing?"', () => {
    expect(hmacSha256('Jefe', 'what do ya want for nothing?').toString('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
  it('test case 6: a 131-byte key (longer than the block size)', () => {
    expect(
      hmacSha256(Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First').toString(
        'hex',
      ),
    ).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });
});

describe('board tokens', () => {
  const secret = Buffer.alloc(32, 7);
  const now = 1_700_000_000;

  it('a link names its person and lives 24 hours', () => {
    const t = signToken(secret, 'link', 'lead-liu', now);
    expect(verifyToken(secret, 'link', t, now + 10)).toEqual({
      ok: true,
      subject: 'lead-liu',
      expiresAt: now + TOKEN_TTL_S.link,
    });
    expect(TOKEN_TTL_S.link).toBe(86_400);
    expect(verifyToken(secret, 'link', t, now + TOKEN_TTL_S.link - 1).ok).toBe(true);
    expect(verifyToken(secret, 'link', t, now + TOKEN_TTL_S.link)).toEqual({ ok: false, reason: 'expired' });
  });

  it('person ids of any script round-trip', () => {
    const t = signToken(secret, 'session', '李校长-01', now);
    expect(verifyToken(secret, 'session', t, now)).toMatchObject({ ok: true, subject: '李校长-01' });
  });

  it('a session cookie is no link, a link no session, neither a sign-in state', () => {
    const link = signToken(secret, 'link', 'lead-liu', now);
    const session = signToken(secret, 'session', 'lead-liu', now);
    expect(verifyToken(secret, 'session', link, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken(secret, 'link', session, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken(secret, 'state', link, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('every single changed character is refused, and so is another secret', () => {
    const t = signToken(secret, 'link', 'pri-s01', now);
    // every other base64url character at every position: the last one carries two unused bits,
    // and a decoder that ignores them would take 'A'→'B' there as the same signature
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '.') continue;
      for (const other of alphabet) {
        if (other === t[i]) continue;
        const forged = t.slice(0, i) + other + t.slice(i + 1);
        expect(verifyToken(secret, 'link', forged, now).ok, `position ${i}: ${other}`).toBe(false);
      }
    }
    // the same bytes spelled with the unused bits set: one spelling only
    const last = t.at(-1)!;
    const idx = alphabet.indexOf(last);
    const sameBytes = t.slice(0, -1) + alphabet[(idx & ~3) | ((idx + 1) & 3)];
    expect(Buffer.from(sameBytes.split('.')[2]!, 'base64url')).toEqual(
      Buffer.from(t.split('.')[2]!, 'base64url'),
    );
    expect(verifyToken(secret, 'link', sameBytes, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken(Buffer.alloc(32, 8), 'link', t, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('another person or a later expiry cannot be spliced in', () => {
    const [, exp, sig] = signToken(secret, 'link', 'pri-s01', now).split('.');
    const other = Buffer.from('lead-liu').toString('base64url');
    expect(verifyToken(secret, 'link', `${other}.${exp}.${sig}`, now).ok).toBe(false);
    const [id] = signToken(secret, 'link', 'pri-s01', now).split('.');
    expect(verifyToken(secret, 'link', `${id}.${Number(exp) + 3600}.${sig}`, now).ok).toBe(false);
  });

  it('malformed input is refused without work: empty, huge, wrong shape', () => {
    for (const bad of [
      undefined,
      '',
      'x',
      'a.b.c',
      `${'A'.repeat(300)}.1700000000.${'A'.repeat(43)}`,
      '../etc',
    ]) {
      expect(verifyToken(secret, 'link', bad, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('a token that claims to outlive what we sign is refused (it was forged with the secret)', () => {
    const t = signToken(secret, 'link', 'lead-liu', now + 3 * 86_400);
    expect(verifyToken(secret, 'link', t, now)).toEqual({ ok: false, reason: 'too_long_lived' });
  });
});
