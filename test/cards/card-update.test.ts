import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCardUpdates, cardUpdateOf } from '../../cards/card-update.js';
import { rectificationNoticeCard } from '../../cards/rectification-notice.js';
import { buttonsFor, finish } from '../../cards/format.js';
import type { Card } from '../../src/domain/card.js';
import type { CardUpdate } from '../../src/domain/reply.js';
import type { Item } from '../../src/domain/records.js';
import { item, record } from './fixtures.js';

const notice = rectificationNoticeCard({
  record,
  item: item(),
  schoolName: '龙泉小学',
  supervisorName: '王建国',
});
const field = (c: Card, label: string) => c.fields.find((f) => f.label === label)?.value;
const actions = (c: Card) => c.buttons.map((b) => `${b.action}:${b.item}`);

describe('a card brought up to date after its item moved on', () => {
  it('after 已完成整改: 待验收 with the time, nothing left to press', () => {
    const u = cardUpdateOf(
      item({ status: 'submitted' }),
      2,
      '李校长 报告已完成整改，待验收（3月18日 10:20）',
    );
    const c = applyCardUpdates(notice, [u]);
    expect(field(c, '状态')).toBe('待验收');
    expect(c.outcome).toBe('李校长 报告已完成整改，待验收（3月18日 10:20）');
    expect(c.buttons).toEqual([]);
    expect(c.statusWord).toBe('待验收');
    expect(c.text).toContain('待验收（3月18日 10:20）');
    expect(c.text).not.toContain('可直接回复');
  });

  it('after 收到: 整改中, 已完成整改 and 申请延期 keep working, 收到 is gone', () => {
    const c = applyCardUpdates(notice, [
      cardUpdateOf(item({ status: 'in_progress' }), 1, '李校长 已确认收到（…）'),
    ]);
    expect(field(c, '状态')).toBe('整改中');
    expect(actions(c)).toEqual(['done:ZG-21', 'extend:ZG-21']);
    expect(c.statusWord).toBeUndefined();
  });

  it('after 验收通过: 已销号', () => {
    const c = applyCardUpdates(notice, [
      cardUpdateOf(item({ status: 'submitted' }), 2, '…'),
      cardUpdateOf(item({ status: 'closed' }), 3, '王督学 验收通过，已销号（3月19日 09:00）'),
    ]);
    expect(field(c, '状态')).toBe('已销号');
    expect(c.statusWord).toBe('已销号');
    expect(c.buttons).toEqual([]);
  });

  it('after 退回: the reason and the deadline, and the buttons to answer again', () => {
    const u = cardUpdateOf(
      item({ status: 'open', deadline: '2021-03-29' }),
      3,
      '王督学 已退回（3月19日 09:00）',
      [{ label: '退回原因', value: '照片不清楚' }],
    );
    const c = applyCardUpdates(notice, [u]);
    expect(field(c, '状态')).toBe('待整改');
    expect(field(c, '退回原因')).toBe('照片不清楚');
    expect(field(c, '期限')).toBe('3月29日 周一');
    expect(actions(c)).toEqual(['done:ZG-21', 'extend:ZG-21']);
  });

  it('after an extension is approved: the new deadline; while one is pending no second request', () => {
    const pending = item({ extension: { until: '2021-04-10', by: 'pri-s01', at: '…' } });
    expect(actions(applyCardUpdates(notice, [cardUpdateOf(pending, 1, '申请延期…')]))).toEqual([
      'done:ZG-21',
    ]);
    const c = applyCardUpdates(notice, [
      cardUpdateOf(item({ deadline: '2021-04-10' }), 2, '王督学 已同意延期至 4月10日'),
    ]);
    expect(field(c, '期限')).toBe('4月10日 周六');
    expect(actions(c)).toEqual(['done:ZG-21', 'extend:ZG-21']);
  });

  it('keeps what the update is not about: the title, the note, a link', () => {
    const linked = { ...notice, link: { label: '看板', url: 'https://example.org/board/login?t=x' } };
    const c = applyCardUpdates(linked, [cardUpdateOf(item({ status: 'in_progress' }), 1, '收到')]);
    expect(c).toMatchObject({ title: notice.title, note: notice.note, link: linked.link });
  });

  it('the newest state wins whatever order the updates come in', () => {
    const older = cardUpdateOf(item({ status: 'in_progress' }), 1, 'ack');
    const newer = cardUpdateOf(item({ status: 'submitted' }), 2, 'done');
    expect(applyCardUpdates(notice, [newer, older]).outcome).toBe('done');
    expect(applyCardUpdates(notice, [older, newer]).outcome).toBe('done');
  });
});

