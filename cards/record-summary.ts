import type { Card } from '../src/domain/card.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { clip, dayCn, finish, joinNote, visitKindText } from './format.js';

export interface RecordSummaryInput {
  record: VisitRecord;
  items: Item[];
  schoolName: string;
  /** names of the principals who got the notice ('李校长') */
  notified: string[];
  /** what the parser assumed (matched short name, default date…) */
  assumptions?: string[];
  /** DEFAULT_DEADLINE_WORKDAYS, to say how a default deadline was set */
  defaultWorkdays: number;
}

/**
 * To the supervisor who submitted a record: its number, the items created with their deadlines,
 * who was notified, and what was assumed. Mirrors docs/spec/commands.md's example reply.
 */
export function recordSummaryCard(i: RecordSummaryInput): Card {
  const { record, items } = i;
  const defaults = items.filter((it) => it.deadlineSource === 'default').map((it) => it.id);
  const entries = items.map((it) => ({
    id: it.id,
    text: clip(it.text, 40),
    meta: `期限 ${dayCn(it.deadline)}${it.deadlineSource === 'default' ? '（默认）' : ''}`,
  }));
  // the subtitle already says school, date and kind: fields only add what it does not
  const fields = [{ label: '整改事项', value: items.length ? `${items.length} 项` : '无（本次未发现问题）' }];
  if (items.length) {
    fields.push({
      label: '已通知',
      value: i.notified.length
        ? `${i.schoolName} ${i.notified.join('、')}`
        : '无（未找到该校校长，请联系管理员）',
    });
  }
  const note = joinNote([
    ...(i.assumptions ?? []),
    defaults.length > 0 && `${defaults.join('、')} 未写期限，按默认 ${i.defaultWorkdays} 个工作日计`,
    '10分钟内发送的照片将作为佐证附到本记录',
  ]);
  return finish({
    kind: 'record_summary',
    title: `督导记录 ${record.id} 已登记`,
    subtitle: `${i.schoolName} · ${record.date} ${visitKindText(record)}`,
    fields,
    entries,
    note,
  });
}
