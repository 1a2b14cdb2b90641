import type { Card } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish, typedCommand, visitKindText } from './format.js';

export interface RectificationNoticeInput {
  record: VisitRecord;
  /** the school's new items (all of one school) */
  items: Item[];
  schoolName: string;
  supervisorName: string;
}

const ACTIONS: CardAction[] = ['ack', 'done', 'extend'];

/**
 * To a school's principal: the new rectification items of one visit, each with its deadline, and
 * the buttons 收到 / 已完成整改 / 申请延期 (per item when there are several).
 */
export function rectificationNoticeCard(i: RectificationNoticeInput): Card {
  const several = i.items.length > 1;
  const first = i.items[0]?.id ?? 'ZG-1';
  return finish({
    kind: 'rectification_notice',
    title: `整改通知 · ${i.schoolName}`,
    subtitle: `${dayCn(i.record.date)} ${visitKindText(i.record)} · 督学 ${i.supervisorName}`,
    fields: [{ label: '整改事项', value: `${i.items.length} 项，请按期整改并回复` }],
    entries: i.items.map((it) => ({ id: it.id, text: it.text, meta: `期限 ${dayCn(it.deadline)}` })),
    buttons: i.items.flatMap((it) => buttonsFor(it.id, ACTIONS, several)),
    note: '完成后可附照片作为佐证（回复后10分钟内发送）',
    extraText: several ? [`回复时请写明事项编号，如：${typedCommand('ack', first)}`] : [],
  });
}
