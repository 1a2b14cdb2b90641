// How a Delivery is kept on its item (the `<item>:d` list): every send about an item leaves one —
// the supervisor's summary, the principal's summary, the item's own card, each reminder — so a
// record's items hold three each right after it is sent, about 230 B of JSON apiece. Stored as
// two magic bytes and the JSON deflated (raw deflate, RFC 1951) against a preset dictionary of the
// words every delivery repeats: about 80 B. Deliveries written before (plain JSON, `{`) still read.
//
// The dictionary is part of the stored format: NEVER change DICT_V1; another one takes another
// version byte, with this one kept for reading.

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

export function encodeDelivery(d: Delivery): Buffer {
  return Buffer.concat([MAGIC_V1, deflateRawSync(JSON.stringify(d), { dictionary: DICT_V1 })]);
}

/** A stored delivery back; undefined when it is neither format. */
export function decodeDelivery(stored: Buffer): Delivery | undefined {
  try {
    if (stored[0] === 0x7b) return JSON.parse(stored.toString('utf8')) as Delivery; // '{': plain JSON
    if (stored.subarray(0, 2).equals(MAGIC_V1))
      return JSON.parse(
        inflateRawSync(stored.subarray(2), { dictionary: DICT_V1 }).toString('utf8'),
      ) as Delivery;
  } catch {
    /* unreadable: skipped */
  }
  return undefined;
}
