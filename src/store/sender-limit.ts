import type { RedisClient } from '../redis/connect.js';
import { makeKeys } from './keys.js';
import { loadScript } from './script.js';

/**
 * A token bucket per sender (docs/security.md → "Input cannot buy time"): `burst` messages at
 * once, then `perMinute` a minute. The verdict is kept per message id, so the inbound job of a
 * message, retried, gets the same answer and takes no second token; a message is never admitted
 * twice and never refused after it was admitted. Buckets are shared by every worker (Redis),
 * and go away after an idle while.
 */
export interface SenderLimitPolicy {
  burst: number;
  perMinute: number;
}

/** A supervisor sends a record and its photos one message each, a principal a few replies: 20 at once is ample. */
export const DEFAULT_SENDER_LIMIT: SenderLimitPolicy = { burst: 20, perMinute: 20 };

const script = loadScript('sender-limit');
const DECISION_TTL_S = 24 * 3600; // far beyond a job's retries

export interface SenderLimit {
  /** true: handle the message; false: over the sender's limit */
  admit(sender: string, messageId: string, nowMs: number): Promise<boolean>;
}

export function senderLimit(redis: RedisClient, prefix: string, policy = DEFAULT_SENDER_LIMIT): SenderLimit {
  const k = makeKeys(prefix);
  // idle long enough to have filled up again: the bucket is as good as new, drop it
  const bucketTtlMs = Math.ceil((policy.burst / policy.perMinute) * 60_000) + 60_000;
  return {
    async admit(sender, messageId, nowMs) {
      const r = await script.run(
        redis,
        [k.senderBucket(sender), k.senderDecision(messageId)],
        [Math.floor(nowMs), policy.burst, policy.perMinute, DECISION_TTL_S, bucketTtlMs],
      );
      return Number(r) === 1;
    },
  };
}
