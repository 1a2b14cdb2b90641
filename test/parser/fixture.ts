import type { School, Zone } from '../../src/domain/roster.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { createSchoolIndex } from '../../src/parser/school-index.js';
import type { ParseContext } from '../../src/parser/parse-context.js';

/** A small demo district: two zones, a handful of schools with the nicknames people use. */
export const zones: Zone[] = [
  { id: 'z-lq', name: '龙泉责任区' },
  { id: 'z-cg', name: '城关责任区' },
];

const school = (
  id: string,
  name: string,
  shortNames: string[],
  type: School['type'],
  zone: string,
  extra: Partial<School> = {},
): School => ({
  id,
  name,
  shortNames,
  type,
  nature: '公办',
  zone,
  active: true,
  ...extra,
});

export const schools: School[] = [
  school('s-lqxx', '龙泉小学', ['龙泉小'], '小学', 'z-lq'),
  school('s-lqzx', '龙泉中学', [], '初中', 'z-lq'),
  school('s-cg27', '城关第二十七小学', ['城关27小'], '小学', 'z-cg'),
  school('s-syyey', '实验幼儿园', ['区实验幼儿园', '实幼'], '幼儿园', 'z-cg'),
  school('s-cnxx', '大足区城南小学', ['城南小'], '小学', 'z-lq'),
  school('s-yz', '第一中学', ['一中'], '高中', 'z-cg'),
  school('s-hxxx', '红星小学', ['红星'], '小学', 'z-lq'),
  school('s-hxyey', '红星幼儿园', ['红星'], '幼儿园', 'z-lq'),
  school('s-ycxx', '育才学校', [], '九年一贯制', 'z-cg', { nature: '民办' }),
  school('s-jcxx', '旧城小学', [], '小学', 'z-cg', { active: false }),
];

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
