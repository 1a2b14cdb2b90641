import type { Card } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { HistoryEvent, Item, ItemAction } from '../src/domain/records.js';
import { buttonsFor, dayCn, deadlineMeta, finish, momentCn, statusCn } from './format.js';

export const actionNames: Record<ItemAction, string> = {
  create: '登记',
  acknowledge: '收到',
  progress: '报告进度',
  done: '报告完成',
  close: '验收通过，销号',
  reject: '退回',
  request_extension: '申请延期',
  approve_extension: '同意延期',
  refuse_extension: '不同意延期',
  reopen: '重新打开',
  attach: '补充佐证',
};

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
    { label: '事项', value: item.text },
    { label: '期限', value: deadlineMeta(item, i.today).replace(/^期限 /, '') },
    { label: '督导记录', value: item.record },
    { label: '责任督学', value: i.supervisorName },
  ];
  if (item.extension) {
    fields.push({ label: '延期申请', value: `申请至 ${dayCn(item.extension.until)}，待审批` });
  }
  if (item.attachments > 0) fields.push({ label: '佐证', value: `${item.attachments} 件` });
  // phones: the last 10 events say enough; the count tells there were more
  const shown = i.history.slice(-10);
  const entries = shown.map((e) => ({
    id: momentCn(e.at, i.timezone),
    text: `${i.nameOf(e.actor)} ${actionNames[e.action]}`,
    meta: e.note,
  }));
  return finish({
    kind: 'item_detail',
    title: `整改事项 ${item.id}`,
    subtitle: `${i.schoolName} · ${statusCn(item.status)}`,
    fields,
    entries: entries.map((e) =>
      e.meta ? { id: e.id, text: e.text, meta: e.meta } : { id: e.id, text: e.text },
    ),
    note: i.history.length > shown.length ? `共 ${i.history.length} 条记录，仅显示最近 10 条` : undefined,
    buttons: buttonsFor(item, i.actions ?? []),
  });
}
