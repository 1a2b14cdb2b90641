import type { Item } from '../src/domain/records.js';
import { itemListCard } from '../cards/item-list.js';
import { byDeadline, listPage, today } from './common.js';
import { rosterView } from './roster-view.js';
import { itemsInScope, itemsOfSchool } from './scope.js';
import { answerPrivately } from './private-answer.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * 待办: what waits for this person, soonest deadline first. A principal: their school's items not
 * yet reported done. A supervisor: items awaiting recheck and extension requests in their scope.
 * A leader: extension requests in their scope. Several roles: all of it. One page at a time.
 */
export const todo: Handler<'todo'> = async (cmd, actor, deps) => {
  const found = new Map<string, Item>();
  const add = (items: Item[]) => items.forEach((i) => found.set(i.id, i));
  if (actor.roles.includes('principal') && actor.school) {
    add(await itemsOfSchool(deps, actor.school, { status: ['open', 'in_progress'] }));
  }
  if (actor.roles.includes('supervisor') || actor.roles.includes('leader')) {
    const active = await itemsInScope(deps, actor, { status: ['open', 'in_progress', 'submitted'] });
    const supervises = actor.roles.includes('supervisor');
    add(active.filter((i) => i.extension !== undefined || (supervises && i.status === 'submitted')));
  }
  const all = [...found.values()].sort(byDeadline);
  const { items, paging } = listPage(all, cmd.page, zh.handlers.todo.page);
  const view = await rosterView(deps);
  const onlyOwnSchool = items.every((i) => i.school === actor.school);
  const detail = itemListCard({
    title: zh.handlers.todo.title,
    items,
    paging,
    today: today(deps),
    schoolName: onlyOwnSchool ? undefined : view.schoolName,
    empty: zh.handlers.todo.empty,
    note: items.length ? zh.cards.school.detailsHint(items[0]!.id) : undefined,
  });
  const ids = items.map((i) => i.id);
  return answerPrivately(deps, actor, { title: zh.handlers.todo.title, ids, detail, paging });
};
