import {
  ALL_ZONES,
  rosterSchema,
  schoolTypes,
  type Chat,
  type Person,
  type PlanEntry,
  type Roster,
  type School,
  type Zone,
} from '../domain/roster.js';
import {
  rosterError,
  sheetError,
  tables,
  type RawRow,
  type RawTables,
  type RosterError,
  type TableName,
} from './columns.js';
import {
  ALL_ZONE_WORDS,
  bool,
  list,
  mobile,
  month,
  platform,
  roles,
  text,
  zoneId,
  type Parsed,
} from './values.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * `warnings` are worth a look but do not stop the import (two active people with one name, a
 * mobile number that is not one, a person no platform can reach).
 */
export type NormalizeResult =
  | { ok: true; roster: Roster; warnings: RosterError[] }
  | { ok: false; errors: RosterError[]; warnings: RosterError[] };

const MAX = 64;

/**
 * Raw tables → the Roster of src/domain/roster.ts, collecting every mistake (sheet, row, column,
 * in Chinese) rather than stopping at the first: an office fixes the workbook in one go.
 * `year` places plan months written without a year (三月).
 */
export function normalizeRoster(raw: RawTables, opts: { year: number }): NormalizeResult {
  // a file of the wrong shape is reported alone: a missing column would otherwise add one
  // 『必填』 per row, and an unknown one hides nothing worth reading past
  if (raw.errors.length) return { ok: false, errors: raw.errors, warnings: [] };
  const errors: RosterError[] = [];
  const warnings: RosterError[] = [];
  const unit = zh.roster.units[raw.unit];
  const line = (t: TableName, row: RawRow, key: string | undefined, msg: string) =>
    rosterError(tables[t].sheet, raw.unit, row.row, key ? (tables[t].columns[key] ?? key) : undefined, msg);
  const at = (t: TableName, row: RawRow, key: string | undefined, msg: string) =>
    errors.push(line(t, row, key, msg));
  const warn = (t: TableName, row: RawRow, key: string | undefined, msg: string) =>
    warnings.push(line(t, row, key, msg));
  const req = (t: TableName, row: RawRow, key: string, max = MAX): string => {
    const v = text(row.values[key]);
    if (!v) at(t, row, key, zh.roster.values.required);
    else if (v.length > max) at(t, row, key, zh.roster.values.tooLong(max));
    return v;
  };
  const opt = (t: TableName, row: RawRow, key: string, max = MAX): string | undefined => {
    const v = text(row.values[key]);
    if (v.length > max) at(t, row, key, zh.roster.values.tooLong(max));
    return v || undefined;
  };
  function take<T>(t: TableName, row: RawRow, key: string, p: Parsed<T>): T | undefined {
    if (p.ok) return p.value;
    at(t, row, key, p.error);
    return undefined;
  }
  const unique = (t: TableName, key: string) => {
    const seen = new Map<string, number>();
    return (row: RawRow, value: string | undefined) => {
      if (!value) return;
      const first = seen.get(value);
      if (first !== undefined) at(t, row, key, zh.roster.values.duplicate(value, first, unit));
      else seen.set(value, row.row);
    };
  };

  // --- schools, and the zones their 责任区 names define
  const schools: School[] = [];
  const zones = new Map<string, Zone>(); // by name
  const uid = unique('schools', 'id');
  const uname = unique('schools', 'name');
  for (const row of raw.tables.schools ?? []) {
    const id = req('schools', row, 'id');
    const name = req('schools', row, 'name');
    const zoneName = req('schools', row, 'zone');
    uid(row, id);
    uname(row, name);
    const type = text(row.values.type);
    if (!(schoolTypes as readonly string[]).includes(type))
      at(
        'schools',
        row,
        'type',
        type ? zh.roster.values.unknownType(type, schoolTypes) : zh.roster.values.required,
      );
    // 公办/民办 are the values a 性质 cell may hold: input, not text
    const nature = text(row.values.nature) || '公办';
    if (nature !== '公办' && nature !== '民办') at('schools', row, 'nature', zh.roster.values.nature(nature));
    const shortNames = list(row.values.shortNames);
    for (const s of shortNames)
      if (s.length > MAX) at('schools', row, 'shortNames', zh.roster.values.shortNameTooLong(s.slice(0, 10)));
    if (zoneName && !zones.has(zoneName)) zones.set(zoneName, { id: zoneId(zoneName), name: zoneName });
    schools.push({
      id,
      name,
      shortNames,
      type: type as School['type'],
      nature: nature as School['nature'],
      zone: zoneId(zoneName),
      active: true,
    });
  }
  const schoolRef = new Map<string, School | null>(); // null: a short name shared by two schools
  for (const s of schools) for (const sn of s.shortNames) schoolRef.set(sn, schoolRef.has(sn) ? null : s);
  for (const s of schools) schoolRef.set(s.name, s);
  for (const s of schools) schoolRef.set(s.id, s);
  const findSchool = (t: TableName, row: RawRow, key: string, ref: string): School | undefined => {
    const s = schoolRef.get(ref);
    if (s === undefined) at(t, row, key, zh.roster.values.schoolNotFound(ref));
    else if (s === null) at(t, row, key, zh.roster.values.shortNameAmbiguous(ref));
    return s ?? undefined;
  };
  const zoneNames = [...zones.keys()];

  // --- people
  const people: Person[] = [];
  const pid = unique('people', 'id');
  const pwecom = unique('people', 'wecomId');
  const pding = unique('people', 'dingtalkId');
  const byName = new Map<string, number>(); // name → first row
  for (const row of raw.tables.people ?? []) {
    const id = req('people', row, 'id');
    const name = req('people', row, 'name');
    pid(row, id);
    const rs = take('people', row, 'roles', roles(row.values.roles)) ?? [];
    const fullTime = take('people', row, 'fullTime', bool(row.values.fullTime)) ?? false;
    let school: string | undefined;
    if (rs.includes('principal')) {
      const ref = text(row.values.school);
      if (!ref) at('people', row, 'school', zh.roster.values.principalNeedsSchool);
      else school = findSchool('people', row, 'school', ref)?.id;
    }
    let zs: string[] = [];
    if (rs.includes('supervisor') || rs.includes('leader')) {
      const names = list(row.values.zones);
      if (names.some((n) => ALL_ZONE_WORDS.has(n))) zs = [ALL_ZONES];
      else {
        for (const n of names) {
          const z = zones.get(n);
          if (z) zs.push(z.id);
          else at('people', row, 'zones', zh.roster.values.zoneNotFound(n, zoneNames));
        }
        if (names.length === 0 && (rs.includes('leader') || !fullTime)) {
          at(
            'people',
            row,
            'zones',
            rs.includes('leader') ? zh.roster.values.leaderNeedsZones : zh.roster.values.partTimeNeedsZones,
          );
        }
      }
    }
    const wecomId = opt('people', row, 'wecomId');
    const dingtalkId = opt('people', row, 'dingtalkId');
    pwecom(row, wecomId);
    pding(row, dingtalkId);
    if (name) {
      const first = byName.get(name);
      if (first === undefined) byName.set(name, row.row);
      else warn('people', row, 'name', zh.roster.warnings.sameName(first, unit, name));
    }
    const m = mobile(row.values.mobile);
    if (!m.ok) warn('people', row, 'mobile', zh.roster.warnings.mobileSkipped(m.error));
    const phone = m.ok ? m.value : undefined;
    if (id && !wecomId && !dingtalkId)
      warn('people', row, undefined, zh.roster.warnings.unreachable(name || id));
    const p: Person = { id, name, roles: rs, zones: zs, fullTime, active: true };
    if (school) p.school = school;
    if (wecomId) p.wecomId = wecomId;
    if (dingtalkId) p.dingtalkId = dingtalkId;
    if (phone) p.mobile = phone;
    people.push(p);
  }

  // --- chats: 绑定 is a zone name, a school (id, name or short name) or 督导室
  const chats: Chat[] = [];
  const uchat = unique('chats', 'chatId');
  for (const row of raw.tables.chats ?? []) {
    const pf = take('chats', row, 'platform', platform(row.values.platform));
    const chatId = req('chats', row, 'chatId', 1024);
    uchat(row, chatId);
    const name = opt('chats', row, 'name', 128) ?? '';
    const b = req('chats', row, 'binding');
    let binding: Chat['binding'] | undefined;
    // the office's words are input (what a 绑定 cell may say), not text
    if (['督导室', '督导办', '办公室', 'office'].includes(b)) binding = { type: 'office', id: 'office' };
    else if (zones.has(b)) binding = { type: 'zone', id: zones.get(b)!.id };
    else if (b && schoolRef.get(b)) binding = { type: 'school', id: schoolRef.get(b)!.id };
    else if (b) at('chats', row, 'binding', zh.roster.values.bindingNotFound(b));
    if (pf && chatId && binding) chats.push({ platform: pf, chatId, name, binding });
  }

  // --- plan
  const plan: PlanEntry[] = [];
  for (const row of raw.tables.plan ?? []) {
    const m = take('plan', row, 'month', month(row.values.month, opts.year));
    const content = req('plan', row, 'content', 500);
    const kind = opt('plan', row, 'kind', 32);
    const topic = opt('plan', row, 'topic', 64);
    if (m && content)
      plan.push({ month: m, content, ...(kind ? { kind } : {}), ...(topic ? { topic } : {}) });
  }

  // an empty table would deactivate the whole district: certainly a wrong file, not an intent
  for (const t of ['schools', 'people'] as const) {
    if (raw.tables[t] && raw.tables[t].length === 0)
      errors.push(sheetError(tables[t].sheet, zh.roster.values.noRows));
  }
  if (errors.length) return { ok: false, errors, warnings };
  const roster = rosterSchema.parse({ zones: [...zones.values()], schools, people, chats, plan });
  return { ok: true, roster, warnings };
}
