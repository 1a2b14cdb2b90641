import type { Context } from 'koa';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Metrics, CallbackOutcome } from '../metrics.js';
import type { Inbound, Platform } from '../domain/inbound.js';
import { AppError } from '../errors.js';
import type { SignatureClaim } from '../queue/signature-claim.js';

/** What a platform's callback routes need: nothing else (no store, no handlers). */
export interface IngressDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  /** store durably + deduplicate; throws when Redis is unavailable */
  accept: (inbound: Inbound) => Promise<'accepted' | 'duplicate'>;
  /** bind a signature that covers no body to the first message it came with (queue/signature-claim.ts) */
  claimSignature: SignatureClaim;
  now: () => Date;
}

/**
 * Accept one decoded message and count the outcome. Redis down → 503 so the platform retries;
 * never a 2xx for a message that was not stored.
 */
export async function acceptOrUnavailable(
  deps: IngressDeps,
  platform: Platform,
  inbound: Inbound,
): Promise<'accepted' | 'duplicate'> {
  try {
    const outcome = await deps.accept(inbound);
    deps.metrics.callbacks.inc({ platform, outcome });
    return outcome;
  } catch (e) {
    deps.metrics.callbacks.inc({ platform, outcome: 'unavailable' });
    deps.log.warn(
      { platform, channel: inbound.channel, err: (e as Error).name },
      'cannot store callback: is Redis up? answered 503 so the platform retries',
    );
    throw new AppError('unavailable', 'temporarily unavailable', 503);
  }
}

/**
 * Reject a callback that is not a good platform message: count it, write one warn line with a
 * hint of what to check (never the body), and throw the 4xx (401 signature, 413 size, 400
 * anything else). Never returns. (A handler's refusal of a command is something else: an answer,
 * `refuse` in handlers/common.ts.)
 */
export function rejectCallback(
  deps: IngressDeps,
  ctx: Context,
  platform: Platform,
  outcome: Exclude<CallbackOutcome, 'accepted' | 'duplicate' | 'unavailable'>,
  hint: string,
): never {
  deps.metrics.callbacks.inc({ platform, outcome });
  deps.log.warn({ platform, path: ctx.path, outcome, ip: ctx.ip }, hint);
  const status = outcome === 'bad_signature' ? 401 : outcome === 'too_large' ? 413 : 400;
  throw new AppError(
    outcome,
    outcome === 'bad_signature'
      ? 'bad signature'
      : outcome === 'too_large'
        ? 'body too large'
        : 'malformed request',
    status,
  );
}
