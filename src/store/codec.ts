import type { Item, ItemStatus, VisitRecord } from '../domain/records.js';
import type { VisitKind } from '../domain/command.js';
import type { Platform, Attachment } from '../domain/inbound.js';
import { dayNumber } from '../domain/day.js';
import { itemId, recordId } from '../domain/ids.js';

/**
 * Entity ↔ Redis hash. Fields are one or two letters and every value stays within the server's
 * `hash-max-listpack-value` (listpack-limit.ts; 64 bytes by default, 512 in the embedded Redis),
 * so the hashes keep the compact listpack encoding (docs/spec/performance.md). A text goes into
 * its hash as `t` when it fits that limit, else into its own key (`zg:<n>:t`, `dd:<n>:t`, which
 * is also where every text of the first release is); readers take either.
 *
 * item hash:   r record n · s school · z zone · u supervisor · st status · dl deadline ·
 *              ds deadline source (t|d) · c created · up updated (absent: = c) · cl closed · na attachments ·
 *              xu/xb/xa pending extension until/by/at · t the problem text (when short enough) ·
 *              `~` and `~<seq>`: the item's deliveries (deliveries.ts; never read here, and the
 *              store's scripts leave them out of what they return)
 * record hash: s · z · u · d date · k kind · m manner · c created · p platform · i0 first item n · ni count ·
 *              t RecordTexts JSON (when short enough)
 */

/** Sorted-set score that orders by day, then by number; exact in a double up to n < 1e9. */
export function dayScore(day: string, n: number): number {
  return dayNumber(day) * 1e9 + n;
}

export type Flat = Record<string, string>;

/** HGETALL-as-array (Lua replies) → object. */
export function pairs(arr: unknown): Flat {
  const out: Flat = {};
  if (!Array.isArray(arr)) return out;
  for (let i = 0; i + 1 < arr.length; i += 2) out[String(arr[i])] = String(arr[i + 1]);
  return out;
}

export function decodeItem(
  n: number,
  h: Flat,
  text: string | null,
  extReason?: string | null,
): Item | undefined {
  if (!h.st) return undefined;
  const item: Item = {
    id: itemId(n),
    record: recordId(h.r ?? '0'),
    school: h.s ?? '',
    zone: h.z ?? '',
    supervisor: h.u ?? '',
    text: h.t ?? text ?? '',
    deadline: h.dl ?? '',
    deadlineSource: h.ds === 'd' ? 'default' : 'text',
    status: h.st as ItemStatus,
    createdAt: h.c ?? '',
    updatedAt: h.up ?? h.c ?? '',
    attachments: Number(h.na ?? 0),
  };
  if (h.cl) item.closedAt = h.cl;
  if (h.xu) {
    item.extension = { until: h.xu, by: h.xb ?? '', at: h.xa ?? '' };
    if (extReason) item.extension.reason = extReason;
  }
  return item;
}

/** Fields of a new item as a flat HSET argument list (r is added by the script). */
export function encodeNewItem(o: {
  school: string;
  zone: string;
  supervisor: string;
  deadline: string;
  deadlineSource: 'text' | 'default';
  now: string;
}): string[] {
  return [
    's',
    o.school,
    'z',
    o.zone,
    'u',
    o.supervisor,
    'st',
    'open',
    'dl',
    o.deadline,
    'ds',
    o.deadlineSource === 'default' ? 'd' : 't',
    'c',
    o.now,
  ];
  // no 'up' until the first change: updatedAt falls back to 'c' (26 bytes less per item)
}

export interface RecordTexts {
  topic?: string;
  findings?: string;
  highlights?: string;
  remark?: string;
  /** the source message id (may be long) */
  msg?: string;
  /** 'voice': dictated, transcribed by the platform */
  via?: 'voice';
}

export function parseTexts(json: string | null | undefined): RecordTexts {
  if (!json) return {};
  try {
    return JSON.parse(json) as RecordTexts;
  } catch {
    return {};
  }
}

export function decodeRecord(
  n: number,
  h: Flat,
  t: RecordTexts,
  evidence: string[],
): VisitRecord | undefined {
  if (!h.d) return undefined;
  const first = Number(h.i0 ?? 0);
  const count = Number(h.ni ?? 0);
  const items: string[] = [];
  for (let i = 0; i < count; i++) items.push(itemId(first + i));
  const attachments: Attachment[] = [];
  for (const e of evidence) {
    try {
      attachments.push(JSON.parse(e) as Attachment);
    } catch {
      // a damaged entry is skipped rather than failing the whole record
    }
  }
  const rec: VisitRecord = {
    id: recordId(n),
    school: h.s ?? '',
    zone: h.z ?? '',
    supervisor: h.u ?? '',
    date: h.d,
    kind: (h.k ?? '挂牌督导') as VisitKind,
    items,
    attachments,
    createdAt: h.c ?? '',
    source: { platform: (h.p ?? 'sim') as Platform, messageId: t.msg ?? '' },
  };
  if (h.m === '暗访' || h.m === '明查') rec.manner = h.m;
  if (t.topic) rec.topic = t.topic;
  if (t.findings) rec.findings = t.findings;
  if (t.highlights) rec.highlights = t.highlights;
  if (t.remark) rec.remark = t.remark;
  if (t.via === 'voice') rec.via = 'voice';
  return rec;
}
