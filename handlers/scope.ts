import { ALL_ZONES, type Person } from '../src/domain/roster.js';
import type { Item } from '../src/domain/records.js';
import type { ItemQuery } from '../src/store/store.js';
import { all, byDeadline } from './common.js';
import type { HandlerDeps } from './types.js';

/** The zones a supervisor or leader oversees; `all` for 全部. Principals and admins have none. */
export function zoneScope(actor: Person): { all: boolean; zones: string[] } {
  if (!actor.roles.some((r) => r === 'supervisor' || r === 'leader')) return { all: false, zones: [] };
  if (actor.zones.includes(ALL_ZONES)) return { all: true, zones: [] };
  return { all: false, zones: [...actor.zones] };
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
  if (scope.all) lists.push(await all(page({})));
  else {
    for (const zone of scope.zones) lists.push(await all(page({ zone })));
    if (actor.roles.includes('supervisor')) lists.push(await all(page({ supervisor: actor.id })));
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
  const items = await all((cursor) => deps.store.queryItems({ ...q, school, cursor, limit: 500 }));
  return items.sort(byDeadline);
}
