/**
 * Item and record numbers as people type them. Items: `ZG-12`, `ZG12`, `zg-0012`, `#12` or a bare
 * `12` → 'ZG-12'. Records: `DD-7`, `DD7`, `#DD7`, `dd-07` → 'DD-7'. Numbers are only normalised
 * here, never looked up: whether ZG-12 exists is the handlers' business.
 *
 * Works on normalised text (normalize-text.ts), so full-width ＺＧ－１２ has become ZG-12 already.
 */

import { readNumber } from './cn-number.js';
import { itemId, recordId } from '../domain/ids.js';

export type IdToken = { kind: 'item'; id: string } | { kind: 'record'; id: string };

export type LeadingId =
  | { ok: true; token: IdToken; rest: string }
  | { ok: false; bad: string; rest: string } // looked like a number but is not one (ZG-abc, ZG-0)
  | { ok: false; bad?: undefined; rest: string }; // no number at the start

/** A number longer than this is a typo, not an item. */
const MAX_DIGITS = 9;

const RECORD_RE = /^#?\s?d\s?d\s?-?\s?(\d+|[零〇一二两三四五六七八九十百]{1,6})(?![0-9a-z])/i;
// ZG十二, Z G 12: how a voice transcription writes an item number
const ITEM_RE = /^#?\s?z\s?g\s?-?\s?(\d+|[零〇一二两三四五六七八九十百]{1,6})(?![0-9a-z])/i;
const HASH_RE = /^#\s?(\d+)(?![0-9a-z])/i;
// A bare number is an item only when nothing date- or quantity-like follows it (12月, 3个, 1/3).
const BARE_RE = /^(\d+)(?![0-9a-z./\-:%月日号年个天周项处条名人次])/i;
const BAD_RE = /^#?\s?(?:zg|dd)\s?-?\s?[^\s,;、。]*/i;

function toId(prefix: 'ZG' | 'DD', digits: string): string | undefined {
  if (digits.length > MAX_DIGITS) return undefined;
  const n = /^\d+$/.test(digits) ? Number(digits) : (readNumber(digits) ?? 0);
  if (n < 1) return undefined;
  return prefix === 'DD' ? recordId(n) : itemId(n);
}

/** 'zg-0012' → 'ZG-12'; undefined when the text is not an item number as a whole. */
export function normalizeItemId(text: string): string | undefined {
  const r = readLeadingId(text.trim());
  return r.ok && r.token.kind === 'item' && r.rest === '' ? r.token.id : undefined;
}

/** '#DD7' → 'DD-7'; undefined when the text is not a record number as a whole. */
export function normalizeRecordId(text: string): string | undefined {
  const r = readLeadingId(text.trim());
  return r.ok && r.token.kind === 'record' && r.rest === '' ? r.token.id : undefined;
}

/** Read an item or record number at the start of `text`; `rest` is what follows, trimmed. */
export function readLeadingId(text: string, opts: { bare?: boolean } = {}): LeadingId {
  const allowBare = opts.bare ?? true;
  const attempts: [RegExp, 'ZG' | 'DD'][] = [
    [RECORD_RE, 'DD'],
    [ITEM_RE, 'ZG'],
    [HASH_RE, 'ZG'],
  ];
  if (allowBare) attempts.push([BARE_RE, 'ZG']);
  for (const [re, prefix] of attempts) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    const id = toId(prefix, m[1]!);
    if (id === undefined) return { ok: false, bad: m[0], rest };
    return { ok: true, token: prefix === 'DD' ? { kind: 'record', id } : { kind: 'item', id }, rest };
  }
  const bad = BAD_RE.exec(text.slice(0, 64));
  if (bad && /^#?\s?(?:zg|dd)(?![a-z])/i.test(text))
    return { ok: false, bad: bad[0], rest: text.slice(bad[0].length).trim() };
  return { ok: false, rest: text };
}

/** Whether `text` starts with another item number (`ZG-13`, `#13`, `、ZG13`): one command, one item. */
export function startsWithAnotherId(text: string): boolean {
  return /^(?:[、,;/和及与]|\s)*(?:#\s?\d|zg\s?-?\s?\d|dd\s?-?\s?\d)/i.test(text);
}
