import type { Card } from '../src/domain/card.js';
import type { PlanEntry } from '../src/domain/roster.js';
import { finish } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

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
    label: e.topic ?? e.kind ?? zh.cards.monthlyPlan.entryLabel(n + 1),
    value: e.content,
  }));
  if (nudge)
    fields.push({
      label: zh.cards.monthlyPlan.unvisitedLabel,
      value: i.unvisited!.length ? i.unvisited!.join(zh.cards.listSep) : zh.cards.monthlyPlan.allVisited,
    });
  return finish({
    kind: 'monthly_plan',
    title: nudge ? zh.cards.monthlyPlan.nudgeTitle(Number(m)) : zh.cards.monthlyPlan.planTitle(y!, Number(m)),
    subtitle: i.entries.length ? undefined : zh.cards.monthlyPlan.noPlan,
    fields,
    note: nudge ? zh.cards.monthlyPlan.nudgeNote : undefined,
  });
}
