// A delivery is kept deflated against a frozen dictionary (src/store/delivery-codec.ts): it reads
// back the same, a delivery stored as plain JSON by an earlier version still reads, and what is
// neither is skipped, not thrown.

import { describe, expect, it } from 'vitest';
import { decodeDelivery, decodeDeliveryEntry, encodeDelivery } from '../../src/store/delivery-codec.js';
import type { Delivery } from '../../src/store/store.js';

const d: Delivery = {
  at: '2026-12-06T21:15:59.633Z',
  cardKind: 'rectification_notice',
  to: 'pri-s01',
  platform: 'wecom',
  channel: 'wecom-app message/send template_card',
  outcome: 'sent',
  messageId: 'msgid-2Lq9XkQW0a1b2c3d4e5f6g7h8i9j',
};

describe('delivery codec', () => {
  it('round-trips every kind of delivery, in far fewer bytes than its JSON', () => {
    const failed: Delivery = {
      ...d,
      outcome: 'failed',
      error: '40001: 不合法的secret参数，中文也行',
      platform: 'dingtalk',
      channel: 'dingtalk oToMessages/batchSend',
    };
    for (const x of [
      d,
      failed,
      { ...d, outcome: 'unreachable' as const, channel: 'none', messageId: undefined },
    ]) {
      const e = encodeDelivery(x);
      expect(decodeDelivery(e)).toEqual(JSON.parse(JSON.stringify(x)));
    }
    expect(encodeDelivery(d).length).toBeLessThan(JSON.stringify(d).length / 2);
  });

  it('reads a delivery stored as plain JSON, and skips what is neither', () => {
    expect(decodeDelivery(Buffer.from(JSON.stringify(d)))).toEqual(d);
    expect(decodeDelivery(Buffer.from([0, 1, 0xff, 0xfe]))).toBeUndefined();
    expect(decodeDelivery(Buffer.from('garbage'))).toBeUndefined();
  });

  it('V2: a delivery with an attachment (a card reference) reads back both; the delivery alone reads too', () => {
    const attachment = Buffer.from([0, 2, 0xde, 0xad, 0xbe, 0xef, 0x7b]);
    const e = encodeDelivery(d, attachment);
    expect(decodeDeliveryEntry(e)).toEqual({ delivery: d, attachment });
    expect(decodeDelivery(e)).toEqual(d);
    // no attachment: V1, as before
    expect(encodeDelivery(d, Buffer.alloc(0))).toEqual(encodeDelivery(d));
    expect(decodeDeliveryEntry(encodeDelivery(d))).toEqual({ delivery: d });
    // cut short: skipped, not thrown
    expect(decodeDeliveryEntry(e.subarray(0, 6))).toBeUndefined();
  });
});
