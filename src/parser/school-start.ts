import { nameKey, type SchoolIndex } from './school-index.js';

/**
 * Whether a text starts with a school of the roster (its name, a short name, or the same key):
 * how a label without a colon (`学校龙泉小学日期…`, voice) is told from the word 学校 in a sentence.
 * At most 20 prefixes are looked up: linear in nothing but the roster's maps.
 */
export function startsWithSchool(text: string, index: SchoolIndex): boolean {
  const head = text.slice(0, 24);
  for (let len = Math.min(head.length, 20); len >= 2; len--) {
    const p = head.slice(0, len);
    if (index.byName.has(p) || index.byShortName.has(p)) return true;
    const k = nameKey(p);
    if (k !== '' && index.byKey.has(k)) return true;
  }
  return false;
}
