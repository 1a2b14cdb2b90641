import type { Card } from '../src/domain/card.js';
import type { StatsData } from '../src/domain/report-data.js';
import { dayCn, finish } from './format.js';

/** '75%' — or '—' when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

/** 统计: visits, problems, closure rate and coverage for a period and scope. */
export function statsCard(s: StatsData, assumptions: string[] = []): Card {
  const period = s.from === s.to ? dayCn(s.from) : `${dayCn(s.from)} 至 ${dayCn(s.to)}`;
  return finish({
    kind: 'stats',
    title: `督导统计 · ${s.scope}`,
    subtitle: period,
    fields: [
      { label: '督导次数', value: `${s.visits} 次` },
      {
        label: '覆盖学校',
        value: `${s.schoolsVisited} / ${s.schools} 所（${percent(s.schoolsVisited, s.schools)}）`,
      },
      { label: '发现问题', value: `${s.problems} 项` },
      { label: '已销号', value: `${s.closed} 项（销号率 ${percent(s.closed, s.problems)}）` },
      { label: '未销号（全部）', value: `${s.open} 项，其中逾期 ${s.overdue} 项` },
    ],
    entries: s.zones.map((z) => ({
      id: z.name,
      text: `督导 ${z.visits} 次 · 问题 ${z.problems} 项`,
      meta: `销号 ${z.closed} · 逾期 ${z.overdue}`,
    })),
    note: [...assumptions, '销号率 = 本期发现问题中已销号的比例'].join('；'),
  });
}
