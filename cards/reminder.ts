import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish, statusCn } from './format.js';

export interface ReminderInput {
  item: Item;
  schoolName: string;
  /** 'before': N working days left; 'due': the deadline is today */
  stage: 'before' | 'due';
  workdays: number;
}

/** To the principal before a deadline (REMINDER_WORKDAYS_BEFORE) and on the day. */
export function reminderCard(i: ReminderInput): Card {
  const when = i.stage === 'due' || i.workdays === 0 ? '今天到期' : `还有 ${i.workdays} 个工作日到期`;
  return finish({
    kind: 'reminder',
    title: `整改提醒 · ${i.item.id}`,
    subtitle: `${i.schoolName} · ${when}`,
    fields: [
      { label: '事项', value: i.item.text },
      { label: '期限', value: dayCn(i.item.deadline) },
      { label: '状态', value: statusCn(i.item.status) },
    ],
    buttons: buttonsFor(i.item, ['done', 'extend']),
  });
}
