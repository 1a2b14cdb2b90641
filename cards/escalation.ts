import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish, statusCn } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

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
    { label: zh.cards.labels.school, value: i.schoolName },
    { label: zh.cards.labels.item, value: i.item.text },
    { label: zh.cards.labels.originalDeadline, value: dayCn(i.item.deadline) },
    { label: zh.cards.escalation.overdueLabel, value: zh.cards.escalation.overdue(i.daysOverdue) },
    { label: zh.cards.labels.status, value: statusCn(i.item.status) },
    { label: zh.cards.labels.responsibleSupervisor, value: i.supervisorName },
  ];
  if (i.newDeadline)
    fields.push({ label: zh.cards.escalation.newDeadlineLabel, value: dayCn(i.newDeadline) });
  const ask =
    i.audience === 'principal'
      ? i.newDeadline
        ? zh.cards.escalation.askPrincipalBy(dayCn(i.newDeadline))
        : zh.cards.escalation.askPrincipal
      : zh.cards.escalation.askSupervisor;
  return finish({
    kind: 'escalation',
    title: zh.cards.escalation.title(i.item.id),
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
    title: zh.cards.escalation.leaderTitle(i.item.id),
    subtitle: zh.cards.escalation.leaderSubtitle(i.schoolName, i.workdaysOverdue),
    fields: [
      { label: zh.cards.labels.item, value: i.item.text },
      { label: zh.cards.labels.originalDeadline, value: dayCn(i.item.deadline) },
      { label: zh.cards.labels.status, value: statusCn(i.item.status) },
      { label: zh.cards.labels.responsibleSupervisor, value: i.supervisorName },
      {
        label: zh.cards.escalation.principalLabel,
        value: i.principalNames.join(zh.cards.listSep) || zh.cards.notConfigured,
      },
    ],
    note: zh.cards.escalation.leaderNote,
  });
}
