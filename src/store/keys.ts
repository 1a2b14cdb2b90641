import { createHash } from 'node:crypto';

/**
 * Every Redis key of dudao, built here and nowhere else, with the one escaping of a key's parts.
 * All keys start with the runtime's prefix, which carries a Cluster hash tag (`{dudao}`), so they
 * share one slot and the Lua scripts may touch several of them. Names are short on purpose: key
 * names count in memory per item (docs/spec/performance.md → BullMQ and Redis). Key strings are
 * data on disk: a change here is a migration.
 *
 * - `makeKeys`: the store's (roster, records, items, indexes, claims);
 * - `outboundKeys`: the outbound side's (ledgers, card references, tokens, rate limits, the
 *   simulator's conversation streams);
 * - `orderKeys`: the reply order per chat (src/queue/reply-order.ts);
 * - `overflowKeys`: a person's or a bound chat's notices merged past its line's overflow (jobs/outbound-digest.ts);
 * - `signatureKey`: a platform signature seen (src/queue/signature-claim.ts);
 * - `simClockKey`: the simulator's clock.
 *
 * The module imports nothing of the project, so the platforms and the queues read it too
 * (test/architecture.test.ts). BullMQ builds its own keys under the same prefix.
 *
 * Two scripts (create-record) allocate ids inside Redis and so cannot receive those keys in KEYS;
 * they get `recordBase`/`itemBase` and `textSuffix` from here and append the number themselves.
 */

/**
 * One part of a Redis key, escaped the same deterministic way: platform ids and chat names may
 * hold ':' (our separator), spaces, URLs or CJK.
 */
export const keyPart = (s: string): string =>
  s.replace(/[^A-Za-z0-9._@=+-]/g, (c) => '%' + c.codePointAt(0)!.toString(16));
const esc = keyPart;

export type Keys = ReturnType<typeof makeKeys>;

export function makeKeys(prefix: string) {
  const p = prefix + ':';
  const recordBase = p + 'dd:';
  const itemBase = p + 'zg:';
  return {
    prefix,
    recordBase,
    itemBase,
    textSuffix: ':t',

    // --- roster
    rosterVersion: p + 'r:ver',
    schools: p + 'r:schools', // hash id → School JSON
    people: p + 'r:people', // hash id → Person JSON
    zones: p + 'r:zones', // hash id → Zone JSON
    chats: p + 'r:chats', // hash platform|chatId → Chat JSON (from the roster file)
    chatsBound: p + 'r:chats:bound', // hash platform|chatId → Chat JSON (绑定本群 in a chat)
    plan: p + 'r:plan', // string: PlanEntry[] JSON
    platformIndex: (platform: string) => p + 'r:pid:' + platform, // hash platform user id → person id
    lastPlatform: p + 'r:last', // hash person id → platform

    // --- counters for the human ids DD-7, ZG-21
    recordSeq: p + 'seq:dd',
    itemSeq: p + 'seq:zg',

    // --- visit records
    record: (n: number | string) => recordBase + n, // hash of short fields
    recordText: (n: number | string) => recordBase + n + ':t', // string: RecordTexts JSON (topic, findings, highlights, remark, source id)
    recordEvidence: (n: number | string) => recordBase + n + ':a', // list of Attachment JSON
    recordBySource: (platform: string, messageId: string) => p + 'src:' + platform + ':' + messageId,

    // --- rectification items
    item: (n: number | string) => itemBase + n, // hash of short fields (listpack; the text as `t` when short)
    itemText: (n: number | string) => itemBase + n + ':t', // string: a problem text too long for the hash (codec.ts)
    itemHistory: (n: number | string) => itemBase + n + ':h', // list of HistoryEvent JSON (after 'create')
    itemSources: (n: number | string) => itemBase + n + ':m', // hash platform:messageId → history index
    itemExtReason: (n: number | string) => itemBase + n + ':x', // string: reason of the pending extension
    itemDeliveries: (n: number | string) => itemBase + n + ':d', // capped list of Delivery with a sent card's reference (delivery-codec.ts): earlier versions', and entries too big for the item's hash, where the others are now (deliveries.ts)
    audit: p + 'audit', // stream, capped: every transition of every item

    // --- item indexes
    openByDeadline: p + 'ix:open', // zset, member item n, score = deadline day number · 1e9 + n, not closed
    // Per record, not per item: a record's items are numbered contiguously and share its school,
    // zone and supervisor, which never change. zset, score = the record's first item n, member =
    // its last item n (queries.ts expands the range; records without items are not in them).
    itemRangesBySchool: (school: string) => p + 'ix:ir:sch:' + school,
    itemRangesByZone: (zone: string) => p + 'ix:ir:zone:' + zone,
    itemRangesBySupervisor: (sup: string) => p + 'ix:ir:sup:' + sup,
    // The first release's per-item indexes (zset, member and score item n). Items created then are
    // still found through these three (read, never written: their membership cannot change);
    // `ix:st:<status>` and `ix:zopen:<zone>` are neither read nor written any more (README →
    // Upgrading).
    legacyItemsBySchool: (school: string) => p + 'ix:sch:' + school,
    legacyItemsByZone: (zone: string) => p + 'ix:zone:' + zone,
    legacyItemsBySupervisor: (sup: string) => p + 'ix:sup:' + sup,

    // --- record indexes (score = visit day number · 1e9 + n)
    recordsByDate: p + 'ix:rd',
    recordsBySchool: (school: string) => p + 'ix:rsch:' + school,
    recordsByZone: (zone: string) => p + 'ix:rzone:' + zone,
    recordsBySupervisor: (sup: string) => p + 'ix:rsup:' + sup,

    // --- short-lived things
    evidenceTarget: (personId: string) => p + 'ev:' + personId, // string JSON, EX 600
    evidenceSeen: (platform: string, messageId: string) => p + 'evs:' + platform + ':' + messageId,
    once: (scope: string, id: string) => p + 'once:' + scope + ':' + id,
    // --- per-sender rate limit (sender-limit.ts)
    senderBucket: (sender: string) => p + 'rl:in:' + sender, // hash {t: tokens, ts: ms}
    senderDecision: (messageId: string) => p + 'rl:in:d:' + messageId, // string 1|0: this message's verdict

    // --- the board (src/board): its signing secret when BOARD_SECRET is unset (64 hex chars)
    boardSecret: p + 'board:secret',
  };
}

