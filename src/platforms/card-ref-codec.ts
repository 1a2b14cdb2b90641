// How a CardRef (where a sent card went, and the card as first sent) is kept in Redis: it is kept
// on each item the card shows, for 60 days, so it is the largest thing a notice leaves behind —
// about 1.5 KB of JSON for a one-item card, most of it the same words on every card. Stored as
// two magic bytes and the JSON deflated (raw deflate, RFC 1951) against a preset dictionary of
// those words: about 320 B. Refs written before this (plain JSON, starting with `{`) still read.
//
// The dictionary below is part of the stored format: NEVER change DICT_V1. Another dictionary
// means another version byte (MAGIC_V2 …), with this one kept for reading.
//
// V3 (written now for a card its builder can make again from the store, Card.remake): no card at
// all, only which builder and item, and the platform's ids the update call needs — about 30–45 B
// where V2 took about 300. The card is made again when it is updated (jobs/remake-card.ts), so it
// shows the item as it is then. Any other card, or ids not in the shapes V3 holds, is V2.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CardRemake } from '../domain/card.js';
import { itemId, itemNumber } from '../domain/ids.js';
import type { CardRef } from './outbound.js';

const MAGIC_V1 = Buffer.from([0x00, 0x01]);

/** Words and keys most card refs hold, most frequent last (deflate reaches the end best). Frozen. */
const DICT_V1 = Buffer.from(
  [
    '{"label":"退回","action":"reject","item":"ZG-","style":"danger","input":{"label":"退回原因（必填）","example":"照片不清楚，请补充整改后的照片"}}',
    '{"label":"验收通过","action":"pass","item":"ZG-","style":"primary"}',
    '{"label":"同意延期","action":"approve_ext","item":"ZG-","style":"primary"},{"label":"不同意","action":"refuse_ext","item":"ZG-"}',
    '"kind":"recheck_request","title":"待验收 ZG-","kind":"extension_request","title":"延期申请 ZG-","kind":"progress_notice","title":"',
    '"platform":"dingtalk","outTrackId":"dd","platform":"sim","conversation":"","cardId":"sim-',
    '已完成 进行中 待验收 已销号 逾期 已退回 整改情况说明 佐证照片',
    '经常性督导 挂牌督导 随机督导 综合督导 回头看 专项督导（双减）专项督导（五项管理）',
    '周一 周二 周三 周四 周五 周六 周日 1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月',
    '"text":"【整改通知 ZG-】\\n · 督学 \\n事项：\\n期限：\\n状态：待整改\\n督导：DD-\\n注：完成后可附照片作为佐证（回复后10分钟内发送）\\n可直接回复：\\n  收到 ZG-\\n  整改完成 ZG- 整改情况说明\\n  申请延期 ZG- 至 ',
    '{"platform":"wecom","taskId":"dd-","userIds":["","responseCode":"","sentAt":"2026-T:.Z","card":{"kind":"rectification_notice","title":"整改通知 ZG-（/）",',
    '"fields":[{"label":"事项","value":""},{"label":"期限","value":"月日 周"},{"label":"状态","value":"待整改"},{"label":"督导","value":"DD- 月日 周 专项督导（）"}],"entries":[],',
    '"buttons":[{"label":"收到","action":"ack","item":"ZG-"},{"label":"已完成整改","action":"done","item":"ZG-","style":"primary"},',
    '{"label":"申请延期","action":"extend","item":"ZG-","input":{"label":"延期到哪天？原因？（必填）","example":"月日 原因：…"}}],',
    '"subtitle":" · 督学 ","note":"完成后可附照片作为佐证（回复后10分钟内发送）"}}',
  ].join(''),
  'utf8',
);

/**
 * V2: a ref kept WITH the delivery of its send (src/store/delivery-codec.ts V2, on the item's
 * deliveries list), which already holds its platform and instant: those two are left out and
 * given back by the reader. The card's plain-text fallback may be left out too, by the writer
 * (jobs/outbound.ts: when it is what the card's other parts make, cards/format.ts finish), and is
 * then put back by it. Deflated against DICT_V2: DICT_V1's words without those three. Frozen.
 */
const MAGIC_V2 = Buffer.from([0x00, 0x02]);

