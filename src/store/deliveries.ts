import type { RedisClient } from '../redis/connect.js';
import type { Delivery } from './store.js';
import type { Keys } from './keys.js';
import { itemNumber } from '../domain/ids.js';

/** Sends kept per item: enough to answer "was the principal told?", bounded in memory. */
export const DELIVERIES_PER_ITEM = 50;

export function deliveryStore(redis: RedisClient, k: Keys) {
  return {
    async recordDelivery(itemIds: string[], d: Delivery): Promise<void> {
      const json = JSON.stringify(d);
      const pipe = redis.pipeline();
      for (const id of itemIds) {
        const n = itemNumber(id);
        if (n === undefined) continue;
        pipe.lpush(k.itemDeliveries(n), json).ltrim(k.itemDeliveries(n), 0, DELIVERIES_PER_ITEM - 1);
      }
      await pipe.exec();
    },

    /** oldest first */
    async deliveries(itemId: string): Promise<Delivery[]> {
      const n = itemNumber(itemId);
      if (n === undefined) return [];
      const list = await redis.lrange(k.itemDeliveries(n), 0, -1);
      return list.map((s) => JSON.parse(s) as Delivery).reverse();
    },
  };
}
