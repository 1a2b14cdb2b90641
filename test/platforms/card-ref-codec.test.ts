// Where a card went, and the card as first sent, is kept on each of its items deflated against a
// frozen dictionary (src/platforms/card-ref-codec.ts): it reads back the same on every platform,
// a ref stored as plain JSON by an earlier version still reads, and what is neither is skipped.

import { describe, expect, it } from 'vitest';
import { decodeCardRef, encodeCardRef } from '../../src/platforms/card-ref-codec.js';
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
