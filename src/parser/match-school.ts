import type { School, Zone } from '../domain/roster.js';
import { foldWidth } from './normalize-text.js';
import { nameKey, zoneKey, type SchoolIndex } from './school-index.js';
import { charSet, trimEndChars, trimStartChars } from './trim.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * Which school a person meant. Exact name, then exact short name, then the tolerant key
 * (school-index.ts). Two schools equally good at the best level → ambiguous: we list them and
 * guess nothing. No match → up to three suggestions, closest first.
 */

export type SchoolMatch =
  | { ok: true; school: School; assumption?: string }
  | { ok: false; code: 'ambiguous_school'; query: string; candidates: School[] }
  | { ok: false; code: 'unknown_school'; query: string; suggestions: School[]; inactive?: School };

/** Below this similarity a school is not worth suggesting. */
const SUGGESTION_THRESHOLD = 0.34;
const MAX_SUGGESTIONS = 3;

const NAME_HEAD = charSet('『「“"\'《【 \n\t');
const NAME_TAIL = charSet('』」”"\'》】 \n\t,;。.!?');
/** Roster names are at most 64 characters: anything much longer is not a name (and is not scanned). */
const MAX_QUERY = 64;

/** Quotes and brackets people put around a name: 『龙泉小学』, “龙泉小学”, 《…》. Loops, not a pattern. */
export function cleanName(text: string): string {
  return trimEndChars(trimStartChars(foldWidth(text), NAME_HEAD), NAME_TAIL);
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Similarity in [0, 1]: containment scores high, otherwise the Dice coefficient of bigrams. */
export function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  if ([...a].length >= 2 && [...b].length >= 2 && (a.includes(b) || b.includes(a))) {
    return 0.8 + 0.1 * (Math.min(a.length, b.length) / Math.max(a.length, b.length));
  }
  const ba = bigrams(a);
  const bb = bigrams(b);
  const pool = new Map<string, number>();
  for (const g of bb) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of ba) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (ba.length + bb.length);
}

function suggest(index: SchoolIndex, key: string): School[] {
  const scored: { school: School; score: number }[] = [];
  for (const e of index.entries) {
    let best = 0;
    for (const k of e.keys) best = Math.max(best, similarity(key, k));
    if (best >= SUGGESTION_THRESHOLD) scored.push({ school: e.school, score: best });
  }
  scored.sort((x, y) => y.score - x.score || x.school.name.localeCompare(y.school.name, 'zh'));
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.school);
}

/** Match a school name typed by a person against the roster. */
export function matchSchool(text: string, index: SchoolIndex): SchoolMatch {
  const query = cleanName(text);
  // roster names are at most 64 characters: anything longer is not a name (and not worth scoring)
  if (query.length > MAX_QUERY)
    return { ok: false, code: 'unknown_school', query: query.slice(0, 20) + '…', suggestions: [] };
  const exact = index.byName.get(query);
  if (exact) return { ok: true, school: exact };

  const byShort = index.byShortName.get(query);
  if (byShort && byShort.length === 1) {
    return {
      ok: true,
      school: byShort[0]!,
      assumption: zh.parser.readings.shortName(query, byShort[0]!.name),
    };
  }
  if (byShort && byShort.length > 1)
    return { ok: false, code: 'ambiguous_school', query, candidates: [...byShort] };

  const key = nameKey(query);
  const byKey = key === '' ? undefined : index.byKey.get(key);
  if (byKey && byKey.length === 1) {
    return { ok: true, school: byKey[0]!, assumption: zh.parser.readings.recognized(query, byKey[0]!.name) };
  }
  if (byKey && byKey.length > 1)
    return { ok: false, code: 'ambiguous_school', query, candidates: [...byKey] };
  // 区特校, 县一中: the district before a short name the key keeps whole (too short to strip)
  const local = /^[区县市]/.test(query) ? index.byKey.get(nameKey(query.slice(1))) : undefined;
  if (local && local.length === 1)
    return { ok: true, school: local[0]!, assumption: zh.parser.readings.recognized(query, local[0]!.name) };

  const inactive = index.inactiveByName.get(query);
  return inactive
    ? { ok: false, code: 'unknown_school', query, suggestions: [], inactive }
    : { ok: false, code: 'unknown_school', query, suggestions: suggest(index, key) };
}

export type ZoneMatch = { ok: true; zone: Zone; assumption?: string } | { ok: false; candidates: Zone[] };

/** A zone (督导责任区) by name, with or without 责任区/片区. */
export function matchZone(text: string, index: SchoolIndex): ZoneMatch {
  const query = cleanName(text);
  if (query.length > MAX_QUERY) return { ok: false, candidates: [] };
  const exact = index.zones.filter((z) => foldWidth(z.name).trim() === query);
  if (exact.length === 1) return { ok: true, zone: exact[0]! };
  const found = index.zoneByKey.get(nameKey(query)) ?? index.zoneByKey.get(zoneKey(query)) ?? [];
  if (found.length === 1)
    return { ok: true, zone: found[0]!, assumption: zh.parser.readings.recognized(query, found[0]!.name) };
  return { ok: false, candidates: [...found] };
}
