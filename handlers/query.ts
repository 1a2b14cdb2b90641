import type { CardAction } from '../src/domain/inbound.js';
import type { Item } from '../src/domain/records.js';
import type { Person } from '../src/domain/roster.js';
import type { HandlerResult } from '../src/domain/reply.js';
import { can, type PermissionContext } from '../src/domain/permissions.js';
import { itemDetailCard } from '../cards/item-detail.js';
import { schoolOverviewCard } from '../cards/item-list.js';
import { recordDetailCard } from '../cards/record-detail.js';
import { listPage, loadItem, refuse, today } from './common.js';
import { rosterView } from './roster-view.js';
import { loadSchoolView } from '../src/reports/school-view.js';
import { answerPrivately } from './private-answer.js';
import type { Handler, HandlerDeps } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/** The buttons the viewer may press on an item's detail, by its state and their permissions. */
function actionsFor(actor: Person, item: Item, perm: PermissionContext): CardAction[] {
  const ok = (a: Parameters<typeof can>[1]) => can(actor, a, perm).ok;
  const out: CardAction[] = [];
  if (item.status === 'open' && ok('acknowledge')) out.push('ack');
  if ((item.status === 'open' || item.status === 'in_progress') && ok('done')) out.push('done', 'extend');
  if (item.status === 'submitted' && ok('close')) out.push('pass', 'reject');
  if (item.extension && ok('approve_extension')) out.push('approve_ext', 'refuse_ext');
  return out;
}

async function queryItem(deps: HandlerDeps, actor: Person, id: string): Promise<HandlerResult> {
  const loaded = await loadItem(deps, id);
  // unknown and not-yours read the same: the asker learns nothing about another school's item
  if (!loaded || !can(actor, 'view', loaded.perm).ok) return refuse(zh.handlers.query.itemNotFound(id));
  const view = await rosterView(deps);
  const history = await deps.store.history(id);
  const detail = itemDetailCard({
    item: loaded.item,
    history,
    schoolName: loaded.school.name,
    supervisorName: view.nameOf(loaded.item.supervisor),
    nameOf: view.nameOf,
    today: today(deps),
    timezone: deps.timezone,
    actions: deps.isGroup ? [] : actionsFor(actor, loaded.item, loaded.perm),
  });
  const title = zh.handlers.query.itemTitle(id);
  return answerPrivately(deps, actor, { title, ids: [id], detail, about: [id] });
}

async function queryRecord(deps: HandlerDeps, actor: Person, id: string): Promise<HandlerResult> {
  const record = await deps.store.getRecord(id);
  const school = record ? await deps.store.getSchool(record.school) : undefined;
  const ctx = {
    school: { id: record?.school ?? '', name: school?.name ?? '', zone: school?.zone ?? record?.zone ?? '' },
  };
  if (!record || !can(actor, 'view', ctx).ok) return refuse(zh.handlers.query.recordNotFound(id));
  const view = await rosterView(deps);
  const items = await deps.store.getItems(record.items);
  const detail = recordDetailCard({
    record,
    items,
    schoolName: ctx.school.name,
    supervisorName: view.nameOf(record.supervisor),
    today: today(deps),
  });
  return answerPrivately(deps, actor, {
    title: zh.handlers.query.recordTitle(id),
    ids: record.items,
    detail,
  });
}

async function querySchool(
  deps: HandlerDeps,
  actor: Person,
  ref: { id: string; name: string },
  page: number | undefined,
): Promise<HandlerResult> {
  const school = await deps.store.getSchool(ref.id);
  if (!school) return refuse(zh.handlers.query.schoolNotFound(ref.name));
  const allowed = can(actor, 'view', { school });
  if (!allowed.ok) return refuse(allowed.message);
  const view = await rosterView(deps);
  // the same loader as the board's school detail (src/reports/school-view.ts)
  const { records, openItems } = await loadSchoolView(deps.store, school.id);
  const { items, paging } = listPage(openItems, page, (p) => zh.handlers.query.page(school.name, p));
  const detail = schoolOverviewCard({
    schoolName: school.name,
    zoneName: view.zoneName(school.zone),
    supervisorNames: view.supervisorsOf(school.zone).map((p) => p.name),
    records,
    openItems: items,
    paging,
    today: today(deps),
    assumptions: deps.assumptions,
  });
  return answerPrivately(deps, actor, {
    title: zh.handlers.query.openTitle,
    ids: items.map((i) => i.id),
    detail,
    paging,
  });
}

/** 整改进度 ZG-12 / 查询 <学校> / DD-7: an item with its history, a record, or a school's state. */
export const query: Handler<'query'> = async (cmd, actor, deps) => {
  if (cmd.item) return queryItem(deps, actor, cmd.item);
  if (cmd.record) return queryRecord(deps, actor, cmd.record);
  if (cmd.school) return querySchool(deps, actor, cmd.school, cmd.page);
  return refuse(zh.handlers.query.missingTarget, zh.handlers.query.missingTargetExample);
};