/**
 * How long a used WeCom code stays marked: a smart-bot response_url is good for one call within
 * 1 h (https://developer.work.weixin.qq.com/document/path/101138), an update_template_card
 * response_code for one within 72 h (https://developer.work.weixin.qq.com/document/path/94888);
 * after that WeCom refuses it anyway, so the mark may go.
 */
export const USED_TTL_S = { response_url: 2 * 3600, response_code: 73 * 3600 } as const;

/** The Redis keys of the outbound side (platform senders, clients, jobs/outbound.ts). */
export const outboundKeys = (prefix: string) => ({
  /** a platform app's access token (string, TTL below expiry); its fetch lock is `<key>:lock` */
  token: (platform: 'wecom' | 'dingtalk', app: string) => `${prefix}:tok:${platform}:${esc(app)}`,
  /**
   * hash: an outbound job's ledger (jobs/outbound.ts), kept while the job can still run — deleted
   * once it has completed, kept 14 days when it failed. Fields `<part>` → message id (the parts
   * the platform confirmed) and `!<address>` → outcome (the deliveries recorded). The sent
   * ledger of earlier versions had this name, so a job retried across the upgrade skips its sent
   * parts.
   */
  ledger: (jobId: string) => `${prefix}:out:sent:${esc(jobId)}`,
  /** hash: the recorded deliveries of earlier versions (read by record-send.lua; gone 14 days after the upgrade) */
  legacyRecorded: (jobId: string) => `${prefix}:out:rec:${esc(jobId)}`,
  /**
   * list of CardRef (card-ref-codec.ts V1 or JSON): where the cards about an item went, as
   * earlier versions kept them (TTL 60 days; read only). A card's reference is now kept with its
   * delivery on the item (src/store/deliveries.ts).
   */
  legacyCardRefs: (item: string) => `${prefix}:out:cards:${esc(item)}`,
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
  /** stream: the bot's cards in one sim conversation (`out` / `update` entries, src/platforms/sim/README.md) */
  simOut: (conversation: string) => `${prefix}:sim:out:${esc(conversation)}`,
});
export type OutboundKeys = ReturnType<typeof outboundKeys>;

/**
 * A rate limit's further window (src/platforms/rate-limit.ts): the first window of a limit is kept
 * under `outboundKeys.rate(…)`, each longer one under that key and its length (`…:3600000`).
 */
export const rateWindowKey = (rateKey: string, windowMs: number) => `${rateKey}:${windowMs}`;

/**
 * The reply order (src/queue/reply-order.ts): a global sequence, and per chat a sorted set of
 * the jobs waiting to send there (`key`: orderKeyOf's recipient key).
 */
export const orderKeys = (prefix: string) => ({
  seq: `${prefix}:order:seq`,
  chat: (key: string) => `${prefix}:order:${esc(key)}`,
});

/**
 * A person's notices past their line's overflow (jobs/enqueue-replies.ts, jobs/outbound-digest.ts):
 * the batch generation (a counter, never expiring: a digest job's id is named by it) and the
 * batch of each generation (a hash: the would-be job's id → what the digest needs of its cards).
 * The scripts append the generation to `batchBase` themselves (they read it inside Redis).
 */
export const overflowKeys = (prefix: string) => ({
  gen: (owner: string) => `${prefix}:ov:g:${esc(owner)}`,
  batchBase: (owner: string) => `${prefix}:ov:b:${esc(owner)}:`,
  batch: (owner: string, gen: number) => `${prefix}:ov:b:${esc(owner)}:${gen}`,
});

/** What every seen signature's key starts with (the simulator's reset keeps them). */
export const signaturePrefix = (prefix: string) => `${prefix}:sig:`;

/**
 * A platform signature seen (src/queue/signature-claim.ts): `<prefix>:sig:<channel>:<hash of the
 * pair>` (the pair itself is a credential: only its hash is kept).
 */
export const signatureKey = (prefix: string, p: { channel: string; timestamp: string; sign: string }) =>
  `${signaturePrefix(prefix)}${keyPart(p.channel)}:${createHash('sha256').update(`${p.timestamp}\n${p.sign}`).digest('hex').slice(0, 32)}`;

/** The stream of one sim conversation (`dm:<personId>` or `group:<chatId>`, src/platforms/sim/README.md). */
export const simConversationKey = (prefix: string, conversationId: string) =>
  outboundKeys(prefix).simOut(conversationId);

/** The simulated clock's offset from real time, in milliseconds (a string integer). */
export const simClockKey = (prefix: string) => `${prefix}:sim:clock`;
