import type { RedisClient } from '../redis/connect.js';
import type { Attachment } from '../domain/inbound.js';
import type { Source, TransitionInput, TransitionResult } from './store.js';
import type { Keys } from './keys.js';
import { recordNumber } from '../domain/ids.js';

/** Images sent within this many seconds after a record or a progress report attach to it. */
export const EVIDENCE_WINDOW_SECONDS = 600;
/** How long an image's message id is remembered so a retried job attaches it once. */
const SEEN_TTL_SECONDS = 7 * 86_400;

type Target = { type: 'record' | 'item'; id: string };

export function evidenceStore(
  redis: RedisClient,
  k: Keys,
  transition: (i: TransitionInput) => Promise<TransitionResult>,
) {
  return {
    async markEvidenceTarget(personId: string, target: Target, _now: Date): Promise<void> {
      await redis.set(k.evidenceTarget(personId), JSON.stringify(target), 'EX', EVIDENCE_WINDOW_SECONDS);
    },

    async attachEvidence(
      personId: string,
      attachment: Attachment,
      source: Source,
      now: Date,
    ): Promise<Target | undefined> {
      const raw = await redis.get(k.evidenceTarget(personId));
      if (!raw) return undefined;
      const target = JSON.parse(raw) as Target;
      if (target.type === 'item') {
        // through the lifecycle: history shows who added what, once per message
        const r = await transition({
          item: target.id,
          action: 'attach',
          actor: personId,
          source,
          now,
          attachments: [attachment],
        });
        return r.ok ? target : undefined;
      }
      const n = recordNumber(target.id);
      if (n === undefined) return undefined;
      const seen = k.evidenceSeen(source.platform, source.messageId);
      if ((await redis.set(seen, target.id, 'EX', SEEN_TTL_SECONDS, 'NX')) !== 'OK') return target;
      try {
        await redis.rpush(k.recordEvidence(n), JSON.stringify(attachment));
      } catch (e) {
        await redis.del(seen).catch(() => undefined); // let the retried job try again
        throw e;
      }
      return target;
    },
  };
}
