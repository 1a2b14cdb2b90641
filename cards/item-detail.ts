import type { Card } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { HistoryEvent, Item, ItemAction } from '../src/domain/records.js';
import { buttonsFor, dayCn, deadlineWhen, finish, momentCn, statusCn } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

/** How an item's history names each event (the lifecycle's own names are src/domain/lifecycle.ts). */
export const historyActionNames: Record<ItemAction, string> = zh.cards.itemDetail.actions;

export interface ItemDetailInput {
  item: Item;
  history: HistoryEvent[];
  schoolName: string;
  supervisorName: string;
  /** roster id → display name (history actors) */
  nameOf: (personId: string) => string;
  today: string;
  timezone: string;
  /** buttons the viewer may use (already permission-checked by the handler) */
  actions?: CardAction[];
}

/** One item with its whole history: 整改进度 ZG-21. The latest events last, as they happened. */
export function itemDetailCard(i: ItemDetailInput): Card {
  const { item } = i;
  const fields = [
    { label: zh.cards.labels.item, value: item.text },
    { label: zh.cards.labels.deadline, value: deadlineWhen(item, i.today) },
    { label: zh.cards.labels.record, value: item.record },
    { label: zh.cards.labels.responsibleSupervisor, value: i.supervisorName },
  ];
  if (item.extension) {
    fields.push({
      label: zh.cards.itemDetail.extensionLabel,
      value: zh.cards.itemDetail.extension(dayCn(item.extension.until)),
    });
  }
  if (item.attachments > 0)
    fields.push({ label: zh.cards.labels.evidence, value: zh.cards.pieces(item.attachments) });
  // phones: the last 10 events say enough; the count tells there were more
  const shown = i.history.slice(-10);
  const entries = shown.map((e) => ({
    id: momentCn(e.at, i.timezone),
    text: zh.cards.itemDetail.history(i.nameOf(e.actor), historyActionNames[e.action]),
    meta: e.note,
  }));
  return finish({
    kind: 'item_detail',
    title: zh.cards.itemDetail.title(item.id),
    subtitle: zh.cards.itemDetail.subtitle(i.schoolName, statusCn(item.status)),
    fields,
    entries: entries.map((e) =>
      e.meta ? { id: e.id, text: e.text, meta: e.meta } : { id: e.id, text: e.text },
    ),
    note: i.history.length > shown.length ? zh.cards.itemDetail.moreHistory(i.history.length) : undefined,
    buttons: buttonsFor(item, i.actions ?? []),
  });
}
