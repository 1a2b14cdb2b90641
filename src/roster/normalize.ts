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
  const line = (t: TableName, row: RawRow, key: string | undefined, msg: string) =>
    rosterError(tables[t].sheet, raw.unit, row.row, key ? (tables[t].columns[key] ?? key) : undefined, msg);
  const at = (t: TableName, row: RawRow, key: string | undefined, msg: string) =>
    errors.push(line(t, row, key, msg));
  const warn = (t: TableName, row: RawRow, key: string | undefined, msg: string) =>
    warnings.push(line(t, row, key, msg));
  const req = (t: TableName, row: RawRow, key: string, max = MAX): string => {
    const v = text(row.values[key]);
    if (!v) at(t, row, key, '必填');
    else if (v.length > max) at(t, row, key, `太长（最多${max}个字）`);
    return v;
  };
  const opt = (t: TableName, row: RawRow, key: string, max = MAX): string | undefined => {
    const v = text(row.values[key]);
    if (v.length > max) at(t, row, key, `太长（最多${max}个字）`);
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
      if (first !== undefined) at(t, row, key, `『${value}』与第${first}${raw.unit}重复`);
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
      at('schools', row, 'type', type ? `无法识别类型『${type}』，可填：${schoolTypes.join('、')}` : '必填');
    const nature = text(row.values.nature) || '公办';
    if (nature !== '公办' && nature !== '民办')
      at('schools', row, 'nature', `应填『公办』或『民办』，不是『${nature}』`);
    const shortNames = list(row.values.shortNames);
    for (const s of shortNames)
      if (s.length > MAX) at('schools', row, 'shortNames', `简称『${s.slice(0, 10)}…』太长`);
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
    if (s === undefined) at(t, row, key, `未找到学校『${ref}』`);
    else if (s === null) at(t, row, key, `简称『${ref}』对应多所学校，请填学校编号或全称`);
    return s ?? undefined;
  };
  const zoneNames = [...zones.keys()].join('、');

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
      if (!ref) at('people', row, 'school', '校长须填写所在学校（编号或名称）');
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
          else
            at(
              'people',
              row,
              'zones',
              `未找到责任区『${n}』${zoneNames ? `，学校表中的责任区有：${zoneNames}` : ''}`,
            );
        }
        if (names.length === 0 && (rs.includes('leader') || !fullTime)) {
          at(
            'people',
            row,
            'zones',
            `${rs.includes('leader') ? '领导' : '兼职督学'}须填写责任区（全区填『全部』）`,
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
      else
        warn(
          'people',
          row,
          'name',
          `与第${first}${raw.unit}同名『${name}』：日报、通报和卡片上只写姓名，两人会分不清，建议在姓名后加注（如 ${name}（学校））`,
        );
    }
    const m = mobile(row.values.mobile);
    if (!m.ok) warn('people', row, 'mobile', `${m.error}，这个号码未导入`);
    const phone = m.ok ? m.value : undefined;
    if (id && !wecomId && !dingtalkId)
      warn('people', row, undefined, `${name || id} 没有企业微信或钉钉账号，发给此人的通知无法送达`);
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
    if (['督导室', '督导办', '办公室', 'office'].includes(b)) binding = { type: 'office', id: 'office' };
    else if (zones.has(b)) binding = { type: 'zone', id: zones.get(b)!.id };
    else if (b && schoolRef.get(b)) binding = { type: 'school', id: schoolRef.get(b)!.id };
    else if (b) at('chats', row, 'binding', `未找到责任区或学校『${b}』（也可填『督导室』）`);
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
      errors.push({ sheet: tables[t].sheet, text: `${tables[t].sheet}：没有任何数据行` });
  }
  if (errors.length) return { ok: false, errors, warnings };
  const roster = rosterSchema.parse({ zones: [...zones.values()], schools, people, chats, plan });
  return { ok: true, roster, warnings };
}
