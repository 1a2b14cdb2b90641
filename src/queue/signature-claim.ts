import type { RedisClient } from '../redis/connect.js';
import { luaScript } from '../redis/lua-script.js';
import { signatureKey } from '../store/keys.js';

/**
 * "A signature is good for one message" (docs/security.md). A DingTalk robot's `sign` covers only
 * its `timestamp` (and the card callback's likewise), so anyone who has seen one pair could send
 * any body with it for as long as the timestamp window lasts. The pair is therefore bound to the
 * first message it came with: SET NX of the pair's key to the message's id, for as long as the
 * pair can pass the window. The same pair with the same message is a platform retry; with another
 * message it is refused.
 *
 * One script call, so two copies racing agree on who was first. The callback then needs a second
 * round trip for the accept step (BullMQ's own add script): the claim has to be decided before
 * the message is enqueued, and a pipeline cannot make the add depend on the claim.
 */
export type ClaimOutcome = 'first' | 'same' | 'other';

export interface SignaturePair {
  /** the callback kind, e.g. dingtalk-robot, dingtalk-card: pairs of different kinds never meet */
  channel: string;
  timestamp: string;
  sign: string;
}

export type SignatureClaim = (
  pair: SignaturePair,
  messageId: string,
  ttlSec: number,
) => Promise<ClaimOutcome>;

const CLAIM = luaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 2 end
return 0`);

export function createSignatureClaim(client: RedisClient, prefix: string): SignatureClaim {
  return async (pair, messageId, ttlSec) => {
    const key = signatureKey(prefix, pair);
    const args = [messageId, String(Math.max(1, Math.ceil(ttlSec)))];
    const r = await CLAIM.run(client, [key], args);
    return r === 1 ? 'first' : r === 2 ? 'same' : 'other';
  };
}
