import type { Card } from '../src/domain/card.js';
import type { DigestData } from '../src/domain/report-data.js';
import { clip, dayCn, finish } from './format.js';
import { percent } from './stats.js';

/** The board link's label on every card that carries one (digest, 看板). */
export const BOARD_LINK_LABEL = '打开督导看板';

/** '龙泉小学、龙泉中学', or the first five and '等 8 所' */
function names(list: string[], unit: string): string {
  return list.length > 5 ? `${list.slice(0, 5).join('、')} 等 ${list.length} ${unit}` : list.join('、');
}

/**
 * The daily digest (日报): what a leader reads in 30 seconds on a phone. Yesterday's visits as
 * docs/spec/domain.md asks: how many, by which supervisors, at which schools. `boardUrl`: the reader's
 * signed link to the board (督导看板), when the service knows its public address.
 */
export function digestCard(d: DigestData, o: { boardUrl?: string } = {}): Card {
  const period = d.from === d.to ? dayCn(d.from) : `${dayCn(d.from)} 至 ${dayCn(d.to)}`;
  const v = d.visits;
  const visitFields = v.count
    ? [
        {
          label: '督导',
          value: `${v.count} 次（督学 ${v.supervisors.length} 人，学校 ${v.schools.length} 所）`,
        },
        { label: '督学', value: names(v.supervisors, '人') },
        { label: '学校', value: names(v.schools, '所') },
      ]
    : [{ label: '督导', value: '无' }];
  const fields = [
    ...visitFields,
    { label: '新发现问题', value: `${d.newProblems} 项` },
    { label: '销号', value: `${d.closed} 项` },
    {
      label: '未销号',
      value: `${d.open} 项（待验收 ${d.awaitingRecheck}，本周到期 ${d.dueThisWeek}，逾期 ${d.overdue}）`,
    },
    {
      label: `${Number(d.coverage.month.slice(5))}月覆盖`,
      value: `${d.coverage.visited} / ${d.coverage.total} 所（${percent(d.coverage.visited, d.coverage.total)}）`,
    },
  ];
  const worst = d.worst.map((w) => ({
    id: w.item,
    text: `${w.school} ${clip(w.text, 20)}`,
    meta: `逾期 ${w.daysOverdue} 天 · 督学 ${w.supervisor}`,
  }));
  const zones = d.zones.map(
    (z) => `${z.name}：未销号 ${z.open}，逾期 ${z.overdue}，本月 ${z.visited}/${z.schools} 校`,
  );
  // optional lines (src/reports): only when there is something to say
  const openLine = fields.find((f) => f.label === '未销号')!;
  if (d.escalated) openLine.value += `，其中逾期升级 ${d.escalated} 项`;
  if (d.unreachable?.length) {
    const names = d.unreachable.map((p) => `${p.name}（${p.roles}）`);
    fields.push({
      label: '无法送达',
      value: `${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 人` : ''}：未登记企业微信或钉钉账号`,
    });
  }
  if (d.failedDeliveries?.count) {
    fields.push({
      label: '发送失败',
      value: `${d.failedDeliveries.count} 条（${d.failedDeliveries.people.slice(0, 5).join('、')}）`,
    });
  }
  return finish({
    kind: 'digest',
    title: `督导日报 · ${dayCn(d.date)}`,
    subtitle: `统计 ${period}`,
    fields: zones.length ? [...fields, { label: '各责任区', value: zones.join('\n') }] : fields,
    entries: worst,
    note:
      d.overdue > d.worst.length && d.worst.length > 0
        ? `逾期最久的 ${d.worst.length} 项如上；发送「逾期」查看全部`
        : undefined,
    ...(o.boardUrl ? { link: { label: BOARD_LINK_LABEL, url: o.boardUrl } } : {}),
  });
}
