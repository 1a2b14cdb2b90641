import type { Person } from '../src/domain/roster.js';
import { scopeOfPerson, type ReportScope } from '../src/reports/scope.js';
import type { Item } from '../src/domain/records.js';
import type { ItemQuery } from '../src/store/store.js';
import { byDeadline } from './common.js';
import type { HandlerDeps } from './types.js';
import { collect } from '../src/store/collect.js';

/** The zones a supervisor or leader oversees (全部: the district). Principals and admins oversee none. */
export function zoneScope(actor: Person): ReportScope {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'leader')) return { all: false, zones: [] };
  return scopeOfPerson(actor);
}

/**
 * Items a supervisor or leader may see matching `q`: their zones' items plus the items a
 * supervisor raised elsewhere (a full-time supervisor visiting another zone). Soonest first.
 */
export async function itemsInScope(
  deps: HandlerDeps,
  actor: Person,
  q: Omit<ItemQuery, 'zone' | 'supervisor' | 'cursor' | 'limit'>,
): Promise<Item[]> {
  const scope = zoneScope(actor);
  const page = (extra: Partial<ItemQuery>) => (cursor?: string) =>
    deps.store.queryItems({ ...q, ...extra, cursor, limit: 500 });
  const lists: Item[][] = [];
  if (scope.all) lists.push(await collect(page({})));
  else {
    for (const zone of scope.zones) lists.push(await collect(page({ zone })));
    if (actor.roles.includes('supervisor')) lists.push(await collect(page({ supervisor: actor.id })));
  }
  const seen = new Map<string, Item>();
  for (const l of lists) for (const it of l) seen.set(it.id, it);
  return [...seen.values()].sort(byDeadline);
}

/** Items of one school matching `q`, soonest first. */
export async function itemsOfSchool(
  deps: HandlerDeps,
  school: string,
  q: Omit<ItemQuery, 'school' | 'cursor' | 'limit'>,
): Promise<Item[]> {
  const items = await collect((cursor) => deps.store.queryItems({ ...q, school, cursor, limit: 500 }));
  return items.sort(byDeadline);
}
