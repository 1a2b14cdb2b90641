import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish, statusCn } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

export interface ReminderInput {
  item: Item;
  schoolName: string;
  /** 'before': N working days left; 'due': the deadline is today */
  stage: 'before' | 'due';
  workdays: number;
}

/** To the principal before a deadline (REMINDER_WORKDAYS_BEFORE) and on the day. */
export function reminderCard(i: ReminderInput): Card {
  const when = i.stage === 'due' || i.workdays === 0 ? zh.cards.dueToday : zh.cards.reminder.left(i.workdays);
  return finish({
    kind: 'reminder',
    title: zh.cards.reminder.title(i.item.id),
    subtitle: zh.cards.reminder.subtitle(i.schoolName, when),
    fields: [
      { label: zh.cards.labels.item, value: i.item.text },
      { label: zh.cards.labels.deadline, value: dayCn(i.item.deadline) },
      { label: zh.cards.labels.status, value: statusCn(i.item.status) },
    ],
    buttons: buttonsFor(i.item, ['done', 'extend']),
  });
}
