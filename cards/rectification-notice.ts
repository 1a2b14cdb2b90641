import type { Card } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { itemId } from '../src/domain/ids.js';
import { buttonsFor, dayCn, finish, statusCn, typedCommand, visitKindText } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

export interface RectificationNoticeInput {
  record: VisitRecord;
  item: Item;
  schoolName: string;
  supervisorName: string;
  /** the item's place among the record's items of this school, when there are several */
  position?: { n: number; of: number };
}

const ACTIONS: CardAction[] = ['ack', 'done', 'extend'];

/**
 * To a school's principal: ONE rectification item with its own buttons 收到 / 已完成整改 /
 * 申请延期. A record with several problems sends one of these per item (after a summary,
 * rectificationSummaryCard), so every item keeps working buttons whatever happens to the others
 * and no card ever needs more buttons than a platform allows (docs/spec/interfaces.md, "Cards act on one
 * item each").
 */
export function rectificationNoticeCard(i: RectificationNoticeInput): Card {
  const { item, record } = i;
  const of = i.position && i.position.of > 1 ? zh.cards.notice.position(i.position.n, i.position.of) : '';
  const card = finish({
    kind: 'rectification_notice',
    title: zh.cards.notice.title(item.id, of),
    subtitle: zh.cards.notice.subtitle(i.schoolName, i.supervisorName),
    fields: [
      { label: zh.cards.labels.item, value: item.text },
      { label: zh.cards.labels.deadline, value: dayCn(item.deadline) },
      { label: zh.cards.labels.status, value: statusCn(item.status) },
      {
        label: zh.cards.notice.recordLabel,
        value: zh.cards.notice.record(record.id, dayCn(record.date), visitKindText(record)),
      },
    ],
    buttons: buttonsFor(item, ACTIONS),
    note: zh.cards.notice.note,
  });
  // everything above comes from the store (the item, its record, school and supervisor): a sent
  // notice's reference keeps this line instead of the card (jobs/remake-card.ts)
  return { ...card, remake: { builder: 'rectification_notice', item: item.id } };
}

export interface RectificationSummaryInput {
  record: VisitRecord;
  /** the school's new items (all of one school), two or more */
  items: Item[];
  schoolName: string;
  supervisorName: string;
}

/**
 * Before the per-item cards of a record with several problems: what the visit found, in one
 * short list. No buttons: each item's own card carries them.
 */
export function rectificationSummaryCard(i: RectificationSummaryInput): Card {
  const first = i.items[0]?.id ?? itemId(1);
  return finish({
    kind: 'rectification_notice',
    title: zh.cards.notice.summaryTitle(i.schoolName),
    subtitle: zh.cards.notice.summarySubtitle(
      dayCn(i.record.date),
      visitKindText(i.record),
      i.supervisorName,
    ),
    fields: [{ label: zh.cards.labels.items, value: zh.cards.notice.summary(i.items.length) }],
    entries: i.items.map((it) => ({ id: it.id, text: it.text, meta: zh.cards.deadline(dayCn(it.deadline)) })),
    extraText: [zh.cards.notice.summaryReply(typedCommand('ack', first))],
  });
}
