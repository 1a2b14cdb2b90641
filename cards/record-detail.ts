import type { Card } from '../src/domain/card.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { clip, dayCn, finish, itemEntry, visitKindText } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

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
    { label: zh.cards.labels.school, value: i.schoolName },
    { label: zh.cards.labels.date, value: dayCn(record.date) },
    { label: zh.cards.labels.kind, value: visitKindText(record) },
    { label: zh.cards.labels.supervisor, value: i.supervisorName },
  ];
  if (record.findings)
    fields.push({ label: zh.cards.recordDetail.findingsLabel, value: clip(record.findings, 120) });
  if (record.highlights)
    fields.push({ label: zh.cards.recordDetail.highlightsLabel, value: clip(record.highlights, 120) });
  if (record.remark)
    fields.push({ label: zh.cards.recordDetail.remarkLabel, value: clip(record.remark, 120) });
  fields.push({
    label: zh.cards.labels.items,
    value: i.items.length ? zh.cards.count(i.items.length) : zh.cards.none,
  });
  return finish({
    kind: 'item_list',
    title: zh.cards.recordDetail.title(record.id),
    fields,
    entries: i.items.map((it) => itemEntry(it, { today: i.today })),
  });
}
