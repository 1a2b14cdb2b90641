import { itemListCard } from '../cards/item-list.js';
import { listPage, refuse, today } from './common.js';
import { rosterView } from './roster-view.js';
import { itemsInScope } from './scope.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/** 逾期: overdue items in a supervisor's or leader's scope, longest overdue first, a page at a time. */
export const overdue: Handler<'overdue'> = async (cmd, actor, deps) => {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'leader')) {
    return refuse(zh.handlers.overdue.onlyStaff, zh.handlers.overdue.principalHint);
  }
  const day = today(deps);
  const inScope = await itemsInScope(deps, actor, { overdueOn: day });
  const late = inScope.filter((i) => i.status !== 'closed' && i.deadline < day);
  const view = await rosterView(deps);
  const escalated = late.filter(
    (i) => deps.calendar.workdaysBetween(i.deadline, day) >= deps.config.escalateAfterWorkdays,
  ).length;
  const { items, paging } = listPage(late, cmd.page, zh.handlers.overdue.page);
  const detail = itemListCard({
    title: zh.handlers.overdue.title,
    items,
    paging,
    today: day,
    schoolName: view.schoolName,
    empty: zh.handlers.overdue.empty,
    note: escalated ? zh.handlers.overdue.escalated(escalated, deps.config.escalateAfterWorkdays) : undefined,
  });
  return answerPrivately(deps, actor, {
    title: zh.handlers.overdue.title,
    ids: items.map((i) => i.id),
    detail,
    paging,
  });
};
