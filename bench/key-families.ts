/**
 * Where Redis's memory is, by key family: every key SCANned and grouped (the prefix dropped,
 * numbers and ids folded: `zg:#:t`, `outbound:<job>`, `out:sent:<id>`), MEMORY USAGE of up to
 * `sample` keys of each family scaled to its count. Used by bench/ingest.ts (per item) and
 * bench/soak.ts (per record + item) to say what each thing kept costs.
 */
import { DEFAULT_PREFIX, queueNames } from '../src/queue/names.js';
import type { RedisClient } from '../src/redis/connect.js';

/** A key's family: the prefix dropped, numbers and ids folded (`zg:#:h`, `outbound:<job>`, `out:sent:<job>`). */
function familyOf(key: string): string {
  const k = key.startsWith(`${DEFAULT_PREFIX}:`) ? key.slice(DEFAULT_PREFIX.length + 1) : key;
  const parts = k.split(':');
  const q = parts[0]!;
  if ((queueNames as readonly string[]).includes(q)) {
    if (parts.length === 1) return q;
    const sub = parts[1]!;
    if (/^j-|^\d+$|^[0-9a-f-]{16,}$/.test(sub) || sub.length > 24)
      return `${q}:<job>${parts.length > 2 ? ':' + parts.slice(2).join(':') : ''}`;
    return parts.length > 2 ? `${q}:${sub}:<id>` : `${q}:${sub}`;
  }
  if (q === 'out' || q === 'rl' || q === 'order' || q === 'ov')
    return parts
      .slice(0, q === 'out' && parts[1] === 'used' ? 3 : 2)
      .concat(parts.length > (q === 'out' && parts[1] === 'used' ? 3 : 2) ? ['<id>'] : [])
      .join(':')
      .replace(/^order:(?!seq).*/, 'order:<chat>');
  return parts.map((p) => (p.length > 16 ? '<id>' : p.replace(/\d+/g, '#'))).join(':');
}

interface Family {
  count: number;
  sampled: number;
  sampledBytes: number;
  ttl: number;
  types: Map<string, number>;
}

async function breakdown(redis: RedisClient, SAMPLE: number): Promise<Map<string, Family>> {
  const fams = new Map<string, Family>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 2000);
    cursor = next;
    const todo: [string, Family][] = [];
    for (const key of keys) {
      const f = familyOf(key);
      let fam = fams.get(f);
      if (!fam) fams.set(f, (fam = { count: 0, sampled: 0, sampledBytes: 0, ttl: 0, types: new Map() }));
      fam.count++;
      if (fam.sampled + todo.filter(([, x]) => x === fam).length < SAMPLE) todo.push([key, fam]);
    }
    if (todo.length) {
      const p = redis.pipeline();
      for (const [key] of todo)
        p.call('MEMORY', 'USAGE', key, 'SAMPLES', '0').ttl(key).call('OBJECT', 'ENCODING', key);
      const r = (await p.exec()) ?? [];
      todo.forEach(([, fam], i) => {
        const bytes = Number(r[3 * i]?.[1] ?? 0);
        const ttl = Number(r[3 * i + 1]?.[1] ?? -1);
        const enc = String(r[3 * i + 2]?.[1] ?? '?');
        fam.sampled++;
        fam.sampledBytes += bytes;
        if (ttl > 0) fam.ttl++;
        fam.types.set(enc, (fam.types.get(enc) ?? 0) + 1);
      });
    }
  } while (cursor !== '0');
  return fams;
}

export interface FamilyRow extends Family {
  f: string;
  /** mean MEMORY USAGE of the sampled keys */
  mean: number;
  /** mean × count */
  total: number;
}

/** The key families of the database, largest first. */
export async function keyFamilies(redis: RedisClient, sample = 200): Promise<FamilyRow[]> {
  const fams = await breakdown(redis, sample);
  return [...fams.entries()]
    .map(([f, x]) => ({ f, ...x, mean: x.sampled ? x.sampledBytes / x.sampled : 0 }))
    .map((x) => ({ ...x, total: x.mean * x.count }))
    .sort((a, b) => b.total - a.total);
}

/**
 * The table's lines: each family's keys, bytes per key and per `unit` (of which there are
 * `units`), the sum, and what used_memory grew (`grown`) beyond it (the keyspace and expiry
 * dicts, the allocator). Families of the roster (`r:…`) were there before the baseline.
 */
export function familyTable(rows: FamilyRow[], units: number, grown: number, unit: string): string[] {
  const per = (n: number) => (units ? n / units : 0).toFixed(0);
  const keys = rows.reduce((a, r) => a + r.count, 0);
  const accounted = rows.reduce((a, r) => a + r.total, 0);
  const before = rows.filter((r) => /^r:/.test(r.f)).reduce((a, r) => a + r.total, 0);
  return [
    `by key family (MEMORY USAGE of up to ${Math.max(...rows.map((r) => r.sampled), 0)} keys each, scaled to the count; the district's keys were there before):`,
    `  ${'family'.padEnd(34)} ${'keys'.padStart(8)} ${'B/key'.padStart(7)} ${`B/${unit}`.padStart(7)}  ttl   encoding`,
    ...rows
      .filter((r) => r.total / Math.max(1, units) >= 1 || r.count >= units / 10)
      .map(
        (r) =>
          `  ${r.f.padEnd(34)} ${String(r.count).padStart(8)} ${r.mean.toFixed(0).padStart(7)} ${per(r.total).padStart(7)}  ${r.ttl === r.sampled ? 'all ' : r.ttl ? 'some' : 'none'}  ${[...r.types.entries()].map(([t, n]) => (n === r.sampled ? t : `${t}×${n}`)).join(',')}`,
      ),
    `  ${'(keys listed, sum)'.padEnd(34)} ${String(keys).padStart(8)} ${''.padStart(7)} ${per(accounted).padStart(7)}`,
    `  ${'(used_memory growth less the sum: the keyspace and expiry dicts, allocator)'.padEnd(34)} ${per(grown - accounted + before)} B/${unit}`,
  ];
}
