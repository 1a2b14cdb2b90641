import type { Runtime } from '../../src/runtime.js';
import { boardLinks } from '../../jobs/board-link.js';

/** A person's signed link, as the digest card and 看板 carry it (path and query only). */
export async function linkFor(rt: Runtime, personId: string): Promise<string> {
  const url = await boardLinks(rt)(personId);
  if (!url) throw new Error('no board link (PUBLIC_BASE_URL unset outside the simulator?)');
  return url.replace(/^https?:\/\/[^/]+/, '');
}

/** GET without following redirects. */
export const getRaw = (base: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { redirect: 'manual', headers });

/** The `name=value` of the session cookie a response sets, and its attributes. */
export function sessionCookieOf(res: Response): { pair: string; header: string } | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('dudao_board='));
  if (!header) return undefined;
  return { pair: header.split(';')[0]!, header };
}

/** Sign in through a person's link; the cookie header to send afterwards. */
export async function signIn(rt: Runtime, base: string, personId: string): Promise<string> {
  const res = await getRaw(base, await linkFor(rt, personId));
  const c = sessionCookieOf(res);
  if (res.status !== 302 || !c) throw new Error(`sign-in of ${personId} failed: ${res.status}`);
  return c.pair;
}

export async function apiAs(
  base: string,
  cookie: string,
  path: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body };
}
