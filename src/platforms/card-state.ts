// What a sent card has been told since it was sent: per card (cardRefId), the latest
// CardUpdate of each item it shows, with that item's version. The outbound job rebuilds the card
// from the card as first sent plus these (cards/card-update.ts), so updates about different
// items of one card never undo each other, and an update that arrives late (a retry after a
// newer one went through) is refused: a card never goes back to an older state of an item.
//
// One hash per card, `field = item`, `value = "<version>|<CardUpdate JSON>"`, written by one
// script that compares versions atomically.

import type { CardUpdate } from '../domain/reply.js';
import type { RedisClient } from '../redis/connect.js';

const RECORD = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur then
  local v = tonumber(string.match(cur, '^(%-?%d+)|'))
  if v and v > tonumber(ARGV[2]) then return false end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return redis.call('HVALS', KEYS[1])
`;

/** Updates older than what the card already shows carry this version (jobs from before versions). */
const NO_VERSION = -1;

/**
 * Record `u` for the card; the card's updates (all its items', `u` included) to draw it with,
 * or undefined when the card already shows a newer state of `u.item` (do not send).
 */
export async function recordCardUpdate(
  redis: RedisClient,
  key: string,
  u: CardUpdate,
  ttlS: number,
): Promise<CardUpdate[] | undefined> {
  const version = u.state?.version ?? NO_VERSION;
  const r = (await redis.eval(RECORD, 1, key, u.item, version, JSON.stringify(u), ttlS)) as string[] | null;
  if (!r) return undefined;
  return r.map((v) => JSON.parse(v.slice(v.indexOf('|') + 1)) as CardUpdate);
}
