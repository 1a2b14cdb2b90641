import type { Card } from '../src/domain/card.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import type { ParseWarning } from '../src/domain/command.js';
import { clip, dayCn, finish, joinNote, visitKindText } from './format.js';

/** A warning in the words of the reply, naming the item it is about (ZG-21). */
export function warningText(w: ParseWarning, itemId: string | undefined): string {
  const which = itemId ?? '事项';
  switch (w.code) {
    case 'deadline_past':
      return `${which} 的期限 ${dayCn(w.deadline)} 已过，登记后即为逾期，将在下一次提醒时进入督办`;
    case 'deadline_day_off':
      return `${which} 的期限 ${dayCn(w.deadline)} 是休息日（${w.dayOff}），下一个工作日是 ${dayCn(w.nextWorkday)}`;
    case 'possible_duplicate':
      return `与已登记的 ${w.record} 可能重复`;
  }
}

export interface RecordSummaryInput {
  record: VisitRecord;
  items: Item[];
  schoolName: string;
  /** names of the principals who got the notice ('李校长') */
  notified: string[];
  /** what the parser assumed (matched short name, default date…) */
  assumptions?: string[];
  /** what the supervisor must notice: a deadline already past, a deadline on a day off */
  warnings?: ParseWarning[];
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
  const warnings = i.warnings ?? [];
  const entries = items.map((it, n) => {
    const mine = warnings.filter((w) => 'item' in w && w.item === n);
    const flags = [
      mine.some((w) => w.code === 'deadline_past') && '已逾期',
      mine.some((w) => w.code === 'deadline_day_off') && '休息日',
    ].filter(Boolean);
    return {
      id: it.id,
      text: clip(it.text, 40),
      meta: `期限 ${dayCn(it.deadline)}${it.deadlineSource === 'default' ? '（默认）' : ''}${flags.length ? ` · ${flags.join(' · ')}` : ''}`,
    };
  });
  // the subtitle already says school, date and kind: fields only add what it does not
  const fields = [{ label: '整改事项', value: items.length ? `${items.length} 项` : '无（本次未发现问题）' }];
  if (warnings.length) {
    fields.push({
      label: '请注意',
      value: warnings.map((w) => warningText(w, 'item' in w ? items[w.item]?.id : undefined)).join('；'),
    });
  }
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
