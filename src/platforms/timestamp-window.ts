/**
 * Freshness check shared by the callback verifiers. Platforms send seconds (WeCom) or
 * milliseconds (DingTalk robot headers, DingTalk event crypto example `1608001896814`); a value
 * below 1e12 is read as seconds. The window is symmetric so a server clock that runs a little
 * fast or slow does not lose messages.
 */
export const ONE_HOUR_MS = 3_600_000;

export function parseTimestampMs(ts: string): number | undefined {
  if (!/^\d{9,13}$/.test(ts)) return undefined;
  const n = Number(ts);
  return n < 1e12 ? n * 1000 : n;
}

export function withinWindow(ts: string, now: Date, windowMs = ONE_HOUR_MS): boolean {
  const ms = parseTimestampMs(ts);
  return ms !== undefined && Math.abs(now.getTime() - ms) <= windowMs;
}
