import type { ApiRoutes } from './deps.js';
import { notFoundError, parseQuery } from './deps.js';
import { itemsQuery } from './params.js';
import { Names, itemDetailJson, itemJson } from './json.js';
import { resolveScope } from './resolve.js';
import { isItemId } from '../../domain/ids.js';

/**
 * GET items?school=&zone=&supervisor=&status=&overdue=true&cursor=&limit=
 * GET items/:id (ZG-21) with history and deliveries.
 * Lists are newest first; overdue lists of a zone or the district are most overdue first.
 */
export const itemsRoutes: ApiRoutes = (router, { store, today }) => {
  router.get('/items', async (ctx) => {
    const q = parseQuery(ctx, itemsQuery);
    const { school, zone, supervisor } = await resolveScope(store, q);
    const day = today();
    const page = await store.queryItems({
      school,
      zone,
      supervisor,
      status: q.status,
      overdueOn: q.overdue === true ? day : undefined,
      cursor: q.cursor,
      limit: q.limit,
    });
    // overdue=false: the items that are not overdue (closed, or deadline today or later)
    const items =
      q.overdue === false ? page.items.filter((i) => i.status === 'closed' || i.deadline >= day) : page.items;
    const names = new Names(store);
    ctx.body = { items: await Promise.all(items.map((i) => itemJson(i, names, day))), next: page.next };
  });

  router.get('/items/:id', async (ctx) => {
    const id = ctx.params.id!.toUpperCase();
    const item = isItemId(id) ? await store.getItem(id) : undefined;
    if (!item) throw notFoundError('item', ctx.params.id!);
    const [history, deliveries] = await Promise.all([store.history(item.id), store.deliveries(item.id)]);
    ctx.body = await itemDetailJson(item, history, deliveries, new Names(store), today());
  });
};
