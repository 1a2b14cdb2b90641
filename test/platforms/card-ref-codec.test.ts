// Where a card went, and the card as first sent, is kept on each of its items deflated against a
// frozen dictionary (src/platforms/card-ref-codec.ts): it reads back the same on every platform,
// a ref stored as plain JSON by an earlier version still reads, and what is neither is skipped.

import { describe, expect, it } from 'vitest';
import {
  decodeCardRef,
  decodeRemakeRef,
  encodeCardRef,
  encodeCardRefV2,
  encodeCardRefV3,
  type RemakeCardRef,
} from '../../src/platforms/card-ref-codec.js';
import { applyCardUpdates, withText, withoutText } from '../../cards/card-update.js';
import { recheckCard as handMadeCard } from './sample-cards.js';
import { progressNoticeCard } from '../../cards/index.js';
import type { Card } from '../../src/domain/card.js';
import type { CardUpdate } from '../../src/domain/reply.js';
import type { CardRef } from '../../src/platforms/outbound.js';
import { rectificationNoticeCard } from '../../cards/rectification-notice.js';
import type { Item, VisitRecord } from '../../src/domain/records.js';

const item = {
  id: 'ZG-12345',
  text: '课后服务学生签到表缺2月数据，记录不完整',
  deadline: '2026-12-11',
  status: 'open',
} as Item;
const record = {
  id: 'DD-2469',
  date: '2026-12-06',
  kind: '专项督导',
  topic: '双减',
} as unknown as VisitRecord;
const card = rectificationNoticeCard({
  item,
  record,
  schoolName: '龙水第2中心小学',
  supervisorName: '王建国',
  position: { n: 2, of: 5 },
});
const sentAt = '2026-12-06T21:15:59.633Z';
const refs: CardRef[] = [
  {
    platform: 'wecom',
    taskId: `dd-${'a1b2c3d4e5'.repeat(4)}`,
    userIds: ['lixz01'],
    responseCode: 'RC-x9Y8z7',
    sentAt,
    card,
  },
  { platform: 'dingtalk', outTrackId: `dd${'0f'.repeat(20)}`, sentAt, card },
  { platform: 'sim', conversation: 'sim:p:pri-s01', cardId: 'sim-0123456789abcdef01234567', sentAt, card },
];

describe('card ref codec', () => {
  it('round-trips every platform’s ref, a notice card in well under half its JSON', () => {
    for (const r of refs) expect(decodeCardRef(encodeCardRef(r))).toEqual(r);
    expect(encodeCardRef(refs[0]!).length).toBeLessThan(JSON.stringify(refs[0]).length / 3);
  });

  it('reads a ref stored as plain JSON, and skips what is neither', () => {
    expect(decodeCardRef(Buffer.from(JSON.stringify(refs[1])))).toEqual(refs[1]);
    expect(decodeCardRef(Buffer.from([0, 1, 1, 2, 3]))).toBeUndefined();
    expect(decodeCardRef(Buffer.from('not a ref'))).toBeUndefined();
  });
});

