import type { RedisClient } from '../redis/connect.js';

/**
 * An outbound job's ledger: one Redis hash per job (`keys.ledger(jobId)`) holding the parts the
 * platform confirmed (`<ns>|<part>` → platform message id) and the deliveries recorded (`!<field>`,
 * written by src/store/lua/record-send.lua in the same call as the Delivery). A retried job skips
 * what is there, so nothing is sent or recorded twice. It is needed only while the job can still
 * run: jobs/outbound.ts deletes it once the job completed, and it expires LEDGER_TTL_S after its
 * last write when the job failed (a manual retry then sends nothing twice).
 */
export const LEDGER_TTL_S = 14 * 86_400;

/** A delivery recorded: its ledger field's prefix (never the start of a part's field). */
export const RECORDED = '!';

/** A part sent, as the platform senders ask about it (src/platforms/outbound.ts `Ledger`). */
export interface PartLedger {
  get(part: string): Promise<string | undefined>;
  set(part: string, messageId: string): Promise<void>;
}

/**
 * The job's ledger under `ns` (an address, or `upd`). `known` is what the ledger held when the job
 * started (loadLedger: read once, with the recorded deliveries), so asking costs nothing; what this
 * run confirms is written at once and remembered.
 */
export function ledgerOf(
  redis: RedisClient,
  key: string,
  ns: string,
  known?: Map<string, string>,
): PartLedger {
  return {
    async get(part) {
      if (known) return known.get(`${ns}|${part}`);
      return (await redis.hget(key, `${ns}|${part}`)) ?? undefined;
    },
    async set(part, messageId) {
      await redis.multi().hset(key, `${ns}|${part}`, messageId).expire(key, LEDGER_TTL_S).exec();
      known?.set(`${ns}|${part}`, messageId);
    },
  };
}

/** The job's ledger as it stands (the parts sent, the deliveries recorded), in one command. */
export async function loadLedger(redis: RedisClient, key: string) {
  const all = await redis.hgetall(key);
  const sent = new Map<string, string>();
  const recorded = new Set<string>();
  for (const [f, v] of Object.entries(all))
    if (f.startsWith(RECORDED)) recorded.add(f.slice(RECORDED.length));
    else sent.set(f, v);
  return { sent, recorded };
}
