// How a Delivery is kept on its item (a field of the item's hash, or the `<item>:d` list:
// deliveries.ts): every send about an item leaves one —
// the supervisor's summary, the principal's summary, the item's own card, each reminder — so a
// record's items hold three each right after it is sent, about 230 B of JSON apiece.
//
// V3 (written now): the few values a delivery takes from short lists — its platform, channel,
// outcome, card kind — as one byte each, its instant as 6 bytes of milliseconds, the rest (who,
// message id, error) as length-prefixed UTF-8: about 20–30 B. Any value not in the lists, or a
// delivery that would not read back the same, is written as V1 instead. A sent card's reference
// may follow it in the same entry (`attachment`, src/platforms/card-ref-codec.ts).
// V1: two magic bytes and the JSON deflated (raw deflate, RFC 1951) against a preset dictionary of
// the words every delivery repeats: about 65–80 B. V2: V1 with an attachment. Deliveries written
// as plain JSON (`{`) by earlier versions still read; so do V1 and V2.
//
// The dictionary and the V3 lists are part of the stored format: NEVER change them (a reader
// meeting an index it does not know skips the entry). A value not in a list — a new channel, a
// new card kind — is written as a string, which every V3 reader reads. Another format takes
// another version byte, with these kept for reading.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Delivery } from './store.js';
import { isDeepStrictEqual } from 'node:util';

const MAGIC_V1 = Buffer.from([0x00, 0x01]);

/** Frozen: the keys and values deliveries repeat, the most frequent last. */
const DICT_V1 = Buffer.from(
  [
    '"channel":"dingtalk card createAndDeliver","channel":"dingtalk oToMessages/batchSend","channel":"dingtalk sessionWebhook",',
    '"channel":"dingtalk groupMessages/send","channel":"dingtalk robot webhook","channel":"wecom webhook/send","channel":"wecom appchat/send",',
    '"platform":"dingtalk","platform":"sim","channel":"sim stream","outcome":"failed","error":"","outcome":"unreachable",',
    '"cardKind":"reminder","cardKind":"escalation","cardKind":"recheck_request","cardKind":"extension_request","cardKind":"progress_notice",',
    '"cardKind":"record_summary","channel":"wecom-bot response_url",',
    '"channel":"wecom-app message/send markdown",',
    '{"at":"2026-T:.Z","cardKind":"rectification_notice","to":"","platform":"wecom","channel":"wecom-app message/send template_card","outcome":"sent","messageId":""}',
  ].join(''),
  'utf8',
);

/**
 * A delivery with something its sender keeps with it (the card reference of a sent card,
 * src/platforms/card-ref-codec.ts: where it went, to update it later): two magic bytes, the
 * deflated delivery's length (2 bytes, big-endian), the delivery as in V1, then the attachment as
 * given. One entry on the item's list holds both: no second list per item (each Redis key costs
 * about 100 B before its first byte of data).
 */
const MAGIC_V2 = Buffer.from([0x00, 0x02]);

const deflate = (d: Delivery) => deflateRawSync(JSON.stringify(d), { dictionary: DICT_V1 });
const inflate = (b: Buffer) =>
  JSON.parse(inflateRawSync(b, { dictionary: DICT_V1 }).toString('utf8')) as Delivery;

const MAGIC_V3 = Buffer.from([0x00, 0x03]);

/** Frozen lists of V3 (index = the stored byte). A value not listed is stored as a string (0xff). */
const PLATFORMS = ['wecom', 'dingtalk', 'sim'] as const;
const OUTCOMES = ['sent', 'failed', 'unreachable'] as const;
const CHANNELS = [
  'wecom-app message/send template_card',
  'wecom-app message/send markdown',
  'wecom-bot response_url',
  'wecom webhook/send',
  'wecom appchat/send',
  'dingtalk card createAndDeliver',
  'dingtalk oToMessages/batchSend',
  'dingtalk sessionWebhook',
  'dingtalk groupMessages/send',
  'dingtalk robot webhook',
  'sim stream',
  // a failure names the address's channel (src/platforms/outbound.ts Address), unreachable 'none'
  'wecom-app',
  'wecom-bot',
  'wecom-webhook',
  'wecom-appchat',
  'dingtalk-user',
  'dingtalk-session',
  'dingtalk-group',
  'dingtalk-webhook',
  'sim',
  'none',
];
const CARD_KINDS = [
  'record_summary',
  'rectification_notice',
  'progress_notice',
  'recheck_request',
  'extension_request',
  'item_detail',
  'item_list',
  'reminder',
  'escalation',
  'digest',
  'stats',
  'monthly_plan',
  'help',
  'error',
  'info',
];
const OTHER = 0xff;
/** flags: which optional parts follow */
const F_MESSAGE_ID = 1;
const F_ERROR = 2;
const F_CARD_KIND = 4;
const F_AT_STRING = 8; // the instant as written (not a plain ISO instant in ms)

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const KEYS = new Set(['at', 'to', 'platform', 'channel', 'outcome', 'messageId', 'error', 'cardKind']);

function str(out: number[], s: string) {
  const b = Buffer.from(s, 'utf8');
  let n = b.length;
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  for (const x of b) out.push(x);
}

