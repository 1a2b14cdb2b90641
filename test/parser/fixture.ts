import type { School, Zone } from '../../src/domain/roster.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { createSchoolIndex } from '../../src/parser/school-index.js';
import { buildDistrict } from '../helpers/district.js';
import type { ParseContext } from '../../src/parser/parse-context.js';

/** A small demo district: two zones, a handful of schools with the nicknames people use. */
const district = buildDistrict({
  zones: [
    { id: 'z-lq', name: '龙泉责任区' },
    { id: 'z-cg', name: '城关责任区' },
  ],
  schools: [
    { id: 's-lqxx', name: '龙泉小学', shortNames: ['龙泉小'], type: '小学', zone: 'z-lq' },
    { id: 's-lqzx', name: '龙泉中学', type: '初中', zone: 'z-lq' },
    { id: 's-cg27', name: '城关第二十七小学', shortNames: ['城关27小'], type: '小学', zone: 'z-cg' },
    { id: 's-syyey', name: '实验幼儿园', shortNames: ['区实验幼儿园', '实幼'], type: '幼儿园', zone: 'z-cg' },
    { id: 's-cnxx', name: '大足区城南小学', shortNames: ['城南小'], type: '小学', zone: 'z-lq' },
    { id: 's-yz', name: '第一中学', shortNames: ['一中'], type: '高中', zone: 'z-cg' },
    { id: 's-hxxx', name: '红星小学', shortNames: ['红星'], type: '小学', zone: 'z-lq' },
    { id: 's-hxyey', name: '红星幼儿园', shortNames: ['红星'], type: '幼儿园', zone: 'z-lq' },
    { id: 's-ycxx', name: '育才学校', type: '九年一贯制', nature: '民办', zone: 'z-cg' },
    { id: 's-jcxx', name: '旧城小学', type: '小学', zone: 'z-cg', active: false },
  ],
  people: [],
});
export const zones: Zone[] = district.zones;
export const schools: School[] = district.schools;

export const calendar = createCalendar();
export const index = createSchoolIndex(schools, zones);

/** A context at a given instant (ISO; a bare day means 10:00 in China). */
export function ctxAt(now: string, extra: Partial<ParseContext> = {}): ParseContext {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(now) ? new Date(`${now}T10:00:00+08:00`) : new Date(now);
  return {
    now: instant,
    timezone: 'Asia/Shanghai',
    schools: index,
    calendar,
    defaultDeadlineWorkdays: 10,
    ...extra,
  };
}

export const ref = (s: School) => ({ id: s.id, name: s.name });
export const S = Object.fromEntries(schools.map((s) => [s.id, ref(s)])) as Record<
  string,
  { id: string; name: string }
>;
