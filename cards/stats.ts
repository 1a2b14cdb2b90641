import type { Card } from '../src/domain/card.js';
import type { StatsData } from '../src/domain/report-data.js';
import { zh } from '../src/text/zh-CN/index.js';
import { dayCn, finish } from './format.js';

/** '75%' — or '—' when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

/** 统计: visits, problems, closure rate and coverage for a period and scope. */
export function statsCard(s: StatsData, assumptions: string[] = []): Card {
  const period = s.from === s.to ? dayCn(s.from) : zh.cards.period(dayCn(s.from), dayCn(s.to));
  return finish({
    kind: 'stats',
    title: zh.cards.stats.title(s.scope),
    subtitle: period,
    fields: [
      { label: zh.cards.stats.visitsLabel, value: zh.cards.stats.visits(s.visits) },
      {
        label: zh.cards.stats.coverageLabel,
        value: zh.cards.coverage(s.schoolsVisited, s.schools, percent(s.schoolsVisited, s.schools)),
      },
      { label: zh.cards.stats.problemsLabel, value: zh.cards.count(s.problems) },
      {
        label: zh.cards.stats.closedLabel,
        value: zh.cards.stats.closed(s.closed, percent(s.closed, s.problems)),
      },
      { label: zh.cards.stats.openLabel, value: zh.cards.stats.open(s.open, s.overdue) },
    ],
    entries: s.zones.map((z) => ({
      id: z.name,
      text: zh.cards.stats.zone(z.visits, z.problems),
      meta: zh.cards.stats.zoneMeta(z.closed, z.overdue),
    })),
    note: [...assumptions, zh.cards.stats.rateNote].join(zh.cards.noteSep),
  });
}
