import { itemListCard } from '../cards/item-list.js';
import { refuse, today } from './common.js';
import { rosterView } from './roster-view.js';
import { itemsInScope } from './scope.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';

/** 逾期: overdue items in a supervisor's or leader's scope, longest overdue first. */
export const overdue: Handler<'overdue'> = async (_cmd, actor, deps) => {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'leader')) {
    return refuse('逾期清单仅督学和领导可以查看。', '查看本校的整改事项请发送「待办」');
  }
  const day = today(deps);
  const items = await itemsInScope(deps, actor, { overdueOn: day });
  const late = items.filter((i) => i.status !== 'closed' && i.deadline < day);
  const view = await rosterView(deps);
  const escalated = late.filter(
    (i) => deps.calendar.workdaysBetween(i.deadline, day) >= deps.config.escalateAfterWorkdays,
  ).length;
  const detail = itemListCard({
    title: '逾期事项',
    items: late,
    today: day,
    schoolName: view.schoolName,
    empty: '暂无逾期事项',
    note: escalated
      ? `其中 ${escalated} 项已逾期 ${deps.config.escalateAfterWorkdays} 个工作日以上`
      : undefined,
  });
  return answerPrivately(deps, actor, { title: '逾期事项', ids: late.map((i) => i.id), detail });
};
