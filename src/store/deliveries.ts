import type { RedisClient } from '../redis/connect.js';
import type { Delivery } from './store.js';
import type { Keys } from './keys.js';
import { itemNumber } from '../domain/ids.js';
import { loadScript } from './script.js';
import { decodeDeliveryEntry, encodeDelivery } from './delivery-codec.js';
import { listpackEntriesLimit, listpackValueLimit } from './listpack-limit.js';

const recordSendScript = loadScript('record-send');

/** Sends kept per item: enough to answer "was the principal told?", bounded in memory. */
export const DELIVERIES_PER_ITEM = 50;

/**
 * An item's deliveries are fields of its hash (src/store/lua/record-send.lua): `~<seq>` each, the
 * counter `~` (codec.ts names the item's own fields; none starts with `~`). A list of their own
 * (`zg:<n>:d`) cost about 150 B per item before its first entry. They go into the hash only while
 * it stays a listpack: each entry within `hash-max-listpack-value`, and the item's own fields
 * (at most ITEM_FIELDS), the counter and DELIVERIES_PER_ITEM entries within
 * `hash-max-listpack-entries` (listpack-limit.ts); an entry that does not fit (a long error, a
 * card kept whole on a Redis left at the default 64 B) goes to the list, as every delivery did
 * before this version. Readers take both.
 */
export const DELIVERY_FIELD = '~';
const ITEM_FIELDS = 20;

/** A stored delivery, and its attachment (a sent card's reference) when it has one. */
export interface DeliveryEntry {
  delivery: Delivery;
  attachment?: Buffer;
}

export function deliveryStore(redis: RedisClient, k: Keys) {
  /** whether `stored` may go into the items' hashes (see DELIVERY_FIELD) */
  const fitsHash = async (stored: Buffer) => {
    const [value, entries] = await Promise.all([listpackValueLimit(redis), listpackEntriesLimit(redis)]);
    return stored.length <= value && ITEM_FIELDS + 1 + DELIVERIES_PER_ITEM <= entries;
  };

  /** one script call: `stored` on each item (and, with a ledger field, once per that field) */
  const record = async (
    ids: number[],
    stored: Buffer,
    ledger: { key: string; field: string; legacyKey: string; legacyField: string; ttlS: number },
    outcome: string,
  ) => {
    const keys = [ledger.key, ledger.legacyKey, ...ids.flatMap((n) => [k.item(n), k.itemDeliveries(n)])];
    return recordSendScript.run(redis, keys, [
      ledger.field,
      outcome,
      stored,
      DELIVERIES_PER_ITEM,
      ledger.ttlS,
      ids.length,
      ledger.legacyField,
      (await fitsHash(stored)) ? '1' : '0',
    ]);
  };

  const numbers = (itemIds: string[]) => itemIds.map(itemNumber).filter((n): n is number => n !== undefined);

  /** An item's deliveries as stored, oldest first: its hash's, and its list's (earlier versions, or too big for the hash). */
  async function deliveryEntries(itemId: string): Promise<DeliveryEntry[]> {
    const n = itemNumber(itemId);
    if (n === undefined) return [];
    const [hash, list] = (
      (await redis.pipeline().hgetallBuffer(k.item(n)).lrangeBuffer(k.itemDeliveries(n), 0, -1).exec()) ?? []
    ).map(([e, v]) => {
      if (e) throw e;
      return v;
    });
    const inHash: [number, Buffer][] = [];
    for (const [f, v] of Object.entries((hash ?? {}) as Record<string, Buffer>)) {
      if (f.length < 2 || f[0] !== DELIVERY_FIELD) continue;
      const seq = Number(f.slice(1));
      if (Number.isInteger(seq)) inHash.push([seq, v]);
    }
    inHash.sort((a, b) => a[0] - b[0]);
    const fromList = ((list ?? []) as Buffer[])
      .slice()
      .reverse()
      .flatMap((b) => decodeDeliveryEntry(b) ?? []);
    const fromHash = inHash.flatMap(([, b]) => decodeDeliveryEntry(b) ?? []);
    if (!fromList.length) return fromHash;
    if (!fromHash.length) return fromList;
    // both (an item from before this version, or an entry too big for the hash): by instant
    const t = (e: DeliveryEntry) => Date.parse(e.delivery.at) || 0;
    return [...fromList, ...fromHash].sort((a, b) => t(a) - t(b));
  }

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
      const r = await record(
        numbers(o.itemIds),
        encodeDelivery(o.delivery, o.attachment),
        {
          key: o.ledger.key,
          field: o.ledger.field,
          legacyKey: o.ledger.legacy.key,
          legacyField: o.ledger.legacy.field,
          ttlS: o.ledger.ttlS,
        },
        o.delivery.outcome,
      );
      return r === 1;
    },

    async recordDelivery(itemIds: string[], d: Delivery): Promise<void> {
      const ids = numbers(itemIds);
      if (!ids.length) return;
      // no ledger (field ''): its keys are only named, in the items' slot (Cluster)
      const any = k.item(ids[0]!);
      await record(
        ids,
        encodeDelivery(d),
        { key: any, field: '', legacyKey: any, legacyField: '', ttlS: 0 },
        d.outcome,
      );
    },

    deliveryEntries,

    /** oldest first */
    async deliveries(itemId: string): Promise<Delivery[]> {
      return (await deliveryEntries(itemId)).map((e) => e.delivery);
    },
  };
}
