import type { Context } from 'koa';

/**
 * The board's two cookies, written by hand so their attributes are exactly what docs/spec/interfaces.md
 * asks (Koa's `secure` option throws when TLS ends at a proxy that sends no X-Forwarded-Proto):
 * - `dudao_board`: the session (src/board/token.ts, purpose `session`); Path=/board, HttpOnly,
 *   SameSite=Lax, Secure when PUBLIC_BASE_URL is https;
 * - `dudao_board_state`: a platform sign-in in progress (purpose `state`), Path=/board/auth,
 *   10 minutes. SameSite=Lax still sends it on the platform's top-level redirect back to us.
 */
export const SESSION_COOKIE = 'dudao_board';
export const STATE_COOKIE = 'dudao_board_state';

export function setCookie(
  ctx: Context,
  name: string,
  value: string,
  o: { path: string; maxAgeSec: number; secure: boolean },
): void {
  const parts = [`${name}=${value}`, `Path=${o.path}`, `Max-Age=${Math.max(0, Math.floor(o.maxAgeSec))}`];
  parts.push('HttpOnly', 'SameSite=Lax');
  if (o.secure) parts.push('Secure');
  ctx.append('Set-Cookie', parts.join('; '));
}

export function clearCookie(ctx: Context, name: string, o: { path: string; secure: boolean }): void {
  setCookie(ctx, name, '', { ...o, maxAgeSec: 0 });
}

/** The first value of a cookie; undefined when absent. Values are our tokens: no decoding needed. */
export function readCookie(ctx: Context, name: string): string | undefined {
  const header = ctx.get('cookie');
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
