import type { School, Zone } from '../domain/roster.js';
import { readNumber } from './cn-number.js';
import { foldWidth } from './normalize-text.js';

/**
 * The roster's schools and zones, indexed for the parser. Build it once per roster version
 * (RosterStore.rosterVersion) and pass it in ParseContext; parsing never reads the store.
 *
 * Three ways a name can match, best first (match-school.ts):
 * 1. the exact name;
 * 2. an exact short name (简称) from the roster;
 * 3. the same *key*: width folded, spaces and punctuation dropped, Chinese numerals in school
 *    numbers as digits (城关第二十七小学 → 城关27小学), leading region names dropped
 *    (重庆市大足区城南小学, 区实验幼儿园 → 城南小学, 实验幼儿园).
 * Nothing looser matches on its own: "龙泉小" is not 龙泉小学 unless the roster says so; near
 * misses only become suggestions.
 */

export interface IndexedSchool {
  school: School;
  /** keys of the name and every short name */
  keys: string[];
}

export interface SchoolIndex {
  readonly schools: readonly School[];
  readonly zones: readonly Zone[];
  readonly entries: readonly IndexedSchool[];
  readonly byName: ReadonlyMap<string, School>;
  readonly byShortName: ReadonlyMap<string, readonly School[]>;
  readonly byKey: ReadonlyMap<string, readonly School[]>;
  /** deactivated schools by exact name, to say "已停用" instead of "not found" */
  readonly inactiveByName: ReadonlyMap<string, School>;
  readonly zoneByKey: ReadonlyMap<string, readonly Zone[]>;
}

const GENERIC = new Set([
  '小学',
  '中学',
  '初中',
  '高中',
  '学校',
  '幼儿园',
  '中心小学',
  '中心校',
  '完小',
  '小',
  '中',
  '幼',
  '实验',
]);
const REGION_RE = /^[\u4e00-\u9fff]{1,6}?(?:省|市|区|县)/;
const SINGLE_REGION_RE = /^(?:区|县|市)/;
const NUMERAL_RE =
  /第?([零〇一二两三四五六七八九十百]+)(?=[小中幼学校完高初职分])|第([零〇一二两三四五六七八九十百]+)|第(\d+)/g;

/** Drop leading region names as long as something specific is left. */
function stripRegion(key: string): string {
  let k = key;
  for (let i = 0; i < 4; i++) {
    const m = REGION_RE.exec(k) ?? SINGLE_REGION_RE.exec(k);
    if (!m) break;
    const rest = k.slice(m[0].length);
    if (rest.length < 3 || GENERIC.has(rest)) break;
    k = rest;
  }
  return k;
}

/** The comparison key of a school or zone name (see the file comment). */
export function nameKey(name: string): string {
  let k = foldWidth(name)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  k = k.replace(NUMERAL_RE, (all, a?: string, b?: string, c?: string) => {
    if (c !== undefined) return c;
    const n = readNumber(a ?? b ?? '');
    return n === undefined ? all : String(n);
  });
  return stripRegion(k);
}

/** A zone's key also without the words that name a zone (城关责任区 → 城关). */
export function zoneKey(name: string): string {
  const k = nameKey(name).replace(/(?:督导)?(?:责任区|片区|学区)$/, '');
  return k === '' ? nameKey(name) : k;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Index the roster. Inactive schools are kept aside: they can no longer be chosen. */
export function createSchoolIndex(schools: readonly School[], zones: readonly Zone[] = []): SchoolIndex {
  const byName = new Map<string, School>();
  const byShortName = new Map<string, School[]>();
  const byKey = new Map<string, School[]>();
  const inactiveByName = new Map<string, School>();
  const zoneByKey = new Map<string, Zone[]>();
  const entries: IndexedSchool[] = [];
  const active = schools.filter((s) => s.active !== false);
  for (const s of schools) if (s.active === false) inactiveByName.set(foldWidth(s.name).trim(), s);
  for (const school of active) {
    byName.set(foldWidth(school.name).trim(), school);
    for (const short of school.shortNames ?? []) push(byShortName, foldWidth(short).trim(), school);
    const keys = [
      ...new Set([school.name, ...(school.shortNames ?? [])].map(nameKey).filter((k) => k !== '')),
    ];
    for (const k of keys) push(byKey, k, school);
    entries.push({ school, keys });
  }
  for (const z of zones) {
    push(zoneByKey, nameKey(z.name), z);
    push(zoneByKey, zoneKey(z.name), z);
  }
  return { schools: active, zones, entries, byName, byShortName, byKey, inactiveByName, zoneByKey };
}
