import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, deadlineWhen, finish, statusCn } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

export interface ProgressNoticeInput {
  /** the item after the principal's action */
  item: Item;
  action: 'acknowledge' | 'progress' | 'done';
  schoolName: string;
  actorName: string;
  note?: string;
  today: string;
}

/**
 * To the item's supervisor when a principal acts. On `done` (item now submitted) it is a recheck
 * request with 验收通过 / 退回.
 */
export function progressNoticeCard(i: ProgressNoticeInput): Card {
  const submitted = i.item.status === 'submitted';
  const fields = [
    { label: zh.cards.labels.item, value: i.item.text },
    { label: zh.cards.labels.status, value: statusCn(i.item.status) },
    { label: zh.cards.labels.deadline, value: deadlineWhen(i.item, i.today) },
  ];
  if (i.note) fields.push({ label: zh.cards.progress.noteLabel, value: i.note });
  if (i.item.attachments > 0)
    fields.push({ label: zh.cards.labels.evidence, value: zh.cards.pieces(i.item.attachments) });
  return finish({
    kind: submitted ? 'recheck_request' : 'progress_notice',
    title: submitted
      ? zh.cards.progress.submittedTitle(i.item.id)
      : zh.cards.progress.progressTitle(i.item.id),
    subtitle: zh.cards.progress.subtitle(i.schoolName, i.actorName, zh.cards.progress.verbs[i.action]),
    fields,
    buttons: submitted ? buttonsFor(i.item.id, ['pass', 'reject']) : [],
    note: submitted ? zh.cards.progress.rejectNote : undefined,
  });
}
