import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Platform } from '../../domain/inbound.js';
import { signToken, TOKEN_TTL_S, verifyToken } from '../../board/token.js';
import { readBody } from '../read-body.js';
import { SESSION_COOKIE, STATE_COOKIE, clearCookie, readCookie, setCookie } from './cookies.js';
import { sessionPerson, type BoardDeps, type WebSignIn } from './deps.js';
import { sendBoardPage, sendRefusal } from './pages.js';

/**
 * Signing in to the board, with no password (docs/spec/interfaces.md → Leaders' board):
 * - `GET /board`: the page for a valid session; without one, inside WeCom or DingTalk's own
 *   browser (its User-Agent says so) and with that platform's sign-in configured, straight to it;
 *   otherwise the 401 page saying how to get a link.
 * - `GET /board/login?t=`: a signed link (24 h, reusable until then) → session cookie → `/board`.
 *   Expired, tampered, for a deactivated person, or opened where another person is signed in → 401.
 * - `POST /board/logout`: drop the session (and, from the 401 page, go on with the link).
 * - `GET /board/auth/wecom`, `GET /board/auth/dingtalk`: the platform's web sign-in; the redirect
 *   back is PUBLIC_BASE_URL + the same path (never built from the Host header), the `state` is a
 *   nonce also kept in a short signed cookie (no login CSRF), and where the browser goes after it is
 *   only ever /board (with a valid date at most): no open redirect.
 */
const SESSION_PATH = '/board';
const STATE_PATH = '/board/auth';

/** Where a sign-in may end: /board, or /board?date=YYYY-MM-DD. Anything else is /board. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/board(\?date=\d{4}-\d{2}-\d{2})?$/.test(next) ? next : '/board';
}

const query = (ctx: Context, name: string) => {
  const v = ctx.query[name];
  return typeof v === 'string' ? v : undefined;
};

async function startSession(ctx: Context, deps: BoardDeps, personId: string, next: string) {
  const token = signToken(await deps.secret.get(), 'session', personId, deps.now().getTime() / 1000);
  setCookie(ctx, SESSION_COOKIE, token, {
    path: SESSION_PATH,
    maxAgeSec: TOKEN_TTL_S.session,
    secure: deps.secureCookies,
  });
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.redirect(next);
}

const refusalOptions = (deps: BoardDeps) => ({
  wecom: !!deps.wecom && !!deps.publicBaseUrl,
  dingtalk: !!deps.dingtalk && !!deps.publicBaseUrl,
});

export function signInRoutes(router: Router, deps: BoardDeps): void {
  router.get('/board', async (ctx) => {
    const s = await sessionPerson(ctx, deps);
    if (s.ok) return sendBoardPage(ctx);
    const ua = ctx.get('user-agent');
    const o = refusalOptions(deps);
    if (o.wecom && /wxwork/i.test(ua)) return ctx.redirect('/board/auth/wecom');
    if (o.dingtalk && /DingTalk/i.test(ua)) return ctx.redirect('/board/auth/dingtalk');
    sendRefusal(ctx, s.reason === 'inactive' ? 'inactive' : 'no_session', o);
  });

  router.get('/board/login', async (ctx) => {
    const t = query(ctx, 't');
    const check = verifyToken(await deps.secret.get(), 'link', t, deps.now().getTime() / 1000);
    const o = refusalOptions(deps);
    if (!check.ok) {
      deps.log.info({ outcome: check.reason }, 'board link refused');
      return sendRefusal(ctx, check.reason === 'expired' ? 'expired' : 'invalid', o);
    }
    const person = await deps.store.getPerson(check.subject);
    if (!person?.active) {
      deps.log.info({ outcome: 'inactive' }, 'board link refused');
      return sendRefusal(ctx, 'inactive', o);
    }
    // a link opened where someone else is signed in: not silently switched (a forwarded link)
    const current = await sessionPerson(ctx, deps);
    if (current.ok && current.person.id !== person.id) {
      deps.log.info({ outcome: 'other_person' }, 'board link refused');
      return sendRefusal(ctx, 'other_person', { ...o, relink: t });
    }
    await startSession(ctx, deps, person.id, '/board');
  });

  router.post('/board/logout', async (ctx) => {
    const body = new URLSearchParams((await readBody(ctx, 4096)).toString('utf8'));
    clearCookie(ctx, SESSION_COOKIE, { path: SESSION_PATH, secure: deps.secureCookies });
    const t = body.get('t');
    // only our own token shape goes back into a URL
    const back = t && /^[A-Za-z0-9_.-]{1,256}$/.test(t) ? `/board/login?t=${t}` : '/board';
    ctx.status = 303;
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(back);
  });

  platformRoute(router, deps, 'wecom', deps.wecom, ['code']);
  platformRoute(router, deps, 'dingtalk', deps.dingtalk, ['authCode', 'code']);
}

function platformRoute(
  router: Router,
  deps: BoardDeps,
  platform: Exclude<Platform, 'sim'>,
  signIn: WebSignIn | undefined,
  codeParams: string[],
): void {
  const path = `/board/auth/${platform}`;
  router.get(path, async (ctx) => {
    if (!signIn || !deps.publicBaseUrl) return sendRefusal(ctx, 'not_configured', { status: 404 });
    const secret = await deps.secret.get();
    const nowSec = deps.now().getTime() / 1000;
    const redirectUri = `${deps.publicBaseUrl}${path}`;
    const code = codeParams.map((p) => query(ctx, p)).find((v) => v);
    if (!code) {
      // step 1: off to the platform, with a nonce it hands back and a cookie that remembers it
      const nonce = randomBytes(16).toString('hex');
      const next = safeNext(query(ctx, 'next'));
      setCookie(ctx, STATE_COOKIE, signToken(secret, 'state', `${nonce}|${next}`, nowSec), {
        path: STATE_PATH,
        maxAgeSec: TOKEN_TTL_S.state,
        secure: deps.secureCookies,
      });
      ctx.set('Cache-Control', 'no-store');
      return ctx.redirect(signIn.authorizeUrl(nonce, redirectUri));
    }
    // step 2: back from the platform
    clearCookie(ctx, STATE_COOKIE, { path: STATE_PATH, secure: deps.secureCookies });
    const state = verifyToken(secret, 'state', readCookie(ctx, STATE_COOKIE), nowSec);
    const [nonce, next] = state.ok ? state.subject.split('|') : [];
    if (!state.ok || !nonce || nonce !== query(ctx, 'state')) {
      deps.log.warn({ platform, outcome: 'bad_state' }, 'board sign-in refused: state does not match');
      return sendRefusal(ctx, 'platform_failed', refusalOptions(deps));
    }
    let user: Awaited<ReturnType<WebSignIn['userFromCode']>>;
    try {
      user = await signIn.userFromCode(code);
    } catch (e) {
      deps.log.warn({ platform, err: (e as Error).name }, 'board sign-in: the platform API did not answer');
      return sendRefusal(ctx, 'platform_failed', refusalOptions(deps));
    }
    const person = user.ok ? await deps.store.findPerson(platform, user.userId) : undefined;
    if (!person?.active) {
      deps.log.info(
        { platform, outcome: user.ok ? 'not_on_roster' : user.reason },
        'board sign-in refused: check the roster id and the app’s 可信域名 / 重定向 URL',
      );
      return sendRefusal(ctx, 'platform_failed', refusalOptions(deps));
    }
    await startSession(ctx, deps, person.id, safeNext(next));
  });
}
