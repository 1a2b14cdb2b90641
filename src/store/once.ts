import type { RedisClient } from '../redis/connect.js';
import type { OnceStore } from './store.js';
import type { Keys } from './keys.js';

/** "At most once" claims that outlive a process and work across machines: SET NX EX. */
export function onceStore(redis: RedisClient, k: Keys): OnceStore {
  return {
    async claimOnce(scope, id, ttlSeconds) {
      return (
        (await redis.set(k.once(scope, id), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK'
      );
    },
    async releaseOnce(scope, id) {
      await redis.del(k.once(scope, id));
    },
  };
}
