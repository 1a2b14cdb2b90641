import type { RedisClient } from '../redis/connect.js';
import type { Delivery } from './store.js';
import type { Keys } from './keys.js';
import { itemNumber } from '../domain/ids.js';
import { loadScript } from './script.js';
import { decodeDelivery, encodeDelivery } from './delivery-codec.js';

const recordSendScript = loadScript('record-send');

/** Sends kept per item: enough to answer "was the principal told?", bounded in memory. */
export const DELIVERIES_PER_ITEM = 50;

/** Where a sent card went, kept on each of its items for later updates (the outbound side's keys). */
export interface CardRefRecord {
  /** the CardRef as stored (src/platforms/card-ref-codec.ts) */
  encoded: string | Buffer;
  keyOf: (item: string) => string;
  keep: number;
  ttlS: number;
}

export function deliveryStore(redis: RedisClient, k: Keys) {
  return {
    /**
     * One send's outcome, recorded once per (outbound job, address) however often the job is
     * retried, in one script call: the delivery on each item and, for a card, where it went.
     * false when it was recorded already.
     */
    async recordSend(o: {
      recordedKey: string;
      field: string;
      itemIds: string[];
      delivery: Delivery;
      cardRef?: CardRefRecord;
      recordedTtlS: number;
    }): Promise<boolean> {
      const ids = o.itemIds.filter((id) => itemNumber(id) !== undefined);
      const keys = [
        o.recordedKey,
        ...ids.map((id) => k.itemDeliveries(itemNumber(id)!)),
        ...(o.cardRef ? ids.map((id) => o.cardRef!.keyOf(id)) : []),
      ];
      const r = await recordSendScript.run(redis, keys, [
        o.field,
        o.delivery.outcome,
        encodeDelivery(o.delivery),
        DELIVERIES_PER_ITEM,
        o.cardRef?.encoded ?? '',
        o.cardRef?.keep ?? 0,
        o.cardRef?.ttlS ?? 0,
        o.recordedTtlS,
        ids.length,
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
