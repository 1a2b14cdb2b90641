import type { RedisClient } from '../redis/connect.js';
import { makeKeys } from './keys.js';
import { loadScript } from './script.js';

const script = loadScript('wipe-except');

export interface WipeResult {
  /** keys deleted */
  keys: number;
  /** visit records and items there had been (their counters before the wipe) */
  records: number;
  items: number;
}

/** Redis's glob specials, escaped, so a prefix is matched as written. */
const globEscape = (s: string) => s.replace(/[\\*?[\]^-]/g, (c) => `\\${c}`);

/**
 * Delete every key under `prefix` except those starting with one of `keep` (full key prefixes),
 * in one Lua script (wipe-except.lua): no command runs between the scan and the deletion. Only
 * the simulator's 重置演示数据 calls this (src/http/sim-reset.ts, which decides what stays); all
 * keys share the prefix's hash slot, so on a Cluster they are on the one node the script runs on.
 */
export async function wipeExcept(redis: RedisClient, prefix: string, keep: string[]): Promise<WipeResult> {
  const k = makeKeys(prefix);
  const [keys, records, items] = (await script.run(
    redis,
    [k.recordSeq, k.itemSeq],
    [`${globEscape(prefix)}:*`, ...keep],
  )) as [number, number, number];
  return { keys, records, items };
}
