import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { AppError } from '../errors.js';

/**
 * One spelling per path (docs/security.md → "Paths are exact"). Before any router runs, a request
 * whose path is not written the one way our routes write it is refused, so no router, mounted
 * app (bull-board) or middleware ever has to agree with another on what a path means:
 *
 * - `//` anywhere, or a trailing `/` (but `/` itself) → 404;
 * - a dot segment (`/./`, `/../`), a backslash, a percent-escape that is not canonical (an
 *   escaped `/`, `\`, `%`, `.` or any other unreserved character, a control character) or not
 *   an escape at all (`%zz`) → 400;
 * - a segment that is one of the routes' literal words in another letter case (`/API/v1`,
 *   `/api/V1`, `/Admin`, `/SIM`) → 404. The words are read from the routers themselves, so a
 *   router added later is covered without a change here.
 *
 * OPTIONS and TRACE are 405 everywhere: no platform sends them, the service allows no
 * cross-origin use, and a router's automatic OPTIONS answer would only tell a scanner which
 * methods a path has.
 *
 * The path is Koa's `ctx.path`: the request target's path as sent, still percent-encoded, which
 * is also what the routers match.
 */
export type PathVerdict = { ok: true } | { ok: false; status: 400 | 404; why: string };
const OK: PathVerdict = { ok: true };

/** The literal words of the routes' paths (`/api/v1/items/:id` → api, v1, items). */
export function routeWords(routers: Router[]): Set<string> {
  const words = new Set<string>();
  for (const r of routers) {
    for (const layer of r.stack) {
      if (typeof layer.path !== 'string') continue;
      for (const piece of layer.path.split('/')) {
        const word = piece.split(/[:*{}()\\?+|$]/)[0];
        if (word) words.add(word);
      }
    }
  }
  return words;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

function badEscape(path: string): string | undefined {
  for (let i = path.indexOf('%'); i !== -1; i = path.indexOf('%', i + 1)) {
    const hex = path.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return 'a % that is not an escape';
    const code = Number.parseInt(hex, 16);
    const ch = String.fromCharCode(code);
    if (code < 0x20 || code === 0x7f) return 'an escaped control character';
    if (ch === '/' || ch === '\\' || ch === '%') return `an escaped ${ch}`;
    if (UNRESERVED.test(ch)) return `an escaped ${ch} (write it plainly)`;
  }
  return undefined;
}

export function checkPath(path: string, words: Set<string>, lowerWords: Map<string, string>): PathVerdict {
  if (!path.startsWith('/')) return { ok: false, status: 400, why: 'not an absolute path' };
  if (path.includes('//')) return { ok: false, status: 404, why: 'an empty segment (//)' };
  if (path.length > 1 && path.endsWith('/')) return { ok: false, status: 404, why: 'a trailing slash' };
  if (path.includes('\\')) return { ok: false, status: 400, why: 'a backslash' };
  const badEsc = path.includes('%') ? badEscape(path) : undefined;
  if (badEsc) return { ok: false, status: 400, why: badEsc };
  for (const seg of path.split('/')) {
    if (seg === '.' || seg === '..') return { ok: false, status: 400, why: 'a dot segment' };
    if (!words.has(seg) && lowerWords.has(seg.toLowerCase()))
      return { ok: false, status: 404, why: `"${lowerWords.get(seg.toLowerCase())}" in another letter case` };
  }
  return { ok: true };
}

/** The routes' paths without parameters (`/wecom/bot`, `/healthz`): written the one way already. */
export function staticPaths(routers: Router[]): Set<string> {
  const paths = new Set<string>();
  for (const r of routers)
    for (const layer of r.stack)
      if (typeof layer.path === 'string' && !/[:*{}()\\?+|$]/.test(layer.path)) paths.add(layer.path);
  return paths;
}

export function pathGuard(routers: Router[]): Middleware {
  const words = routeWords(routers);
  const lowerWords = new Map([...words].map((w) => [w.toLowerCase(), w]));
  // a route's own path passes every check (test/security/exact-paths.test.ts asserts it): the
  // platforms' callbacks, the hot path, skip the segment walk (bench:ingress's CPU profile)
  const known = staticPaths(routers);
  return async (ctx, next) => {
    if (ctx.method === 'OPTIONS' || ctx.method === 'TRACE')
      throw new AppError('method_not_allowed', 'method not allowed', 405);
    const v = known.has(ctx.path) ? OK : checkPath(ctx.path, words, lowerWords);
    if (!v.ok) {
      throw v.status === 404
        ? new AppError('not_found', 'not found', 404)
        : new AppError('bad_path', 'malformed path', 400);
    }
    await next();
  };
}
