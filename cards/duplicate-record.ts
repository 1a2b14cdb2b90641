import type { Card } from '../src/domain/card.js';
import type { VisitRecord } from '../src/domain/records.js';
import { zh } from '../src/text/zh-CN/index.js';
import { dayCn, finish } from './format.js';

/**
 * The record looks like one already stored (possible_duplicate): nothing was stored; the earlier
 * record is named, and adding 确认重复 stores it anyway.
 */
export function duplicateRecordCard(earlier: VisitRecord, schoolName: string): Card {
  return finish({
    kind: 'error',
    title: zh.cards.duplicate.title,
    // the subtitle is what a WeCom card shows under the title (44 characters): the rest is the note
    subtitle: zh.cards.duplicate.subtitle(schoolName, dayCn(earlier.date), earlier.id),
    note: zh.cards.duplicate.note(earlier.id),
  });
}
