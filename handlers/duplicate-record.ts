import type { SubmitRecord } from '../src/domain/command.js';
import type { VisitRecord } from '../src/domain/records.js';
import type { FullStore, Source } from '../src/store/store.js';

/**
 * The same record sent twice (docs/spec/commands.md → Warnings, `possible_duplicate`): a stored
 * record of the same school and visit date — by the same supervisor when one is given — whose
 * problems overlap the new one's (one pair alike: the same numbers in both, and equal once spaces
 * and punctuation are dropped, one inside the other, or ≥ 0.75 alike by the Dice coefficient of
 * character pairs). Two records
 * that both found no problem are alike when their 情况 is. The record created by this very message
 * (a retried job) is never its own duplicate.
 */

const key = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '').slice(0, 400);

function pairs(s: string): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();

/** Whether two problem texts say the same thing (1号楼 and 2号楼 do not: their numbers differ). */
export function alike(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  if (x === '' || y === '') return false;
  if (digits(x) !== digits(y)) return false;
  if (x === y || (x.length >= 4 && y.includes(x)) || (y.length >= 4 && x.includes(y))) return true;
  const px = pairs(x);
  const pool = new Map<string, number>();
  for (const p of pairs(y)) pool.set(p, (pool.get(p) ?? 0) + 1);
  let common = 0;
  for (const p of px) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      common++;
      pool.set(p, n - 1);
    }
  }
  return (2 * common) / (px.length + pairs(y).length) >= 0.75;
}

/** The earlier record this one repeats, or undefined. */
export async function findDuplicateRecord(
  store: Pick<FullStore, 'queryRecords' | 'getItems'>,
  cmd: SubmitRecord,
  o: { supervisor?: string; source?: Source } = {},
): Promise<VisitRecord | undefined> {
  const page = await store.queryRecords({
    school: cmd.school.id,
    from: cmd.date,
    to: cmd.date,
    ...(o.supervisor ? { supervisor: o.supervisor } : {}),
    limit: 50,
  });
  for (const r of page.items) {
    if (o.source && r.source.platform === o.source.platform && r.source.messageId === o.source.messageId)
      continue;
    if (r.school !== cmd.school.id || r.date !== cmd.date) continue;
    if (o.supervisor && r.supervisor !== o.supervisor) continue;
    if (cmd.problems.length === 0 && r.items.length === 0) {
      if (key(r.findings ?? '') === key(cmd.findings ?? '')) return r;
      continue;
    }
    const items = await store.getItems(r.items);
    if (items.some((it) => cmd.problems.some((p) => alike(p.text, it.text)))) return r;
  }
  return undefined;
}