/** A notice as cards were sent before every item had its own: two items' buttons on one card. */
const shared = finish({
  kind: 'rectification_notice',
  title: '整改通知 · 龙泉小学',
  entries: [
    { id: 'ZG-5', text: '门卫登记不全', meta: '期限 3月22日 周一' },
    { id: 'ZG-6', text: '食堂留样不全', meta: '期限 3月31日 周三' },
  ],
  buttons: [
    ...buttonsFor('ZG-5', ['ack', 'done', 'extend']),
    ...buttonsFor('ZG-6', ['ack', 'done', 'extend']),
  ],
});

describe('a card acting on several items (sent before per-item cards)', () => {
  it('an action on ZG-5 keeps ZG-6’s buttons and shows nothing closed about it', () => {
    const done5 = { ...cardUpdateOf(item({ id: 'ZG-5', status: 'submitted' }), 2, '李校长 报告已完成整改') };
    const close5 = cardUpdateOf(item({ id: 'ZG-5', status: 'closed' }), 3, '张丽华 验收通过，已销号');
    const c = applyCardUpdates(shared, [done5, close5]);
    expect(actions(c)).toEqual(['ack:ZG-6', 'done:ZG-6', 'extend:ZG-6']);
    expect(c.entries[1]).toEqual(shared.entries[1]);
    expect(c.entries[0]!.meta).toContain('已销号');
    expect(c.outcome).toBeUndefined(); // the card-wide line would read as if it were about ZG-6 too
    expect(c.statusWord).toBeUndefined();
  });

  it('updates about both items never undo each other', () => {
    const a = cardUpdateOf(item({ id: 'ZG-5', status: 'submitted' }), 2, 'ZG-5 done');
    const b = cardUpdateOf(item({ id: 'ZG-6', status: 'in_progress' }), 1, 'ZG-6 ack');
    const c = applyCardUpdates(shared, [a, b]);
    expect(actions(c)).toEqual(['done:ZG-6', 'extend:ZG-6']);
  });

  it('property: whatever happens to some items, the others keep exactly their buttons and entries', () => {
    const ids = ['ZG-1', 'ZG-2', 'ZG-3'];
    const card = finish({
      kind: 'item_list',
      title: 't',
      entries: ids.map((id) => ({ id, text: id })),
      buttons: ids.flatMap((id) => buttonsFor(id, ['done', 'extend'])),
    });
    const status = fc.constantFrom('open', 'in_progress', 'submitted', 'closed') as fc.Arbitrary<
      Item['status']
    >;
    const update = fc
      .record({ id: fc.constantFrom(...ids), status, v: fc.nat(20), pending: fc.boolean() })
      .map(
        ({ id, status: st, v, pending }): CardUpdate =>
          cardUpdateOf(
            item({
              id,
              status: st,
              extension: pending ? { until: '2021-04-01', by: 'x', at: 'y' } : undefined,
            }),
            v,
            `${id} moved`,
          ),
      );
    fc.assert(
      fc.property(fc.array(update, { maxLength: 8 }), (us) => {
        const c = applyCardUpdates(card, us);
        const touched = new Set(us.map((u) => u.item));
        for (const id of ids) {
          if (touched.has(id)) continue;
          expect(c.buttons.filter((b) => b.item === id)).toEqual(card.buttons.filter((b) => b.item === id));
          expect(c.entries.find((e) => e.id === id)).toEqual(card.entries.find((e) => e.id === id));
        }
      }),
    );
  });
});
