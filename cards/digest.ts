import type { Card } from '../src/domain/card.js';
import type { DigestData } from '../src/domain/report-data.js';
import { zh } from '../src/text/zh-CN/index.js';
import { clip, dayCn, finish } from './format.js';
import { percent } from './stats.js';

/** '龙泉小学、龙泉中学', or the first five and '等 8 所' */
function names(list: string[], unit: string): string {
  return list.length > 5
    ? zh.cards.digest.andMore(list.slice(0, 5).join(zh.cards.listSep), list.length, unit)
    : list.join(zh.cards.listSep);
}

/**
 * The daily digest (日报): what a leader reads in 30 seconds on a phone. Yesterday's visits as
 * docs/spec/domain.md asks: how many, by which supervisors, at which schools. `boardUrl`: the reader's
 * signed link to the board (督导看板), when the service knows its public address.
 */
export function digestCard(d: DigestData, o: { boardUrl?: string } = {}): Card {
  const period = d.from === d.to ? dayCn(d.from) : zh.cards.period(dayCn(d.from), dayCn(d.to));
  const v = d.visits;
  const visitFields = v.count
    ? [
        {
          label: zh.cards.digest.visitsLabel,
          value: zh.cards.digest.visits(v.count, v.supervisors.length, v.schools.length),
        },
        {
          label: zh.cards.digest.supervisorsLabel,
          value: names(v.supervisors, zh.cards.digest.units.people),
        },
        { label: zh.cards.digest.schoolsLabel, value: names(v.schools, zh.cards.digest.units.schools) },
      ]
    : [{ label: zh.cards.digest.visitsLabel, value: zh.cards.none }];
  const openLine = {
    label: zh.cards.digest.openLabel,
    value: zh.cards.digest.open(d.open, d.awaitingRecheck, d.dueThisWeek, d.overdue),
  };
  const fields = [
    ...visitFields,
    { label: zh.cards.digest.newProblemsLabel, value: zh.cards.count(d.newProblems) },
    { label: zh.cards.digest.closedLabel, value: zh.cards.count(d.closed) },
    openLine,
    {
      label: zh.cards.digest.coverageLabel(Number(d.coverage.month.slice(5))),
      value: zh.cards.coverage(
        d.coverage.visited,
        d.coverage.total,
        percent(d.coverage.visited, d.coverage.total),
      ),
    },
  ];
  const worst = d.worst.map((w) => ({
    id: w.item,
    text: `${w.school} ${clip(w.text, 20)}`,
    meta: zh.cards.digest.worstMeta(w.daysOverdue, w.supervisor),
  }));
  const zones = d.zones.map((z) => zh.cards.digest.zone(z.name, z.open, z.overdue, z.visited, z.schools));
  // optional lines (src/reports): only when there is something to say
  if (d.escalated) openLine.value += zh.cards.digest.escalated(d.escalated);
  if (d.unreachable?.length) {
    const people = d.unreachable.map((p) => zh.cards.unreachable.person(p.name, p.roles));
    const shown = people.slice(0, 5).join(zh.cards.listSep);
    fields.push({
      label: zh.cards.digest.unreachableLabel,
      value: zh.cards.digest.unreachable(
        people.length > 5
          ? zh.cards.digest.andMore(shown, people.length, zh.cards.digest.units.people)
          : shown,
      ),
    });
  }
  if (d.failedDeliveries?.count) {
    fields.push({
      label: zh.cards.digest.failedLabel,
      value: zh.cards.digest.failed(
        d.failedDeliveries.count,
        d.failedDeliveries.people.slice(0, 5).join(zh.cards.listSep),
      ),
    });
  }
  return finish({
    kind: 'digest',
    title: zh.cards.digest.title(dayCn(d.date)),
    subtitle: zh.cards.digest.subtitle(period),
    fields: zones.length
      ? [...fields, { label: zh.cards.digest.zonesLabel, value: zones.join('\n') }]
      : fields,
    entries: worst,
    note:
      d.overdue > d.worst.length && d.worst.length > 0
        ? zh.cards.digest.worstNote(d.worst.length)
        : undefined,
    ...(o.boardUrl ? { link: { label: zh.cards.digest.boardLinkLabel, url: o.boardUrl } } : {}),
  });
}
