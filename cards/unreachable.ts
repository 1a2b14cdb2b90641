import type { Card } from '../src/domain/card.js';
import type { DigestData } from '../src/domain/report-data.js';
import { dayCn, finish } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * The people no platform can reach (no 企业微信 and no 钉钉 id on the roster), sent to the
 * administrators with the daily digest: they are the ones who can fix the roster, so the leaders'
 * digest leaves the list out.
 */
export function unreachableCard(date: string, people: NonNullable<DigestData['unreachable']>): Card {
  return finish({
    kind: 'info',
    title: zh.cards.unreachable.title(dayCn(date)),
    subtitle: zh.cards.unreachable.subtitle(people.length),
    fields: [
      {
        label: zh.cards.unreachable.peopleLabel,
        value: people.map((p) => zh.cards.unreachable.person(p.name, p.roles)).join(zh.cards.listSep),
      },
    ],
    note: zh.cards.unreachable.note,
  });
}
