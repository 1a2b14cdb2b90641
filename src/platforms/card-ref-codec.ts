// How a CardRef (where a sent card went, and the card as first sent) is kept in Redis: it is kept
// on each item the card shows, for 60 days, so it is the largest thing a notice leaves behind —
// about 1.5 KB of JSON for a one-item card, most of it the same words on every card. Stored as
// two magic bytes and the JSON deflated (raw deflate, RFC 1951) against a preset dictionary of
// those words: about 320 B. Refs written before this (plain JSON, starting with `{`) still read.
//
// The dictionary below is part of the stored format: NEVER change DICT_V1. Another dictionary
// means another version byte (MAGIC_V2 …), with this one kept for reading.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
