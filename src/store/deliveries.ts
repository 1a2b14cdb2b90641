import type { RedisClient } from '../redis/connect.js';
import type { Delivery } from './store.js';
import type { Keys } from './keys.js';
import { itemNumber } from '../domain/ids.js';
import { loadScript } from './script.js';
import { decodeDelivery, encodeDelivery } from './delivery-codec.js';

const recordSendScript = loadScript('record-send');

/** Sends kept per item: enough to answer "was the principal told?", bounded in memory. */
export const DELIVERIES_PER_ITEM = 50;

export function deliveryStore(redis: RedisClient, k: Keys) {
  return {
    /**
     * One send's outcome, recorded once per (outbound job, address) however often the job is
     * retried, in one script call: the delivery on each item, with `attachment` (for a card:
     * where it went, src/platforms/card-ref-codec.ts) kept in the same entry
     * (delivery-codec.ts). false when it was recorded already.
     */
    async recordSend(o: {
      ledger: { key: string; field: string; ttlS: number; legacy: { key: string; field: string } };
      itemIds: string[];
      delivery: Delivery;
      attachment?: Buffer;
    }): Promise<boolean> {
      const ids = o.itemIds.filter((id) => itemNumber(id) !== undefined);
      const keys = [o.ledger.key, o.ledger.legacy.key, ...ids.map((id) => k.itemDeliveries(itemNumber(id)!))];
      const r = await recordSendScript.run(redis, keys, [
        o.ledger.field,
        o.delivery.outcome,
        encodeDelivery(o.delivery, o.attachment),
        DELIVERIES_PER_ITEM,
        o.ledger.ttlS,
        ids.length,
        o.ledger.legacy.field,
      ]);
      return r === 1;
    },

    async recordDelivery(itemIds: string[], d: Delivery): Promise<void> {
      const stored = encodeDelivery(d);
      const pipe = redis.pipeline();
      for (const id of itemIds) {
        const n = itemNumber(id);
        if (n === undefined) continue;
        pipe.lpush(k.itemDeliveries(n), stored).ltrim(k.itemDeliveries(n), 0, DELIVERIES_PER_ITEM - 1);
      }
      await pipe.exec();
    },

    /** oldest first */
    async deliveries(itemId: string): Promise<Delivery[]> {
      const n = itemNumber(itemId);
      if (n === undefined) return [];
      const list = await redis.lrangeBuffer(k.itemDeliveries(n), 0, -1);
      return list
        .map(decodeDelivery)
        .filter((d): d is Delivery => d !== undefined)
        .reverse();
    },
  };
}
