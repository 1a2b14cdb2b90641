import type { Card } from '../src/domain/card.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { clip, dayCn, finish, itemEntry, visitKindText } from './format.js';

export interface RecordDetailInput {
  record: VisitRecord;
  items: Item[];
  schoolName: string;
  supervisorName: string;
  today: string;
}

/** 查询 DD-7: one visit record with its items in their current state. */
export function recordDetailCard(i: RecordDetailInput): Card {
  const { record } = i;
  const fields = [
    { label: '学校', value: i.schoolName },
    { label: '日期', value: dayCn(record.date) },
    { label: '类型', value: visitKindText(record) },
    { label: '督学', value: i.supervisorName },
  ];
  if (record.findings) fields.push({ label: '情况', value: clip(record.findings, 120) });
  if (record.highlights) fields.push({ label: '亮点', value: clip(record.highlights, 120) });
  if (record.remark) fields.push({ label: '备注', value: clip(record.remark, 120) });
  fields.push({ label: '整改事项', value: i.items.length ? `${i.items.length} 项` : '无' });
  return finish({
    kind: 'item_list',
    title: `督导记录 ${record.id}`,
    fields,
    entries: i.items.map((it) => itemEntry(it, { today: i.today })),
  });
}