function listed(out: number[], list: readonly string[], v: string) {
  const i = list.indexOf(v);
  if (i >= 0 && i < OTHER) out.push(i);
  else {
    out.push(OTHER);
    str(out, v);
  }
}

function v3(d: Delivery): Buffer | undefined {
  const p = PLATFORMS.indexOf(d.platform);
  const o = OUTCOMES.indexOf(d.outcome);
  if (p < 0 || o < 0 || typeof d.to !== 'string') return undefined;
  const atMs = ISO_MS.test(d.at) ? Date.parse(d.at) : Number.NaN;
  const compactAt = Number.isFinite(atMs) && atMs >= 0 && new Date(atMs).toISOString() === d.at;
  const flags =
    (d.messageId !== undefined ? F_MESSAGE_ID : 0) |
    (d.error !== undefined ? F_ERROR : 0) |
    (d.cardKind !== undefined ? F_CARD_KIND : 0) |
    (compactAt ? 0 : F_AT_STRING);
  const out: number[] = [flags];
  if (compactAt) {
    const b = Buffer.alloc(6);
    b.writeUIntBE(atMs, 0, 6);
    out.push(...b);
  } else str(out, String(d.at));
  out.push(p, o);
  listed(out, CHANNELS, d.channel);
  if (d.cardKind !== undefined) listed(out, CARD_KINDS, d.cardKind);
  str(out, d.to);
  if (d.messageId !== undefined) str(out, d.messageId);
  if (d.error !== undefined) str(out, d.error);
  return Buffer.concat([MAGIC_V3, Buffer.from(out)]);
}

/** A V3 delivery (after its magic) and where it ends; throws on a short or bad one. */
function readV3(b: Buffer): { delivery: Delivery; end: number } {
  let i = 0;
  const byte = () => {
    if (i >= b.length) throw new RangeError('short');
    return b[i++]!;
  };
  const text = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const x = byte();
      n += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) break;
      if (shift > 21) throw new RangeError('length');
    }
    if (i + n > b.length) throw new RangeError('short');
    const s = b.toString('utf8', i, i + n);
    i += n;
    return s;
  };
  const fromList = (list: readonly string[]) => {
    const x = byte();
    if (x === OTHER) return text();
    const v = list[x];
    if (v === undefined) throw new RangeError('unknown');
    return v;
  };
  const flags = byte();
  let at: string;
  if (flags & F_AT_STRING) at = text();
  else {
    if (i + 6 > b.length) throw new RangeError('short');
    at = new Date(b.readUIntBE(i, 6)).toISOString();
    i += 6;
  }
  const platform = PLATFORMS[byte()];
  const outcome = OUTCOMES[byte()];
  if (!platform || !outcome) throw new RangeError('unknown');
  const channel = fromList(CHANNELS);
  const cardKind = flags & F_CARD_KIND ? fromList(CARD_KINDS) : undefined;
  const to = text();
  const d: Delivery = { at, to, platform, channel, outcome };
  if (flags & F_MESSAGE_ID) d.messageId = text();
  if (flags & F_ERROR) d.error = text();
  if (cardKind !== undefined) d.cardKind = cardKind;
  return { delivery: d, end: i };
}

/**
 * A delivery as stored, with an attachment (opaque bytes its sender reads back) when given: V3,
 * or V1/V2 for a delivery V3 cannot hold exactly.
 */
export function encodeDelivery(d: Delivery, attachment?: Buffer): Buffer {
  const att = attachment?.length ? attachment : undefined;
  const plain = JSON.parse(JSON.stringify(d)) as Delivery; // what a reader gets back: no undefined
  const c = Object.keys(plain).every((k) => KEYS.has(k)) ? v3(plain) : undefined;
  if (c && isDeepStrictEqual(readV3(c.subarray(2)).delivery, plain)) return att ? Buffer.concat([c, att]) : c;
  const z = deflate(d);
  if (!att) return Buffer.concat([MAGIC_V1, z]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(z.length);
  return Buffer.concat([MAGIC_V2, len, z, att]);
}

/** A stored delivery and its attachment back; undefined when it is no known format (never thrown). */
export function decodeDeliveryEntry(stored: Buffer): { delivery: Delivery; attachment?: Buffer } | undefined {
  try {
    if (stored[0] === 0x7b) return { delivery: JSON.parse(stored.toString('utf8')) as Delivery }; // '{': plain JSON
    const magic = stored.subarray(0, 2);
    if (magic.equals(MAGIC_V3)) {
      const { delivery, end } = readV3(stored.subarray(2));
      const rest = stored.subarray(2 + end);
      return rest.length ? { delivery, attachment: rest } : { delivery };
    }
    if (magic.equals(MAGIC_V1)) return { delivery: inflate(stored.subarray(2)) };
    if (magic.equals(MAGIC_V2) && stored.length >= 4) {
      const end = 4 + stored.readUInt16BE(2);
      return { delivery: inflate(stored.subarray(4, end)), attachment: stored.subarray(end) };
    }
  } catch {
    /* unreadable: skipped */
  }
  return undefined;
}

/** A stored delivery back; undefined when it is no known format. */
export function decodeDelivery(stored: Buffer): Delivery | undefined {
  return decodeDeliveryEntry(stored)?.delivery;
}
