import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, deadlineMeta, finish, statusCn } from './format.js';

export interface ProgressNoticeInput {
  /** the item after the principal's action */
  item: Item;
  action: 'acknowledge' | 'progress' | 'done';
  schoolName: string;
  actorName: string;
  note?: string;
  today: string;
}

const verbs = { acknowledge: '已收到整改通知', progress: '报告整改进度', done: '报告已完成整改' } as const;

/**
 * To the item's supervisor when a principal acts. On `done` (item now submitted) it is a recheck
 * request with 验收通过 / 退回.
 */
export function progressNoticeCard(i: ProgressNoticeInput): Card {
  const submitted = i.item.status === 'submitted';
  const fields = [
    { label: '事项', value: i.item.text },
    { label: '状态', value: statusCn(i.item.status) },
    { label: '期限', value: deadlineMeta(i.item, i.today).replace(/^期限 /, '') },
  ];
  if (i.note) fields.push({ label: '说明', value: i.note });
  if (i.item.attachments > 0) fields.push({ label: '佐证', value: `${i.item.attachments} 件` });
  return finish({
    kind: submitted ? 'recheck_request' : 'progress_notice',
    title: submitted ? `${i.item.id} 待验收` : `${i.item.id} 整改进度`,
    subtitle: `${i.schoolName} ${i.actorName} ${verbs[i.action]}`,
    fields,
    buttons: submitted ? buttonsFor(i.item.id, ['pass', 'reject']) : [],
    note: submitted ? '退回时请写明原因' : undefined,
  });
}