describe('card ref codec V2 (kept with its delivery)', () => {
  /** what jobs/outbound.ts keeps, and what it reads back */
  const keep = (r: CardRef) => encodeCardRefV2({ ...r, card: withoutText(r.card) });
  const read = (b: Buffer, r: CardRef) => {
    const got = decodeCardRef(b, { platform: r.platform, sentAt: r.sentAt });
    return got && { ...got, card: withText(got.card) };
  };

  it('round-trips every platform’s ref, its platform and instant given back by the delivery', () => {
    for (const r of refs) expect(read(keep(r), r)).toEqual(r);
    // without them (a V2 ref outside its delivery) it is not read
    expect(decodeCardRef(keep(refs[0]!))).toBeUndefined();
  });

  it('leaves out the fallback text only when finish() makes it again; a hand-made one is kept', () => {
    expect(withoutText(card)).not.toHaveProperty('text');
    expect(withoutText(handMadeCard)).toHaveProperty('text', handMadeCard.text);
    const hand: CardRef = { ...refs[1]!, card: handMadeCard };
    expect(read(keep(hand), hand)).toEqual(hand);
  });

  it('a notice card’s ref in well under what V1 took', () => {
    expect(keep(refs[0]!).length).toBeLessThan(encodeCardRef(refs[0]!).length - 50);
  });

  it('every update redraws the same card from the kept ref as from the card as sent', () => {
    const recheck = progressNoticeCard({
      item: { ...item, status: 'submitted' } as Item,
      action: 'done',
      schoolName: '龙水第2中心小学',
      actorName: '李校长',
      note: '已更换公示栏',
      today: '2026-12-07',
    });
    const updates: CardUpdate[][] = [
      [
        {
          item: item.id,
          outcome: '李校长 已收到',
          state: { status: 'in_progress', deadline: item.deadline, extensionPending: false, version: 2 },
        },
      ],
      [
        {
          item: item.id,
          outcome: '退回',
          fields: [{ label: '退回原因', value: '照片不清楚' }],
          state: { status: 'open', deadline: item.deadline, extensionPending: false, version: 5 },
        },
      ],
      [
        {
          item: item.id,
          outcome: '已销号',
          state: { status: 'closed', deadline: item.deadline, extensionPending: false, version: 9 },
        },
      ],
      [{ item: item.id, outcome: '无状态' }],
      [{ item: 'ZG-1', outcome: '别的事项' }],
    ];
    for (const c of [card, recheck, handMadeCard] as Card[]) {
      const r: CardRef = { ...refs[0]!, card: c };
      const kept = read(keep(r), r)!;
      for (const u of updates) expect(applyCardUpdates(kept.card, u)).toEqual(applyCardUpdates(c, u));
    }
  });
});

describe('card ref codec V3 (the card made again from the store)', () => {
  const remake = { builder: 'rectification_notice' as const, item: item.id };
  const ids = refs.map(({ card: _c, ...r }) => ({ ...r, remake }) as RemakeCardRef);
  const sent = (r: RemakeCardRef) => ({ platform: r.platform, sentAt: r.sentAt });

  it('round-trips every platform’s ids and which card, in under 50 B where V2 took over 200', () => {
    expect(card.remake).toEqual(remake); // the builder says how to make it again
    for (const r of ids) {
      const b = encodeCardRefV3(r)!;
      expect(decodeRemakeRef(b, sent(r))).toEqual(r);
      expect(b.length).toBeLessThan(50);
      // V3 is no V1/V2 ref, and V1/V2 is no V3
      expect(decodeCardRef(b, sent(r))).toBeUndefined();
    }
    const v2 = encodeCardRefV2({ ...refs[0]!, card: withoutText(card) });
    expect(v2.length).toBeGreaterThan(200);
    expect(decodeRemakeRef(v2, sent(ids[0]!))).toBeUndefined();
  });

  it('a WeCom ref without a response_code, or with several members, reads back the same', () => {
    const w = ids[0] as Extract<RemakeCardRef, { platform: 'wecom' }>;
    const { responseCode: _rc, ...noCode } = w;
    for (const r of [noCode, { ...w, userIds: ['a', '李明', 'c'] }] as RemakeCardRef[])
      expect(decodeRemakeRef(encodeCardRefV3(r)!, sent(r))).toEqual(r);
  });

  it('ids V3 cannot hold exactly are left to V2 (undefined), never stored changed', () => {
    const w = ids[0] as Extract<RemakeCardRef, { platform: 'wecom' }>;
    for (const r of [
      { ...w, taskId: 'task-1' },
      { ...w, taskId: `dd-${'A1'.repeat(20)}` }, // upper case would come back lower
      { ...w, responseCode: '' },
      { ...w, remake: { ...remake, item: 'ZG-007' } },
      { ...ids[1]!, outTrackId: 'track-1' },
      { ...ids[2]!, cardId: 'sim-1' },
    ] as RemakeCardRef[])
      expect(encodeCardRefV3(r)).toBeUndefined();
  });

  it('a short or garbled V3 ref is skipped, never thrown', () => {
    const b = encodeCardRefV3(ids[0]!)!;
    for (let n = 2; n < 24; n++) expect(decodeRemakeRef(b.subarray(0, n), sent(ids[0]!))).toBeUndefined();
    expect(decodeRemakeRef(Buffer.from([0, 3, 0xfe, 1]), sent(ids[0]!))).toBeUndefined(); // unknown builder
  });
});
