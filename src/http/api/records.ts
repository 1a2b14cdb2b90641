import type { ApiRoutes } from './deps.js';
import { notFoundError, parseQuery } from './deps.js';
import { recordsQuery } from './params.js';
import { Names, itemJson, recordJson } from './json.js';
import { resolveScope } from './resolve.js';
import { isRecordId } from '../../domain/ids.js';

/**
 * GET records?from=&to=&school=&zone=&supervisor=&cursor=&limit= (visit dates, both days included;
 * newest visit first), GET records/:id (DD-7) with its items in full.
 */
export const recordsRoutes: ApiRoutes = (router, { store, today }) => {
  router.get('/records', async (ctx) => {
    const q = parseQuery(ctx, recordsQuery);
    const page = await store.queryRecords({
      from: q.from,
      to: q.to,
      ...(await resolveScope(store, q)),
      cursor: q.cursor,
      limit: q.limit,
    });
    const names = new Names(store);
    ctx.body = { items: await Promise.all(page.items.map((r) => recordJson(r, names))), next: page.next };
  });

  router.get('/records/:id', async (ctx) => {
    const id = ctx.params.id!.toUpperCase();
    const rec = isRecordId(id) ? await store.getRecord(id) : undefined;
    if (!rec) throw notFoundError('record', ctx.params.id!);
    const names = new Names(store);
    const day = today();
    const items = await store.getItems(rec.items);
    ctx.body = {
      ...(await recordJson(rec, names)),
      items: await Promise.all(items.map((i) => itemJson(i, names, day))),
    };
  });
};
