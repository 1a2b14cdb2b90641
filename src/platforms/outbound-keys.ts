import { createHash } from 'node:crypto';
import { keyPart as esc } from '../queue/names.js';

/**
 * How long a used WeCom code stays marked: a smart-bot response_url is good for one call within
 * 1 h (https://developer.work.weixin.qq.com/document/path/101138), an update_template_card
 * response_code for one within 72 h (https://developer.work.weixin.qq.com/document/path/94888);
 * after that WeCom refuses it anyway, so the mark may go.
 */
export const USED_TTL_S = { response_url: 2 * 3600, response_code: 73 * 3600 } as const;

/**
 * The Redis keys of the outbound side (platform senders, clients, jobs/outbound.ts). Pure
 * builders, kept beside the platforms because platforms may not import the store
 * (src/store/keys.ts holds the store's own keys). All start with the runtime prefix (a Cluster
 * hash tag, `{dudao}`), so they share the slot of the store and the queues.
 */
export const outboundKeys = (prefix: string) => ({
  /** a platform app's access token (string, TTL below expiry); its fetch lock is `<key>:lock` */
  token: (platform: 'wecom' | 'dingtalk', app: string) => `${prefix}:tok:${platform}:${esc(app)}`,
  /** hash: per outbound job, the parts already confirmed by the platform → message id */
  sent: (jobId: string) => `${prefix}:out:sent:${esc(jobId)}`,
  /** hash: the job's deliveries already recorded (a retried job does not record twice) */
  recorded: (jobId: string) => `${prefix}:out:rec:${esc(jobId)}`,
  /** list of CardRef JSON: where the cards about an item went, for card_update */
  cardRefs: (item: string) => `${prefix}:out:cards:${esc(item)}`,
  /** hash: per sent card (cardRefId), the latest update of each of its items (card-state.ts) */
  cardState: (refId: string) => `${prefix}:out:cardstate:${esc(refId)}`,
  /**
   * string, SET NX with USED_TTL_S[kind]: this WeCom response_code / smart-bot response_url was
   * used (one use each). One key per value, each expiring: the single sets of earlier versions
   * (`out:used:<kind>`, legacyUsedSet) grew forever.
   */
  usedOnce: (kind: 'response_code' | 'response_url', value: string) =>
    `${prefix}:out:used:${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`,
  /** the never-expiring set of earlier versions; given a TTL once, so it goes away */
  legacyUsedSet: (kind: 'response_code' | 'response_url') => `${prefix}:out:used:${kind}`,
  /** sorted set: sliding-window rate limit per robot / chat / person (ids hashed by the caller if secret) */
  rate: (what: string, id: string) => `${prefix}:rl:${what}:${esc(id)}`,
  /** stream: the bot's cards in one sim conversation (`out` / `update` entries, sim/README.md) */
  simOut: (conversation: string) => `${prefix}:sim:out:${esc(conversation)}`,
});
export type OutboundKeys = ReturnType<typeof outboundKeys>;
