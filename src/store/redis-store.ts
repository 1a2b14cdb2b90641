import type { RedisClient } from '../redis/connect.js';
import type { FullStore } from './store.js';
import { makeKeys } from './keys.js';
import { rosterStore } from './roster-store.js';
import { recordStore } from './record-store.js';
import { transitionStore } from './transition.js';
import { queryStore } from './queries.js';
import { evidenceStore } from './evidence.js';
import { deliveryStore } from './deliveries.js';
import { onceStore } from './once.js';

/**
 * The store on Redis: every key under `prefix` (one Cluster slot), built in keys.ts.
 * Cheap to create (no connection of its own, scripts load lazily), so each caller may make one.
 */
export function createStore(redis: RedisClient, prefix: string): FullStore {
  const k = makeKeys(prefix);
  const roster = rosterStore(redis, k);
  const records = recordStore(redis, k, (id) => roster.getSchool(id));
  const transition = transitionStore(redis, k);
  const queries = queryStore(redis, k, records.getItemsByNumber, records.getRecordsByNumber);
  return {
    ...roster,
    createRecord: records.createRecord,
    getRecord: records.getRecord,
    getItem: records.getItem,
    getItems: records.getItems,
    history: records.history,
    transition,
    ...queries,
    ...evidenceStore(redis, k, transition),
    ...deliveryStore(redis, k),
    ...onceStore(redis, k),
  };
}
