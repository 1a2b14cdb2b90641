import { addDays, dayInZone } from '../../src/domain/day.js';
import type { FullStore } from '../../src/store/store.js';

/**
 * Three months of work in the demo district (examples/roster.json), relative to `now`, through the
 * real store: visits in every zone, items overdue (some long enough to be escalated), due within
 * the reminder window, on time, closed on time and late — so every chart of the board has
 * something to draw. Returns how many records and items it made.
 */
const TZ = 'Asia/Shanghai';
const PROBLEMS = [
  '作业公示栏未按周更新',
  '课后服务签到表缺失',
  '食堂留样记录不全',
  '消防通道堆放杂物',
  '晨检记录不完整',
  '校园安全巡查记录缺页',
  '图书室借阅登记不全',
  '实验室危化品台账不全',
];

/** [school, visit days ago, problems as [deadline in days from today, closed days ago (or open)]] */
const PLAN: [string, number, [number, number | null][]][] = [
  [
    'S01',
    70,
    [
      [-50, 52],
      [-40, 30],
    ],
  ],
  [
    'S02',
    45,
    [
      [-25, 27],
      [-10, null],
    ],
  ],
  [
    'S03',
    20,
    [
      [-6, null],
      [2, null],
    ],
  ],
  [
    'S04',
    8,
    [
      [1, null],
      [12, null],
    ],
  ],
  ['S06', 62, [[-40, 45]]],
  [
    'S07',
    33,
    [
      [-12, null],
      [-3, null],
    ],
  ],
  ['S08', 12, [[5, null]]],
  [
    'S09',
    4,
    [
      [20, null],
      [2, 1],
    ],
  ],
  [
    'S11',
    80,
    [
      [-60, 61],
      [-58, 50],
    ],
  ],
  [
    'S12',
    26,
    [
      [-5, 8],
      [9, null],
    ],
  ],
  ['S13', 3, [[15, null]]],
  [
    'S16',
    50,
    [
      [-30, 35],
      [-28, null],
    ],
  ],
  [
    'S17',
    15,
    [
      [-2, null],
      [3, null],
    ],
  ],
  ['S18', 2, [[10, null]]],
  ['S01', 5, [[6, null]]],
  ['S06', 9, [[4, null]]],
];

export async function seedDemoDistrict(
  store: FullStore,
  now: Date,
): Promise<{ records: number; items: number }> {
  const today = dayInZone(now, TZ);
  const [schools, people] = await Promise.all([store.listSchools(), store.listPeople()]);
  const supervisorOf = (zone: string) =>
    people.find((p) => p.active && p.roles.includes('supervisor') && p.zones.includes(zone))!;
  const principalOf = (school: string) => people.find((p) => p.active && p.school === school)!;
  const at = (daysAgo: number, hour: number) =>
    new Date(now.getTime() - daysAgo * 86_400_000 - hour * 3_600_000);
  let seq = 0;
  let items = 0;
  for (const [schoolId, ago, problems] of PLAN) {
    const school = schools.find((s) => s.id === schoolId)!;
    const sup = supervisorOf(school.zone);
    const visitDay = addDays(today, -ago);
    const r = await store.createRecord({
      command: {
        command: 'submit_record',
        school: { id: school.id, name: school.name },
        date: visitDay,
        kind: '挂牌督导',
        problems: problems.map(([deadline], i) => ({
          text: PROBLEMS[(seq + i) % PROBLEMS.length]!,
          deadline: addDays(today, deadline),
          deadlineSource: 'text' as const,
        })),
      },
      supervisor: sup.id,
      source: { platform: 'sim', messageId: `seed-${++seq}` },
      // registered the visit's evening, never in the future
      now: at(ago, -10) < now ? at(ago, -10) : now,
    });
    items += r.items.length;
    for (const [i, [, closed]] of problems.entries()) {
      if (closed === null) continue;
      const item = r.items[i]!.id;
      for (const [action, actor, hoursEarlier] of [
        ['done', principalOf(school.id).id, 2],
        ['close', sup.id, 0],
      ] as const) {
        const res = await store.transition({
          item,
          action,
          actor,
          source: { platform: 'sim', messageId: `seed-${++seq}` },
          now: at(closed, hoursEarlier),
        });
        if (!res.ok) throw new Error(`seed ${item} ${action}: ${res.code}`);
      }
    }
  }
  return { records: PLAN.length, items };
}
