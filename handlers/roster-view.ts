import { ALL_ZONES, type Person, type School, type Zone } from '../src/domain/roster.js';
import { coversZone } from '../src/domain/permissions.js';
import type { Item } from '../src/domain/records.js';
import type { HandlerDeps } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * The roster as one handled message sees it: loaded once per message (a county has hundreds of
 * people, not millions) and looked up by id. Cached per deps object, so every helper a handler
 * calls shares one load.
 */
export interface RosterView {
  people: Person[];
  schools: Map<string, School>;
  zones: Map<string, Zone>;
  person(id: string): Person | undefined;
  /** a person's name; '（已停用人员）' for an id no longer on the roster, never the id itself */
  nameOf(id: string): string;
  schoolName(id: string): string;
  zoneName(id: string): string;
  /** active principals of a school */
  principalsOf(schoolId: string): Person[];
  /** active leaders whose zones cover `zone` */
  leadersOf(zone: string): Person[];
  /** active supervisors responsible for `zone` (full-time ones only when the zone is theirs) */
  supervisorsOf(zone: string): Person[];
}

const cache = new WeakMap<HandlerDeps, Promise<RosterView>>();

export function rosterView(deps: HandlerDeps): Promise<RosterView> {
  let v = cache.get(deps);
  if (!v) {
    v = load(deps);
    cache.set(deps, v);
  }
  return v;
}

async function load(deps: HandlerDeps): Promise<RosterView> {
  const [people, schools, zones] = await Promise.all([
    deps.store.listPeople(),
    deps.store.listSchools(),
    deps.store.listZones(),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const schoolMap = new Map(schools.map((s) => [s.id, s]));
  const zoneMap = new Map(zones.map((z) => [z.id, z]));
  const active = people.filter((p) => p.active);
  return {
    people,
    schools: schoolMap,
    zones: zoneMap,
    person: (id) => byId.get(id),
    nameOf: (id) => byId.get(id)?.name ?? zh.domain.gonePerson,
    schoolName: (id) => schoolMap.get(id)?.name ?? zh.domain.goneSchool,
    zoneName: (id) => (id === ALL_ZONES ? zh.domain.allZones : (zoneMap.get(id)?.name ?? id)),
    principalsOf: (schoolId) => active.filter((p) => p.roles.includes('principal') && p.school === schoolId),
    leadersOf: (zone) => active.filter((p) => p.roles.includes('leader') && coversZone(p, zone)),
    supervisorsOf: (zone) => active.filter((p) => p.roles.includes('supervisor') && p.zones.includes(zone)),
  };
}

/**
 * Who hears about a principal's action on an item: its supervisor; when they are no longer on
 * the roster, the zone's leaders, so nothing goes unheard.
 */
export function supervisorsToTell(view: RosterView, item: Item): Person[] {
  const sup = view.person(item.supervisor);
  if (sup?.active) return [sup];
  return view.leadersOf(item.zone);
}
