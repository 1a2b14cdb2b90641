import type { Context } from 'koa';
import type { Platform } from '../domain/inbound.js';
import { AppError } from '../errors.js';
import { readBody } from '../http/read-body.js';
import { acceptOrUnavailable, refuse, type IngressDeps } from './ingress.js';
import type { Decoded } from './decoded.js';

/**
 * Steps every platform callback route shares, so refusals are counted and logged the same way
 * (one warn line with a hint, never the body) and nothing is acknowledged before it is stored.
 */

/** The raw body as text; over 64 KiB → 413 `too_large`, a broken stream → 400 `malformed`. */
export async function readBodyOrRefuse(deps: IngressDeps, ctx: Context, platform: Platform): Promise<string> {
  try {
    return (await readBody(ctx)).toString('utf8');
  } catch (e) {
    if (e instanceof AppError && e.code === 'too_large') refuse(deps, ctx, platform, 'too_large', 'body over 64 KiB: not a platform callback?');
    refuse(deps, ctx, platform, 'malformed', 'cannot read the request body');
  }
}

/**
 * Store a decoded callback (or note that it needs no work) and answer 200 with `ok`. Redis down
 * → 503 from acceptOrUnavailable, so the platform retries; nothing is answered 2xx unstored.
 */
export async function acceptDecoded(
  deps: IngressDeps,
  ctx: Context,
  platform: Platform,
  decoded: Decoded,
  ok: { type: string; body: string },
): Promise<void> {
  if (decoded.kind === 'inbound') {
    const outcome = await acceptOrUnavailable(deps, platform, decoded.inbound);
    if (deps.log.isLevelEnabled('debug')) deps.log.debug({ platform, channel: decoded.inbound.channel, outcome }, 'callback stored');
  } else {
    deps.log.debug({ platform, path: ctx.path, reason: decoded.reason }, 'callback needs no work; acknowledged');
  }
  ctx.status = 200;
  ctx.type = ok.type;
  ctx.body = ok.body;
}
