import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish, statusCn } from './format.js';

export interface SupervisionNoticeInput {
  item: Item;
  schoolName: string;
  supervisorName: string;
  /** calendar days past the deadline */
  daysOverdue: number;
  /** the short new deadline the office sets, when it sets one */
  newDeadline?: string;
  /** the principal gets the buttons; the supervisor a copy to follow up */
  audience: 'principal' | 'supervisor';
}

/** 督办通知: day 1 overdue, to the principal and the supervisor. */
export function supervisionNoticeCard(i: SupervisionNoticeInput): Card {
  const fields = [
    { label: '学校', value: i.schoolName },
    { label: '事项', value: i.item.text },
    { label: '原期限', value: dayCn(i.item.deadline) },
    { label: '已逾期', value: `${i.daysOverdue} 天` },
    { label: '状态', value: statusCn(i.item.status) },
    { label: '责任督学', value: i.supervisorName },
  ];
  if (i.newDeadline) fields.push({ label: '督办期限', value: dayCn(i.newDeadline) });
  const ask =
    i.audience === 'principal'
      ? `请${i.newDeadline ? `于 ${dayCn(i.newDeadline)} 前` : '尽快'}完成整改并回复`
      : '请跟进督促该校整改';
  return finish({
    kind: 'escalation',
    title: `督办通知 · ${i.item.id}`,
    subtitle: ask,
    fields,
    buttons: i.audience === 'principal' ? buttonsFor(i.item, ['done', 'extend']) : [],
  });
}

export interface LeaderEscalationInput {
  item: Item;
  schoolName: string;
  supervisorName: string;
  principalNames: string[];
  workdaysOverdue: number;
}

/** N working days overdue: escalated to the zone's leaders (约谈 / 通报 is theirs to decide). */
export function leaderEscalationCard(i: LeaderEscalationInput): Card {
  return finish({
    kind: 'escalation',
    title: `逾期升级 · ${i.item.id}`,
    subtitle: `${i.schoolName} 已逾期 ${i.workdaysOverdue} 个工作日`,
    fields: [
      { label: '事项', value: i.item.text },
      { label: '原期限', value: dayCn(i.item.deadline) },
      { label: '状态', value: statusCn(i.item.status) },
      { label: '责任督学', value: i.supervisorName },
      { label: '校长', value: i.principalNames.join('、') || '（未配置）' },
    ],
    note: '可视情况约谈或通报；该事项将列入每日日报直至销号',
  });
}
