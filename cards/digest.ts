import type { Card } from '../src/domain/card.js';
import type { DigestData } from '../src/domain/report-data.js';
import { clip, dayCn, finish } from './format.js';
import { percent } from './stats.js';

/** The daily digest (日报): what a leader reads in 30 seconds on a phone. */
export function digestCard(d: DigestData): Card {
  const period = d.from === d.to ? dayCn(d.from) : `${dayCn(d.from)} 至 ${dayCn(d.to)}`;
  const visits = d.visits.count
    ? `${d.visits.count} 次（${d.visits.schools.slice(0, 5).join('、')}${d.visits.schools.length > 5 ? ' 等' : ''}）`
    : '无';
  const fields = [
    { label: '督导', value: visits },
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
  if (d.escalated) fields[3]!.value += `，其中逾期升级 ${d.escalated} 项`;
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
  });
}
