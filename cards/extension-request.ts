import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish } from './format.js';

export interface ExtensionRequestInput {
  item: Item;
  until: string;
  reason?: string;
  schoolName: string;
  requesterName: string;
}

/** To the supervisor (or leaders): a principal asks for a new deadline; 同意 / 不同意. */
export function extensionRequestCard(i: ExtensionRequestInput): Card {
  return finish({
    kind: 'extension_request',
    title: `延期申请 · ${i.item.id}`,
    subtitle: `${i.schoolName} ${i.requesterName} 申请延期`,
    fields: [
      { label: '事项', value: i.item.text },
      { label: '原期限', value: dayCn(i.item.deadline) },
      { label: '申请至', value: dayCn(i.until) },
      { label: '原因', value: i.reason ?? '（未填写）' },
    ],
    buttons: buttonsFor(i.item.id, ['approve_ext', 'refuse_ext']),
  });
}
