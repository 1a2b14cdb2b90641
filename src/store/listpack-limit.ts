import type { RedisClient } from '../redis/connect.js';

/**
 * Redis's default `hash-max-listpack-value`: a hash stays in the compact listpack encoding only
 * while every field and value is at most this many bytes; one longer value turns it into a real
 * hash table for good, several times the size (https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/memory-optimization/).
 */
export const DEFAULT_LISTPACK_VALUE = 64;

/** A getter of one server setting, asked once per connection. */
function askedOnce(names: string[], fallback: number): (redis: RedisClient) => Promise<number> {
  const cache = new WeakMap<object, Promise<number>>();
  return (redis) => {
    let p = cache.get(redis);
    if (!p) {
      p = ask(redis, names, fallback);
      cache.set(redis, p);
    }
    return p;
  };
}

/**
 * The server's `hash-max-listpack-value` (`hash-max-ziplist-value` before Redis 7), asked once per
 * connection: the store puts a text into its entity's hash only when it fits, so the hash stays
 * a listpack. A managed Redis that refuses CONFIG gets the default, which is always safe.
 */
export const listpackValueLimit = askedOnce(
  ['hash-max-listpack-value', 'hash-max-ziplist-value'],
  DEFAULT_LISTPACK_VALUE,
);

async function ask(redis: RedisClient, names: string[], fallback: number): Promise<number> {
  for (const name of names) {
    try {
      const r = (await redis.config('GET', name)) as unknown;
      const v = Array.isArray(r) ? Number(r[1]) : Number.NaN;
      if (Number.isInteger(v) && v > 0) return v;
    } catch {
      // CONFIG renamed or refused (managed Redis): the default below
      break;
    }
  }
  return fallback;
}

/** Redis's default `hash-max-listpack-entries`: more fields than this and a hash is a real hash table. */
export const DEFAULT_LISTPACK_ENTRIES = 128;

/** The server's `hash-max-listpack-entries` (`hash-max-ziplist-entries` before Redis 7), asked once per connection. */
export const listpackEntriesLimit = askedOnce(
  ['hash-max-listpack-entries', 'hash-max-ziplist-entries'],
  DEFAULT_LISTPACK_ENTRIES,
);
