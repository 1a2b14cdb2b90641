import type { FullStore } from '../../store/store.js';
import type { School, Zone } from '../../domain/roster.js';
import { badRequest } from '../../errors.js';

/** `school=` takes the roster id or the full name; an unknown one is a 400, not an empty list. */
export async function findSchool(store: FullStore, ref: string): Promise<School | undefined> {
  return (await store.getSchool(ref)) ?? (await store.listSchools()).find((s) => s.name === ref);
}

export async function resolveSchool(store: FullStore, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const s = await findSchool(store, ref);
  if (!s) throw badRequest('unknown_school', `parameter "school": no school with id or name "${ref}"`);
  return s.id;
}

/** `zone=` takes the zone id or its name (第一责任区). */
export async function resolveZone(store: FullStore, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const z: Zone | undefined = (await store.listZones()).find((x) => x.id === ref || x.name === ref);
  if (!z) throw badRequest('unknown_zone', `parameter "zone": no zone with id or name "${ref}"`);
  return z.id;
}

export async function resolvePerson(
  store: FullStore,
  ref: string | undefined,
  param: string,
): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const p = (await store.getPerson(ref)) ?? (await store.listPeople()).find((x) => x.name === ref);
  if (!p) throw badRequest('unknown_person', `parameter "${param}": no person with id or name "${ref}"`);
  return p.id;
}

/** The filters every list shares (school, zone, supervisor), each resolved or refused with a 400. */
export async function resolveScope(
  store: FullStore,
  q: { school?: string; zone?: string; supervisor?: string },
): Promise<{ school?: string; zone?: string; supervisor?: string }> {
  const [school, zone, supervisor] = await Promise.all([
    resolveSchool(store, q.school),
    resolveZone(store, q.zone),
    resolvePerson(store, q.supervisor, 'supervisor'),
  ]);
  return { school, zone, supervisor };
}
