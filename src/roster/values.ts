// Cell values as office staff type them → typed values. Each returns the value or an error string
// (from the catalogue, zh.roster.values, without the sheet/row/column prefix, which the caller
// adds). The words below (是/否, the roles', the platforms', the months') are what the import
// reads, input and not text: they stay here.

import { createHash } from 'node:crypto';
import type { Platform } from '../domain/inbound.js';
import type { Role } from '../domain/roster.js';
import { zh } from '../text/zh-CN/index.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

export function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return String(v).trim();
}

/** A multi-valued cell: an array (JSON) or a string separated by 、 , ， ; ； or line breaks. */
export function list(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.map(text) : text(v).split(/[、,，;；\n\r]+/);
  return parts.map((s) => s.trim()).filter(Boolean);
}

export function bool(v: unknown): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const t = text(v).toLowerCase();
  if (['', '否', '兼职', 'n', 'no', 'false', '0'].includes(t)) return ok(false);
  if (['是', '专职', 'y', 'yes', 'true', '1'].includes(t)) return ok(true);
  return fail(zh.roster.values.yesOrNo(text(v)));
}

const roleWords: Record<string, Role> = {
  督学: 'supervisor',
  责任督学: 'supervisor',
  专职督学: 'supervisor',
  兼职督学: 'supervisor',
  supervisor: 'supervisor',
  校长: 'principal',
  园长: 'principal',
  学校联络员: 'principal',
  联络员: 'principal',
  principal: 'principal',
  领导: 'leader',
  leader: 'leader',
  管理员: 'admin',
  admin: 'admin',
};

export function roles(v: unknown): Parsed<Role[]> {
  const words = list(v);
  if (words.length === 0) return fail(zh.roster.values.rolesRequired);
  const out: Role[] = [];
  for (const w of words) {
    const r = roleWords[w] ?? roleWords[w.toLowerCase()];
    if (!r) return fail(zh.roster.values.unknownRole(w));
    if (!out.includes(r)) out.push(r);
  }
  return ok(out);
}

const platformWords: Record<string, Platform> = {
  企业微信: 'wecom',
  政务微信: 'wecom',
  wecom: 'wecom',
  钉钉: 'dingtalk',
  浙政钉: 'dingtalk',
  dingtalk: 'dingtalk',
  模拟: 'sim',
  模拟器: 'sim',
  sim: 'sim',
};

export function platform(v: unknown): Parsed<Platform> {
  const t = text(v);
  const p = platformWords[t] ?? platformWords[t.toLowerCase()];
  return p ? ok(p) : fail(zh.roster.values.platform(t));
}

const cnMonths: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
  正: 1,
};

/** 2026-03, 2026年3月, 2026/3, 2026.03, or a bare 3月 / 三月 in `year`. An Excel date cell counts too. */
export function month(v: unknown, year: number): Parsed<string> {
  if (v instanceof Date) return ok(`${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`);
  const t = text(v).replace(/\s+/g, '');
  let y = year;
  let m: number | undefined;
  let r = /^(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})(?:月(?:份)?)?$/.exec(t);
  if (r) {
    y = Number(r[1]);
    m = Number(r[2]);
  } else if ((r = /^(\d{1,2})月(?:份)?$/.exec(t))) {
    m = Number(r[1]);
  } else if ((r = /^(十[一二]|[一二三四五六七八九十正])月(?:份)?$/.exec(t))) {
    m = cnMonths[r[1]!];
  }
  if (m === undefined || m < 1 || m > 12) return fail(zh.roster.values.month(text(v)));
  return ok(`${y}-${String(m).padStart(2, '0')}`);
}

/**
 * A mainland mobile number: 11 digits from 13… to 19…, written with spaces or dashes and with or
 * without +86. What Excel shows as 1.38123E+10 (a number cell too narrow) is not one.
 */
export function mobile(v: unknown): Parsed<string | undefined> {
  const t = text(v);
  if (!t) return ok(undefined);
  const digits = t.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? ok(digits) : fail(zh.roster.values.mobile(t));
}

/**
 * A zone's id, derived from its name: stable across imports whatever the row order (a numbered id
 * would move when rows move, and items keep their zone id), ASCII so it is safe in keys and URLs.
 */
export function zoneId(name: string): string {
  return 'z-' + createHash('sha256').update(name).digest('hex').slice(0, 8);
}

/** 全部 (or 全区) in a 责任区 cell: the whole district. */
export const ALL_ZONE_WORDS = new Set(['全部', '全区', '全县', '全部责任区', '*']);
