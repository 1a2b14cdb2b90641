/**
 * Every Redis key of the store, built here and nowhere else. All keys start with the runtime's
 * prefix, which carries a Cluster hash tag (`{dudao}`), so they share one slot and the Lua scripts
 * may touch several of them. Names are short on purpose: key names count in memory per item
 * (docs/spec/performance.md → BullMQ and Redis).
 *
 * Two scripts (create-record) allocate ids inside Redis and so cannot receive those keys in KEYS;
 * they get `recordBase`/`itemBase` and `textSuffix` from here and append the number themselves.
 */
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
    item: (n: number | string) => itemBase + n, // hash of short fields (≤ 64 B each: listpack)
    itemText: (n: number | string) => itemBase + n + ':t', // string: the problem text
    itemHistory: (n: number | string) => itemBase + n + ':h', // list of HistoryEvent JSON (after 'create')
    itemSources: (n: number | string) => itemBase + n + ':m', // hash platform:messageId → history index
    itemExtReason: (n: number | string) => itemBase + n + ':x', // string: reason of the pending extension
    itemDeliveries: (n: number | string) => itemBase + n + ':d', // capped list of Delivery JSON
    audit: p + 'audit', // stream, capped: every transition of every item

    // --- item indexes (members are item numbers)
    openByDeadline: p + 'ix:open', // zset, score = deadline day number · 1e9 + n, not closed
    zoneOpenByDeadline: (zone: string) => p + 'ix:zopen:' + zone, // same, one zone
    itemsByStatus: (status: string) => p + 'ix:st:' + status, // zset, score = n
    itemsBySchool: (school: string) => p + 'ix:sch:' + school, // zset, score = n
    itemsByZone: (zone: string) => p + 'ix:zone:' + zone, // zset, score = n
    itemsBySupervisor: (sup: string) => p + 'ix:sup:' + sup, // zset, score = n

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
