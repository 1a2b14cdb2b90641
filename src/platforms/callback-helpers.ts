// Steps every platform callback route shares, so refusals are counted and logged the same way
// (one warn line with a hint, never the body) and nothing is acknowledged before it is stored.

import type { Context } from 'koa';
import type { Platform } from '../domain/inbound.js';
import { AppError } from '../errors.js';
import { readBody } from '../http/read-body.js';
import { acceptOrUnavailable, rejectCallback, type IngressDeps } from './ingress.js';
import type { Decoded } from './decoded.js';
import type { SignaturePair } from '../queue/signature-claim.js';

/** The raw body as text; over 64 KiB → 413 `too_large`, a broken stream → 400 `malformed`. */
export async function readBodyOrRefuse(deps: IngressDeps, ctx: Context, platform: Platform): Promise<string> {
  try {
    return (await readBody(ctx)).toString('utf8');
  } catch (e) {
    if (e instanceof AppError && e.code === 'too_large')
      rejectCallback(deps, ctx, platform, 'too_large', 'body over 64 KiB: not a platform callback?');
    rejectCallback(deps, ctx, platform, 'malformed', 'cannot read the request body');
  }
}

/**
 * A signature that covers no body (DingTalk's robot and card callbacks) is good for one message:
 * bind the pair to `messageId` for `ttlSec` (as long as it can pass the timestamp window). The
 * same pair with another message → 401 `bad_signature`, nothing done; with the same message it
 * is a platform retry and goes on to the accept step (a duplicate there). Redis down → 503.
 */
export async function claimSignatureOrRefuse(
  deps: IngressDeps,
  ctx: Context,
  platform: Platform,
  pair: SignaturePair,
  messageId: string,
  ttlSec: number,
): Promise<void> {
  let outcome: Awaited<ReturnType<IngressDeps['claimSignature']>>;
  try {
    outcome = await deps.claimSignature(pair, messageId, ttlSec);
  } catch (e) {
    deps.metrics.callbacks.inc({ platform, outcome: 'unavailable' });
    deps.log.warn(
      { platform, path: ctx.path, err: (e as Error).name },
      'cannot check the signature against its first message: is Redis up? answered 503 so the platform retries',
    );
    throw new AppError('unavailable', 'temporarily unavailable', 503);
  }
  if (outcome === 'other')
    rejectCallback(
      deps,
      ctx,
      platform,
      'bad_signature',
      'timestamp and sign already came with another message: a replay with a new body',
    );
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
    if (deps.log.isLevelEnabled('debug'))
      deps.log.debug({ platform, channel: decoded.inbound.channel, outcome }, 'callback stored');
  } else {
    deps.log.debug(
      { platform, path: ctx.path, reason: decoded.reason },
      'callback needs no work; acknowledged',
    );
  }
  ctx.status = 200;
  ctx.set('Content-Type', ok.type); // the full value: no MIME lookup on the hot path
  ctx.body = ok.body;
}

/**
 * The callback's query string as a plain object, parsed once without Koa's URLSearchParams round
 * trip (visible in a CPU profile of bench/ingress.ts, BENCH_PROFILE). Form decoding
 * like URLSearchParams ('+' is a space); a repeated key becomes an array, which the verifiers
 * reject; an undecodable value is dropped.
 */
export function parseQuery(qs: string): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (!qs) return out;
  for (const part of qs.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawVal = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let val: string;
    try {
      key =
        rawKey.includes('%') || rawKey.includes('+')
          ? decodeURIComponent(rawKey.replace(/\+/g, ' '))
          : rawKey;
      val =
        rawVal.includes('%') || rawVal.includes('+')
          ? decodeURIComponent(rawVal.replace(/\+/g, ' '))
          : rawVal;
    } catch {
      continue;
    }
    const prev = out[key];
    out[key] = prev === undefined ? val : Array.isArray(prev) ? [...prev, val] : [prev, val];
  }
  return out;
}