const DICT_V2 = Buffer.from(
  [
    '{"label":"退回","action":"reject","item":"ZG-","style":"danger","input":{"label":"退回原因（必填）","example":"照片不清楚，请补充整改后的照片"}}',
    '{"label":"验收通过","action":"pass","item":"ZG-","style":"primary"}',
    '{"label":"同意延期","action":"approve_ext","item":"ZG-","style":"primary"},{"label":"不同意","action":"refuse_ext","item":"ZG-"}',
    '"kind":"recheck_request","title":"待验收 ZG-","kind":"extension_request","title":"延期申请 ZG-","kind":"progress_notice","title":"',
    '{"outTrackId":"dd","card":{"conversation":"","cardId":"sim-","card":{',
    '已完成 进行中 待验收 已销号 逾期 已退回 整改情况说明 佐证照片',
    '经常性督导 挂牌督导 随机督导 综合督导 回头看 专项督导（双减）专项督导（五项管理）',
    '周一 周二 周三 周四 周五 周六 周日 1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月',
    '{"taskId":"dd-","userIds":["","responseCode":"","card":{"kind":"rectification_notice","title":"整改通知 ZG-（/）",',
    '"fields":[{"label":"事项","value":""},{"label":"期限","value":"月日 周"},{"label":"状态","value":"待整改"},{"label":"督导","value":"DD- 月日 周 专项督导（）"}],"entries":[],',
    '"buttons":[{"label":"收到","action":"ack","item":"ZG-"},{"label":"已完成整改","action":"done","item":"ZG-","style":"primary"},',
    '{"label":"申请延期","action":"extend","item":"ZG-","input":{"label":"延期到哪天？原因？（必填）","example":"月日 原因：…"}}],',
    '"subtitle":" · 督学 ","note":"完成后可附照片作为佐证（回复后10分钟内发送）"}}',
  ].join(''),
  'utf8',
);

/** A card whose plain-text fallback may have been left out by its writer (V2). */
export type StoredCardRef = CardRef extends infer R
  ? R extends { card: unknown }
    ? Omit<R, 'card'> & { card: Omit<R['card'], 'text'> & { text?: string } }
    : never
  : never;

/** V2: `ref` without its platform and instant (the delivery it is kept with holds them). */
export function encodeCardRefV2(ref: StoredCardRef): Buffer {
  const { platform: _p, sentAt: _s, ...rest } = ref;
  return Buffer.concat([MAGIC_V2, deflateRawSync(JSON.stringify(rest), { dictionary: DICT_V2 })]);
}

export function encodeCardRef(ref: CardRef): Buffer {
  return Buffer.concat([MAGIC_V1, deflateRawSync(JSON.stringify(ref), { dictionary: DICT_V1 })]);
}

/**
 * A stored ref back; undefined when it is no known format (never thrown: one bad entry skips one
 * card). `sent`: the platform and instant of the delivery a V2 ref was kept with. The card's
 * `text` may be missing (V2): the reader puts it back.
 */
export function decodeCardRef(
  stored: Buffer,
  sent?: { platform: CardRef['platform']; sentAt: string },
): StoredCardRef | undefined {
  try {
    if (stored[0] === 0x7b) return JSON.parse(stored.toString('utf8')) as CardRef; // '{': plain JSON
    const magic = stored.subarray(0, 2);
    if (magic.equals(MAGIC_V1))
      return JSON.parse(
        inflateRawSync(stored.subarray(2), { dictionary: DICT_V1 }).toString('utf8'),
      ) as CardRef;
    if (magic.equals(MAGIC_V2) && sent) {
      const rest = JSON.parse(inflateRawSync(stored.subarray(2), { dictionary: DICT_V2 }).toString('utf8'));
      return { platform: sent.platform, ...rest, sentAt: sent.sentAt } as StoredCardRef;
    }
  } catch {
    /* unreadable: skipped */
  }
  return undefined;
}

/** A ref's platform ids and instant: a CardRef without its card. */
export type CardRefIds = CardRef extends infer R
  ? R extends { card: unknown }
    ? Omit<R, 'card'>
    : never
  : never;

/** A V3 ref: the card is made again from the store (jobs/remake-card.ts) when it is updated. */
export type RemakeCardRef = CardRefIds & { remake: CardRemake };

/**
 * V3: two magic bytes, the builder (index in BUILDERS_V3), the item's number (LEB128), then per
 * platform (the platform and instant are the delivery's, as in V2):
 * - wecom: task_id `dd-` + 40 hex as 20 bytes, the userIds (a count byte, each length-prefixed),
 *   the send's response_code as the rest (absent: nothing left) — what update_template_card takes
 *   besides the card: userids, response_code (https://developer.work.weixin.qq.com/document/path/94888);
 * - dingtalk: outTrackId `dd` + 40 hex as 20 bytes — the card instance PUT /v1.0/card/instances
 *   updates (https://open.dingtalk.com/document/orgapp/interactive-card-update-interface);
 * - sim: the card id `sim-` + 24 hex as 12 bytes, the conversation as the rest.
 */
const MAGIC_V3 = Buffer.from([0x00, 0x03]);
/** Frozen: the stored byte is the index. A new builder is appended, never inserted. */
const BUILDERS_V3: readonly CardRemake['builder'][] = ['rectification_notice'];

const WECOM_TASK = /^dd-([0-9a-f]{40})$/;
const DINGTALK_TRACK = /^dd([0-9a-f]{40})$/;
const SIM_CARD = /^sim-([0-9a-f]{24})$/;

