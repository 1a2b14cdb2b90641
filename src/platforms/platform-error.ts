// What went wrong talking to a platform, classified once in the client so the outbound job
// knows what to do:
// - `retry`: network error, timeout, 5xx, "system busy" — try again with backoff;
// - `rate_limited`: the platform's frequency limit — try again later (delayed, never dropped);
// - `token`: the access token was refused — refresh it once and repeat the call;
// - `permanent`: retrying cannot help (bad user id, IP not allow-listed, bad card template):
//   the job fails for good and the delivery is recorded as failed.
// `hint` is the log line's "what to check"; `code` the platform's error code. Neither ever
// carries a token, a secret or a message body.

import type { Platform } from '../domain/inbound.js';

export type PlatformErrorKind = 'retry' | 'rate_limited' | 'token' | 'permanent';

export class PlatformError extends Error {
  constructor(
    public readonly platform: Platform,
    public readonly kind: PlatformErrorKind,
    public readonly code: string,
    public readonly hint: string,
    public readonly retryAfterMs?: number,
  ) {
    super(`${platform} ${kind} ${code}: ${hint}`);
    this.name = 'PlatformError';
  }
}

export const isPlatformError = (e: unknown): e is PlatformError => e instanceof PlatformError;

/** axios / network failures without a platform answer: all worth a retry. */
export function networkError(platform: Platform, e: unknown, what: string): PlatformError {
  const err = e as { code?: string; response?: { status?: number } };
  const status = err.response?.status;
  if (status !== undefined) {
    if (status === 429)
      return new PlatformError(
        platform,
        'rate_limited',
        `http_${status}`,
        `${what}: rate limited (HTTP 429)`,
      );
    if (status >= 500)
      return new PlatformError(
        platform,
        'retry',
        `http_${status}`,
        `${what}: the platform answered HTTP ${status}`,
      );
    return new PlatformError(
      platform,
      'permanent',
      `http_${status}`,
      `${what}: the platform answered HTTP ${status}; check the API base URL and the request`,
    );
  }
  const code = err.code ?? 'network';
  const timeout = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
  return new PlatformError(
    platform,
    'retry',
    timeout ? 'timeout' : code,
    timeout
      ? `${what}: timed out; is the platform reachable from this server?`
      : `${what}: network error ${code}; check DNS, proxy and firewall`,
  );
}
