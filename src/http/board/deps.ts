import type { Context } from 'koa';
import type { Logger } from '../../log.js';
import type { Person } from '../../domain/roster.js';
import type { FullStore } from '../../store/store.js';
import type { BoardSecretSource } from '../../store/board-secret.js';
import type { OverviewRules } from '../../reports/board-overview.js';
import type { WebUser } from '../../platforms/wecom/web-auth.js';
import { verifyToken } from '../../board/token.js';
import { SESSION_COOKIE, readCookie } from './cookies.js';

/** A platform's web sign-in, as the board's routes use it (built in src/http/board-mount.ts). */
export interface WebSignIn {
  authorizeUrl(state: string, redirectUri: string): string;
  userFromCode(code: string): Promise<WebUser>;
}

/** What the board's routes need; composed from the runtime in src/http/board-mount.ts. */
export interface BoardDeps {
  store: FullStore;
  log: Logger;
  secret: BoardSecretSource;
  now: () => Date;
  rules: OverviewRules;
  /** PUBLIC_BASE_URL without its trailing slash: the platforms' redirect_uri is built from it only */
  publicBaseUrl?: string;
  /** cookies get `Secure` when PUBLIC_BASE_URL is https */
  secureCookies: boolean;
  wecom?: WebSignIn;
  dingtalk?: WebSignIn;
}

export type SessionCheck = { ok: true; person: Person } | { ok: false; reason: string };

/**
 * The person behind the request's session cookie, checked against the roster every time: a
 * deactivated (or removed) person is refused at their next request, whatever their cookie says.
 */
export async function sessionPerson(ctx: Context, deps: BoardDeps): Promise<SessionCheck> {
  const raw = readCookie(ctx, SESSION_COOKIE);
  if (!raw) return { ok: false, reason: 'no_cookie' };
  const t = verifyToken(await deps.secret.get(), 'session', raw, deps.now().getTime() / 1000);
  if (!t.ok) return { ok: false, reason: t.reason };
  const person = await deps.store.getPerson(t.subject);
  if (!person?.active) return { ok: false, reason: 'inactive' };
  return { ok: true, person };
}
