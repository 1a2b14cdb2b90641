import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect.js';
import { makeKeys } from './keys.js';

/**
 * The secret that signs the board's links and sessions (src/board/token.ts): BOARD_SECRET when
 * it is set, else 32 random bytes generated at first start and kept in Redis (SET NX, so every
 * web and worker process of the district agrees on the same one). Read once per process; to
 * revoke every link and session at once, delete the key (or change BOARD_SECRET) and restart.
 * Never logged.
 */
export interface BoardSecretSource {
  get(): Promise<Buffer>;
}

export function boardSecret(redis: RedisClient, prefix: string, configured?: string): BoardSecretSource {
  if (configured) {
    const fixed = Buffer.from(configured, 'utf8');
    return { get: async () => fixed };
  }
  const key = makeKeys(prefix).boardSecret;
  let loaded: Promise<Buffer> | undefined;
  return {
    get() {
      loaded ??= (async () => {
        await redis.set(key, randomBytes(32).toString('hex'), 'NX');
        const hex = await redis.get(key);
        if (!hex || !/^[0-9a-f]{64}$/.test(hex)) throw new Error('board secret in Redis is malformed');
        return Buffer.from(hex, 'hex');
      })();
      // a failed read (Redis away) is not cached
      loaded.catch(() => (loaded = undefined));
      return loaded;
    },
  };
}
