import { isPlatformError, type PlatformError } from './platform-error.js';

export interface RetryOptions {
  /** tries in all, the first included */
  attempts: number;
  /** first delay; doubles each try, with full jitter between half and all of it */
  baseMs: number;
  maxMs: number;
  /** told before each wait (count failures, log) */
  onRetry?: (e: PlatformError, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/** Exponential backoff with jitter: base·2^n, then a random share in [½, 1] of it. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(cap / 2 + (cap / 2) * random());
}

/**
 * Run `fn`, repeating it after `retry` and `rate_limited` PlatformErrors. Anything else (a
 * permanent error, a programming error) is thrown at once; after the last try the last error is
 * thrown, so the job's own retry (BullMQ attempts + backoff) takes over.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const wait = o.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (
        !isPlatformError(e) ||
        (e.kind !== 'retry' && e.kind !== 'rate_limited') ||
        attempt + 1 >= o.attempts
      )
        throw e;
      const delay = Math.max(e.retryAfterMs ?? 0, backoffDelay(attempt, o.baseMs, o.maxMs));
      o.onRetry?.(e, attempt, delay);
      await wait(delay);
    }
  }
}
