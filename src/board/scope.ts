import { ALL_ZONES, type Person, type School, type Zone } from '../domain/roster.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * What a person's board shows, decided from the roster on every request (so a change of zones or
 * a deactivation takes effect at once):
 * - a leader or supervisor with 全部, or an administrator: the whole district;
 * - a leader or supervisor: their zones, whole (zone lines, schools, supervisors);
 * - a principal (校长/园长): their own school only — its open items, colour and visits; no zone
 *   line, no supervisor, nothing of another school (a zone's totals would reveal other schools);
 * - several roles: the union (a supervisor who is also a principal sees their zones and school);
 * - a deactivated person, or nobody of the above: nothing (and the request is refused).
 */
export interface BoardScope {
  all: boolean;
  /** zones shown whole */
  zones: string[];
  /** schools shown on their own (a principal's), outside those zones */
  schools: string[];
}

export const NO_SCOPE: BoardScope = { all: false, zones: [], schools: [] };

export function boardScopeOf(p: Person): BoardScope {
  if (!p.active) return NO_SCOPE;
  const zoneRole = p.roles.some((r) => r === 'supervisor' || r === 'leader');
  if (p.roles.includes('admin') || (zoneRole && p.zones.includes(ALL_ZONES)))
    return { all: true, zones: [], schools: [] };
  const zones = zoneRole ? [...new Set(p.zones)] : [];
  const schools = p.roles.includes('principal') && p.school ? [p.school] : [];
  return { all: false, zones, schools };
}

export const scopeIsEmpty = (s: BoardScope) => !s.all && s.zones.length === 0 && s.schools.length === 0;

/** Is a school (by its id and zone) on this board? */
export const scopeCovers = (s: BoardScope, zone: string, school: string) =>
  s.all || s.zones.includes(zone) || s.schools.includes(school);

/** The scope as the overview's JSON names it: kind, a Chinese name, its zones and schools. */
export function scopeView(s: BoardScope, zones: Zone[], schools: School[]) {
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  const schoolName = new Map(schools.map((x) => [x.id, x.name]));
  const z = s.zones.map((id) => ({ id, name: zoneName.get(id) ?? id }));
  const sc = s.schools.map((id) => ({ id, name: schoolName.get(id) ?? id }));
  const kind = s.all ? 'district' : z.length ? 'zones' : sc.length ? 'school' : 'none';
  const name = s.all
    ? zh.domain.allZones
    : [...z, ...sc].map((x) => x.name).join(zh.board.page.listJoin) || zh.domain.noScope;
  return { kind, name, zones: z, schools: sc };
}
