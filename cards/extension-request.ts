import type { Card } from '../src/domain/card.js';
import type { Item } from '../src/domain/records.js';
import { buttonsFor, dayCn, finish } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

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
    title: zh.cards.extension.title(i.item.id),
    subtitle: zh.cards.extension.subtitle(i.schoolName, i.requesterName),
    fields: [
      { label: zh.cards.labels.item, value: i.item.text },
      { label: zh.cards.labels.originalDeadline, value: dayCn(i.item.deadline) },
      { label: zh.cards.extension.untilLabel, value: dayCn(i.until) },
      { label: zh.cards.labels.reason, value: i.reason ?? zh.cards.extension.noReason },
    ],
    buttons: buttonsFor(i.item.id, ['approve_ext', 'refuse_ext']),
  });
}
