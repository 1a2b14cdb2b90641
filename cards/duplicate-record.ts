import type { Card } from '../src/domain/card.js';
import type { VisitRecord } from '../src/domain/records.js';
import { dayCn, finish } from './format.js';

/**
 * The record looks like one already stored (possible_duplicate): nothing was stored; the earlier
 * record is named, and adding 确认重复 stores it anyway.
 */
export function duplicateRecordCard(earlier: VisitRecord, schoolName: string): Card {
  return finish({
    kind: 'error',
    title: '可能重复，未登记',
    subtitle: `${schoolName} ${dayCn(earlier.date)} 已有督导记录 ${earlier.id}，问题与本条相同或相近，本条没有登记。`,
    note: `如确需再登记一条，请在原消息中加上『确认重复』后重新发送（例如：提交督导记录 确认重复 …）。查看原记录：查询 ${earlier.id}`,
  });
}
