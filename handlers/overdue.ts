import { itemListCard } from '../cards/item-list.js';
import { refuse, today } from './common.js';
import { rosterView } from './roster-view.js';
import { itemsInScope } from './scope.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/** 逾期: overdue items in a supervisor's or leader's scope, longest overdue first. */
export const overdue: Handler<'overdue'> = async (_cmd, actor, deps) => {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'leader')) {
    return refuse(zh.handlers.overdue.onlyStaff, zh.handlers.overdue.principalHint);
  }
  const day = today(deps);
  const items = await itemsInScope(deps, actor, { overdueOn: day });
  const late = items.filter((i) => i.status !== 'closed' && i.deadline < day);
  const view = await rosterView(deps);
  const escalated = late.filter(
    (i) => deps.calendar.workdaysBetween(i.deadline, day) >= deps.config.escalateAfterWorkdays,
  ).length;
  const detail = itemListCard({
    title: zh.handlers.overdue.title,
    items: late,
    today: day,
    schoolName: view.schoolName,
    empty: zh.handlers.overdue.empty,
    note: escalated ? zh.handlers.overdue.escalated(escalated, deps.config.escalateAfterWorkdays) : undefined,
  });
  return answerPrivately(deps, actor, {
    title: zh.handlers.overdue.title,
    ids: late.map((i) => i.id),
    detail,
  });
};
