import type { Card } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish, statusCn, typedCommand, visitKindText } from './format.js';

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
  const of = i.position && i.position.of > 1 ? `（${i.position.n}/${i.position.of}）` : '';
  return finish({
    kind: 'rectification_notice',
    title: `整改通知 ${item.id}${of}`,
    subtitle: `${i.schoolName} · 督学 ${i.supervisorName}`,
    fields: [
      { label: '事项', value: item.text },
      { label: '期限', value: dayCn(item.deadline) },
      { label: '状态', value: statusCn(item.status) },
      { label: '督导', value: `${record.id} ${dayCn(record.date)} ${visitKindText(record)}` },
    ],
    buttons: buttonsFor(item, ACTIONS),
    note: '完成后可附照片作为佐证（回复后10分钟内发送）',
  });
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
  const first = i.items[0]?.id ?? 'ZG-1';
  return finish({
    kind: 'rectification_notice',
    title: `整改通知 · ${i.schoolName}`,
    subtitle: `${dayCn(i.record.date)} ${visitKindText(i.record)} · 督学 ${i.supervisorName}`,
    fields: [{ label: '整改事项', value: `${i.items.length} 项，每项一张卡片，请逐项回复` }],
    entries: i.items.map((it) => ({ id: it.id, text: it.text, meta: `期限 ${dayCn(it.deadline)}` })),
    extraText: [`也可直接回复，如：${typedCommand('ack', first)}`],
  });
}
