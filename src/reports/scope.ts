import { ALL_ZONES, type Person, type Zone } from '../domain/roster.js';
import { zh } from '../text/zh-CN/index.js';

/** Whose numbers: the whole district, or some zones. */
export type ReportScope = { all: true } | { all: false; zones: string[] };

/** A supervisor's or leader's scope from their roster zones (全部 → the district). */
export function scopeOfPerson(p: Pick<Person, 'zones'>): ReportScope {
  return p.zones.includes(ALL_ZONES) ? { all: true } : { all: false, zones: [...p.zones] };
}

export function inScope(scope: ReportScope, zone: string): boolean {
  return scope.all || scope.zones.includes(zone);
}

/** '全区', or the zone names joined. */
export function scopeName(scope: ReportScope, zones: Zone[]): string {
  if (scope.all) return zh.domain.allZones;
  const names = new Map(zones.map((z) => [z.id, z.name]));
  return scope.zones.map((z) => names.get(z) ?? z).join(zh.cards.listSep) || zh.domain.noZones;
}