function varint(out: number[], n: number) {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function text(out: number[], s: string) {
  const b = Buffer.from(s, 'utf8');
  varint(out, b.length);
  out.push(...b);
}

/** V3 of `ref`; undefined when it does not fit V3's shapes (then V2 keeps the card). */
export function encodeCardRefV3(ref: RemakeCardRef): Buffer | undefined {
  const b = BUILDERS_V3.indexOf(ref.remake.builder);
  const n = itemNumber(ref.remake.item);
  if (b < 0 || n === undefined || itemId(n) !== ref.remake.item) return undefined;
  const out: number[] = [b];
  varint(out, n);
  let rest: Buffer;
  switch (ref.platform) {
    case 'wecom': {
      const t = WECOM_TASK.exec(ref.taskId);
      if (!t || ref.userIds.length > 255 || ref.responseCode === '') return undefined;
      out.push(...Buffer.from(t[1]!, 'hex'), ref.userIds.length);
      for (const u of ref.userIds) text(out, u);
      rest = Buffer.from(ref.responseCode ?? '', 'utf8');
      break;
    }
    case 'dingtalk': {
      const t = DINGTALK_TRACK.exec(ref.outTrackId);
      if (!t) return undefined;
      out.push(...Buffer.from(t[1]!, 'hex'));
      rest = Buffer.alloc(0);
      break;
    }
    case 'sim': {
      const t = SIM_CARD.exec(ref.cardId);
      if (!t) return undefined;
      out.push(...Buffer.from(t[1]!, 'hex'));
      rest = Buffer.from(ref.conversation, 'utf8');
      break;
    }
  }
  const stored = Buffer.concat([MAGIC_V3, Buffer.from(out), rest]);
  const back = decodeRemakeRef(stored, { platform: ref.platform, sentAt: ref.sentAt });
  return back && JSON.stringify(back) === JSON.stringify(canonical(ref)) ? stored : undefined;
}

/** `ref` with its keys in the order the reader gives them back, and only those. */
function canonical(ref: RemakeCardRef): RemakeCardRef {
  switch (ref.platform) {
    case 'wecom':
      return {
        platform: 'wecom',
        taskId: ref.taskId,
        userIds: ref.userIds,
        ...(ref.responseCode !== undefined ? { responseCode: ref.responseCode } : {}),
        sentAt: ref.sentAt,
        remake: { builder: ref.remake.builder, item: ref.remake.item },
      };
    case 'dingtalk':
      return {
        platform: 'dingtalk',
        outTrackId: ref.outTrackId,
        sentAt: ref.sentAt,
        remake: { builder: ref.remake.builder, item: ref.remake.item },
      };
    case 'sim':
      return {
        platform: 'sim',
        conversation: ref.conversation,
        cardId: ref.cardId,
        sentAt: ref.sentAt,
        remake: { builder: ref.remake.builder, item: ref.remake.item },
      };
  }
}

/**
 * A V3 ref back, with the platform and instant of the delivery it was kept with; undefined when
 * it is no V3 ref or unreadable (never thrown).
 */
export function decodeRemakeRef(
  stored: Buffer,
  sent: { platform: CardRef['platform']; sentAt: string },
): RemakeCardRef | undefined {
  if (stored.length < 3 || !stored.subarray(0, 2).equals(MAGIC_V3)) return undefined;
  let i = 2;
  const byte = () => {
    if (i >= stored.length) throw new RangeError('short');
    return stored[i++]!;
  };
  const num = () => {
    let n = 0;
    for (let mul = 1; ; mul *= 0x80) {
      const x = byte();
      n += (x & 0x7f) * mul;
      if (x < 0x80) return n;
      if (mul > 2 ** 42) throw new RangeError('long');
    }
  };
  const bytes = (len: number) => {
    if (i + len > stored.length) throw new RangeError('short');
    const b = stored.subarray(i, i + len);
    i += len;
    return b;
  };
  try {
    const builder = BUILDERS_V3[byte()];
    if (!builder) return undefined;
    const remake: CardRemake = { builder, item: itemId(num()) };
    const { sentAt } = sent;
    switch (sent.platform) {
      case 'wecom': {
        const taskId = `dd-${bytes(20).toString('hex')}`;
        const count = byte();
        const userIds: string[] = [];
        for (let k = 0; k < count; k++) userIds.push(bytes(num()).toString('utf8'));
        const code = stored.subarray(i).toString('utf8');
        return {
          platform: 'wecom',
          taskId,
          userIds,
          ...(code ? { responseCode: code } : {}),
          sentAt,
          remake,
        };
      }
      case 'dingtalk': {
        const outTrackId = `dd${bytes(20).toString('hex')}`;
        return i === stored.length ? { platform: 'dingtalk', outTrackId, sentAt, remake } : undefined;
      }
      case 'sim': {
        const cardId = `sim-${bytes(12).toString('hex')}`;
        return { platform: 'sim', conversation: stored.subarray(i).toString('utf8'), cardId, sentAt, remake };
      }
    }
  } catch {
    /* unreadable: skipped */
  }
  return undefined;
}
