// Lists never hide items silently (docs/spec/interfaces.md, "Cards act on one item each"): a list
// shows one page of items (src/domain/list-page.ts), says how many there are in all and which
// command shows the next page; a page longer than one message goes out as numbered parts (the
// platforms' markdown renderers split it: src/platforms/split-message.ts), each item a line and
// its state a second.

import type { Card } from '../src/domain/card.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import type { ListPage } from '../src/domain/list-page.js';
import { dayCn, finish, itemEntry, joinNote, visitKindText } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

/** Which page of a longer list a card shows, and `next`: what to send for the next page ('待办 2'). */
export type Paging = Omit<ListPage<unknown>, 'items'> & { next: string };

/** '我的待办 · 3 项', or on a list of several pages '我的待办 · 共 45 项（第1/3页）' */
export function listTitle(title: string, shown: number, paging?: Paging): string {
  return paging && paging.pages > 1
    ? zh.cards.itemList.pagedTitle(title, paging.total, paging.page, paging.pages)
    : zh.cards.itemList.title(title, shown);
}

/** '还有 25 项，发送「待办 2」查看下一页', or nothing on the last page */
export const moreNote = (paging?: Paging) =>
  paging && paging.after > 0 ? zh.cards.itemList.more(paging.after, paging.next) : undefined;

export interface ItemListInput {
  /** '我的待办', '逾期事项' */
  title: string;
  /** already sorted (soonest deadline first), limited to what the viewer may see, and to the page */
  items: Item[];
  /** when the list has more than one page */
  paging?: Paging;
  today: string;
  /** school id → name; when given, each entry names its school (lists across schools) */
  schoolName?: (schoolId: string) => string;
  /** said when the list is empty: '暂无待办事项' */
  empty: string;
  note?: string;
}

/** 待办 / 逾期: items with status and deadline, soonest first. */
export function itemListCard(i: ItemListInput): Card {
  return finish({
    kind: 'item_list',
    title: i.items.length ? listTitle(i.title, i.items.length, i.paging) : i.title,
    subtitle: i.items.length ? undefined : i.empty,
    entries: i.items.map((it) => itemEntry(it, { today: i.today, schoolName: i.schoolName?.(it.school) })),
    note: joinNote([moreNote(i.paging), i.note]),
  });
}

export interface GroupSummaryInput {
  title: string;
  /** this page's item numbers */
  ids: string[];
  paging?: Paging;
  /** true when the details went to the asker by direct message */
  detailsSentPrivately: boolean;
}

/**
 * In a group chat: counts and item numbers only, never item texts or school names (others read
 * the group); the details go to the asker privately.
 */
export function groupSummaryCard(i: GroupSummaryInput): Card {
  const fields = i.ids.length
    ? [{ label: zh.cards.itemList.idsLabel, value: i.ids.join(zh.cards.listSep) }]
    : [];
  return finish({
    kind: 'item_list',
    title: listTitle(i.title, i.ids.length, i.paging),
    fields,
    note: joinNote([
      moreNote(i.paging),
      i.detailsSentPrivately ? zh.cards.itemList.sentPrivately : undefined,
    ]),
  });
}

export interface SchoolOverviewInput {
  schoolName: string;
  zoneName: string;
  supervisorNames: string[];
  /** recent visits, newest first */
  records: VisitRecord[];
  /** the school's items not closed, soonest deadline first: this page of them */
  openItems: Item[];
  paging?: Paging;
  today: string;
  /** what the parser assumed (a school matched by its short name) */
  assumptions?: string[];
}

/** 查询 <学校>: recent visits and open items of one school. */
export function schoolOverviewCard(i: SchoolOverviewInput): Card {
  const recent = i.records.slice(0, 5);
  const fields = [
    { label: zh.cards.school.zoneLabel, value: i.zoneName },
    {
      label: zh.cards.labels.responsibleSupervisor,
      value: i.supervisorNames.join(zh.cards.listSep) || zh.cards.notConfigured,
    },
    {
      label: zh.cards.school.recentLabel,
      value: recent.length
        ? recent.map((r) => zh.cards.school.recent(r.id, dayCn(r.date), visitKindText(r))).join('\n')
        : zh.cards.school.noRecords,
    },
    { label: zh.cards.school.openLabel, value: zh.cards.count(i.paging?.total ?? i.openItems.length) },
  ];
  return finish({
    kind: 'item_list',
    title:
      i.paging && i.paging.pages > 1
        ? zh.cards.school.pagedTitle(i.schoolName, i.paging.page, i.paging.pages)
        : i.schoolName,
    fields,
    entries: i.openItems.map((it) => itemEntry(it, { today: i.today })),
    note: joinNote([moreNote(i.paging), ...(i.assumptions ?? [])]),
    extraText: i.openItems.length ? [zh.cards.school.detailsHint(i.openItems[0]!.id)] : [],
  });
}
