import type { Card } from '../src/domain/card.js';
import type { PlanEntry } from '../src/domain/roster.js';
import { finish } from './format.js';

export interface MonthlyPlanInput {
  /** 'YYYY-MM' */
  month: string;
  entries: PlanEntry[];
  /** near month end: the supervisor's schools not yet visited this month */
  unvisited?: string[];
}

/** First working day of a month: the month's plan and theme; near its end, a nudge. */
export function monthlyPlanCard(i: MonthlyPlanInput): Card {
  const [y, m] = i.month.split('-');
  const nudge = i.unvisited !== undefined;
  const fields = i.entries.map((e, n) => ({
    label: e.topic ?? e.kind ?? `安排${n + 1}`,
    value: e.content,
  }));
  if (nudge)
    fields.push({
      label: '本月尚未督导',
      value: i.unvisited!.length ? i.unvisited!.join('、') : '无，已全部覆盖',
    });
  return finish({
    kind: 'monthly_plan',
    title: nudge ? `${Number(m)}月督导提醒` : `${y}年${Number(m)}月工作安排`,
    subtitle: i.entries.length ? undefined : '本月无专项安排，按计划开展挂牌督导',
    fields,
    note: nudge ? '每所学校每月至少挂牌督导一次' : undefined,
  });
}
