// How a Delivery is kept on its item (the `<item>:d` list): every send about an item leaves one —
// the supervisor's summary, the principal's summary, the item's own card, each reminder — so a
// record's items hold three each right after it is sent, about 230 B of JSON apiece. Stored as
// two magic bytes and the JSON deflated (raw deflate, RFC 1951) against a preset dictionary of the
// words every delivery repeats: about 80 B. Deliveries written before (plain JSON, `{`) still read.
//
// The dictionary is part of the stored format: NEVER change DICT_V1; another one takes another
// version byte, with this one kept for reading. V2 (below) is V1 with an attachment.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Delivery } from './store.js';

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

/** A delivery as stored; with an attachment (opaque bytes its sender reads back), V2. */
export function encodeDelivery(d: Delivery, attachment?: Buffer): Buffer {
  const z = deflate(d);
  if (!attachment?.length) return Buffer.concat([MAGIC_V1, z]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(z.length);
  return Buffer.concat([MAGIC_V2, len, z, attachment]);
}

/** A stored delivery and its attachment back; undefined when it is no known format (never thrown). */
export function decodeDeliveryEntry(stored: Buffer): { delivery: Delivery; attachment?: Buffer } | undefined {
  try {
    if (stored[0] === 0x7b) return { delivery: JSON.parse(stored.toString('utf8')) as Delivery }; // '{': plain JSON
    const magic = stored.subarray(0, 2);
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
