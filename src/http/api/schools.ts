import type { ApiRoutes } from './deps.js';
import { notFoundError } from './deps.js';
import { Names } from './json.js';
import { findSchool } from './resolve.js';
import { overdue } from '../../domain/lifecycle.js';
import { itemStatuses, type ItemStatus } from '../../domain/records.js';
import { MAX_LIMIT } from '../../store/queries.js';

/** GET schools/:id (roster id or full name): the school, its people and its item counts. */
export const schoolsRoutes: ApiRoutes = (router, { store, today }) => {
  router.get('/schools/:id', async (ctx) => {
    const school = await findSchool(store, ctx.params.id!);
    if (!school) throw notFoundError('school', ctx.params.id!);
    const names = new Names(store);
    const people = await store.listPeople();
    const principals = people.filter(
      (p) => p.active && p.roles.includes('principal') && p.school === school.id,
    );
    const supervisors = people.filter(
      (p) =>
        p.active &&
        p.roles.includes('supervisor') &&
        (p.zones.includes('*') || p.zones.includes(school.zone)),
    );
    const counts: Record<ItemStatus | 'overdue', number> = {
      open: 0,
      in_progress: 0,
      submitted: 0,
      closed: 0,
      overdue: 0,
    };
    const day = today();
    let cursor: string | undefined;
    do {
      const page = await store.queryItems({ school: school.id, cursor, limit: MAX_LIMIT });
      for (const i of page.items) {
        counts[i.status]++;
        if (overdue(i, day)) counts.overdue++;
      }
      cursor = page.next ?? undefined;
    } while (cursor);
    ctx.body = {
      id: school.id,
      name: school.name,
      shortNames: school.shortNames,
      type: school.type,
      nature: school.nature,
      zone: await names.zone(school.zone),
      active: school.active,
      principals: principals.map((p) => ({ id: p.id, name: p.name })),
      supervisors: supervisors.map((p) => ({ id: p.id, name: p.name })),
      items: Object.fromEntries(
        [...itemStatuses, 'overdue'].map((s) => [s, counts[s as ItemStatus | 'overdue']]),
      ),
    };
  });
};
