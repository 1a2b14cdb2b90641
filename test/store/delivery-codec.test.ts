// A delivery is kept compact (src/store/delivery-codec.ts: V3, its listed values as one byte each;
// V1, deflated against a frozen dictionary, for what V3 cannot hold): it reads back the same, what
// earlier versions wrote (plain JSON, V1, V2) still reads, and what is none of them is skipped,
// not thrown.

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

  it('reads V2 (V1 with an attachment), as the version before wrote it', () => {
    const attachment = Buffer.from([0, 2, 0xde, 0xad, 0xbe, 0xef, 0x7b]);
    const v2 = Buffer.from(
      '0002004643769fa191ae81598891a195a1a995a9a59e99b13109ce2d28cad42d3630a487ab738bd33353748d7c0a2d23b203c30d120d938c928d534c524dd3ccd2cd332c322db3946a010002deadbeef7b',
      'hex',
    );
    expect(decodeDeliveryEntry(v2)).toEqual({ delivery: d, attachment });
    expect(decodeDelivery(v2)).toEqual(d);
    const v1 = Buffer.from(
      '000143769fa191ae81598891a195a1a995a9a59e99b13109ce2d28cad42d3630a487ab738bd33353748d7c0a2d23b203c30d120d938c928d534c524dd3ccd2cd332c322db3946a01',
      'hex',
    );
    expect(decodeDeliveryEntry(v1)).toEqual({ delivery: d });
    expect(decodeDeliveryEntry(v2.subarray(0, 6))).toBeUndefined(); // cut short: skipped
  });
});

describe('delivery codec V3 (what is written now)', () => {
  const summary: Delivery = {
    at: '2026-12-06T21:15:59.633Z',
    cardKind: 'record_summary',
    to: 'sup-wang',
    platform: 'wecom',
    channel: 'wecom-bot response_url',
    outcome: 'sent',
  };

  it('round-trips the deliveries a send leaves, each in under a third of its JSON', () => {
    for (const x of [d, summary]) {
      const e = encodeDelivery(x);
      expect(e.subarray(0, 2)).toEqual(Buffer.from([0, 3]));
      expect(decodeDelivery(e)).toEqual(x);
      expect(e.length).toBeLessThan(JSON.stringify(x).length / 3.5);
    }
  });

  it('a value not in its list (a new channel, card kind) is kept as a string; anything else V3 cannot hold exactly is V1', () => {
    const odd = [
      { ...d, channel: 'wecom 新渠道', cardKind: 'brand_new' },
      { ...d, outcome: 'failed' as const, error: '40001: 不合法的secret参数', messageId: undefined },
      { ...d, messageId: '' },
      { ...d, at: 'not an instant' },
      { ...d, at: '2026-12-06T21:15:59Z' }, // no milliseconds: kept as written
    ];
    for (const x of odd) {
      const e = encodeDelivery(x);
      expect(e[1]).toBe(3);
      expect(decodeDelivery(e)).toEqual(JSON.parse(JSON.stringify(x)));
    }
    for (const x of [
      { ...d, platform: 'feishu' },
      { ...d, extra: 1 },
    ] as unknown as Delivery[]) {
      const e = encodeDelivery(x);
      expect(e[1]).toBe(1);
      expect(decodeDelivery(e)).toEqual(x);
    }
  });

  it('carries an attachment after the delivery; a cut or unknown entry is skipped, not thrown', () => {
    const attachment = Buffer.from([0, 2, 0xde, 0xad, 0xbe, 0xef, 0x7b]);
    const e = encodeDelivery(d, attachment);
    expect(decodeDeliveryEntry(e)).toEqual({ delivery: d, attachment });
    expect(decodeDeliveryEntry(encodeDelivery(d))).toEqual({ delivery: d });
    expect(decodeDeliveryEntry(encodeDelivery(d).subarray(0, 12))).toBeUndefined();
    const unknown = Buffer.from(encodeDelivery(summary));
    unknown[2 + 1 + 6] = 0x7e; // a platform index no version wrote
    expect(decodeDeliveryEntry(unknown)).toBeUndefined();
  });
});
