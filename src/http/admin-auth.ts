// `Authorization: Bearer $ADMIN_TOKEN`, or from a browser HTTP Basic with any user name and the
// token as the password (docs/spec/interfaces.md → Operating it). Anything else is 401 with
// `WWW-Authenticate: Basic realm="dudao"` so a browser asks for it. Used by /admin and /api/v1.
//
// Compared in constant time: both sides are hashed first, so neither the length nor a prefix of
// the token leaks through timing.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';

export function tokenFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function tokenMatches(expected: string, given: string | undefined): boolean {
  return given !== undefined && timingSafeEqual(digest(expected), digest(given));
}

export function adminAuth(token: string): Middleware {
  return async (ctx, next) => {
    if (tokenMatches(token, tokenFromAuthorization(ctx.get('authorization') || undefined))) return next();
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Basic realm="dudao"');
    ctx.body = { error: { code: 'unauthorized', message: 'send Authorization: Bearer <ADMIN_TOKEN>' } };
  };
}
