// Shared pieces of every card: how a day, a deadline, an item line and the plain-text fallback
// look. Cards are read on phones, so lines stay short and item texts in lists are clipped.

import type { Card, CardButton, CardField, CardKind, CardLink, CardListEntry } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { VisitKind } from '../src/domain/command.js';
import type { Item, ItemStatus } from '../src/domain/records.js';
import { statusNames } from '../src/domain/records.js';
import { addDays, diffDays, formatDayCn } from '../src/domain/day.js';
import { zh } from '../src/text/zh-CN/index.js';

/** '3月22日 周一' */
export const dayCn = (day: string) => formatDayCn(day);

/** Clip long free text for list lines (a phone shows ~20 Chinese characters per line). */
export function clip(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…';
}

/** Calendar days an item is overdue on `today` (0 when not overdue or closed). */
export function overdueDays(item: Pick<Item, 'deadline' | 'status'>, today: string): number {
  if (item.status === 'closed') return 0;
  return Math.max(0, diffDays(item.deadline, today));
}

/** '3月22日 周一', with '· 已逾期 2 天' / '· 今天到期' as they apply. */
export function deadlineWhen(item: Pick<Item, 'deadline' | 'status'>, today?: string): string {
  const parts = [dayCn(item.deadline)];
  if (today && item.status !== 'closed') {
    const late = overdueDays(item, today);
    if (late > 0) parts.push(zh.cards.overdueFor(late));
    else if (item.deadline === today) parts.push(zh.cards.dueToday);
  }
  return parts.join(' · ');
}

/** '期限 3月22日 周一', with '· 已逾期 2 天' / '· 今天到期' as they apply. */
export const deadlineMeta = (item: Pick<Item, 'deadline' | 'status'>, today?: string) =>
  zh.cards.deadline(deadlineWhen(item, today));

export const statusCn = (s: ItemStatus) => statusNames[s];

/** One item as a list entry: 'ZG-21' + clipped text + '待整改 · 期限 3月22日 周一'. */
export function itemEntry(
  item: Item,
  o: { today?: string; schoolName?: string; full?: boolean } = {},
): CardListEntry {
  const parts = [
    o.schoolName,
    statusCn(item.status),
    deadlineMeta(item, o.today),
    item.extension && zh.cards.extensionPending,
  ].filter(Boolean);
  return { id: item.id, text: o.full ? item.text : clip(item.text), meta: parts.join(' · ') };
}

/** '专项督导（双减）', '挂牌督导·暗访' */
export function visitKindText(r: { kind: VisitKind; manner?: string; topic?: string }): string {
  return zh.cards.visitKind(r.kind, r.manner, r.topic);
}

/** 'M月D日' a week after the deadline: the example date a 申请延期 shows lies after it. */
export function extensionExampleDate(deadline: string): string {
  const d = addDays(deadline, 7);
  return zh.cards.monthDay(Number(d.slice(5, 7)), Number(d.slice(8, 10)));
}

/** The ready answer in a 申请延期 box, and in the command shown to type instead. */
export const extensionExample = (deadline: string) =>
  zh.cards.input.extendExample(extensionExampleDate(deadline));

/** What a button does, as a command the user can type instead (the plain-text fallback). */
export function typedCommand(action: CardAction, item: string, deadline?: string): string {
  if (action === 'extend')
    return zh.cards.typed.extend(
      item,
      deadline ? extensionExample(deadline) : zh.cards.input.extendExampleNoDeadline,
    );
  return zh.cards.typed[action](item);
}

export const buttonLabels: Record<CardAction, string> = zh.cards.buttons;

const buttonStyles: Partial<Record<CardAction, CardButton['style']>> = {
  done: 'primary',
  pass: 'primary',
  approve_ext: 'primary',
  reject: 'danger',
  refuse_ext: 'danger',
};

/**
 * Buttons for one item. Labels never name the item: a card acts on one item (docs/spec/interfaces.md,
 * "Cards act on one item each"), and a renderer that must show several items' buttons on one
 * card says which is which itself.
 */
export function buttonsFor(
  target: string | Pick<Item, 'id' | 'deadline'>,
  actions: CardAction[],
): CardButton[] {
  const item = typeof target === 'string' ? target : target.id;
  const deadline = typeof target === 'string' ? undefined : target.deadline;
  return actions.map((action) => {
    const b: CardButton = { label: buttonLabels[action], action, item };
    const style = buttonStyles[action];
    if (style) b.style = style;
    const input = inputFor(action, deadline);
    if (input) b.input = input;
    return b;
  });
}

/** What 退回 and 申请延期 ask for before they are sent. */
function inputFor(action: CardAction, deadline: string | undefined): CardButton['input'] {
  if (action === 'reject')
    return { label: zh.cards.input.rejectLabel, example: zh.cards.input.rejectExample };
  if (action === 'extend')
    return {
      label: zh.cards.input.extendLabel,
      example: deadline ? extensionExample(deadline) : zh.cards.input.extendExampleNoDeadline,
    };
  return undefined;
}

export interface CardDraft {
  kind: CardKind;
  title: string;
  subtitle?: string;
  fields?: CardField[];
  entries?: CardListEntry[];
  note?: string;
  buttons?: CardButton[];
  outcome?: string;
  statusWord?: string;
  link?: CardLink;
  /** lines placed in the text fallback after the entries (e.g. a copyable example) */
  extraText?: string[];
}

/**
 * Complete a card: the plain-text fallback holds everything the card shows, and for buttons the
 * commands to type instead (one per distinct action; a platform without buttons loses nothing).
 */
export function finish(d: CardDraft): Card {
  const fields = d.fields ?? [];
  const entries = d.entries ?? [];
  const buttons = d.buttons ?? [];
  const lines: string[] = [zh.cards.plain.heading(d.title)];
  if (d.subtitle) lines.push(d.subtitle);
  // a multi-line value (a template, a list) starts on its own line, unindented, so it copies cleanly
  for (const f of fields)
    lines.push(
      f.value.includes('\n')
        ? zh.cards.plain.fieldBlock(f.label, f.value)
        : zh.cards.plain.field(f.label, f.value),
    );
  for (const e of entries) {
    lines.push(e.text ? `${e.id} ${e.text}` : e.id);
    if (e.meta) lines.push(`  ${e.meta}`);
  }
  if (d.extraText) lines.push(...d.extraText);
  if (d.note) lines.push(zh.cards.plain.note(d.note));
  if (d.link) lines.push(zh.cards.plain.link(d.link.label, d.link.url));
  if (d.outcome) lines.push(d.outcome);
  if (buttons.length > 0) {
    const seen = new Set<CardAction>();
    const typed: string[] = [];
    for (const b of buttons) {
      if (seen.has(b.action)) continue;
      seen.add(b.action);
      typed.push(
        b.action === 'extend' && b.input
          ? zh.cards.typed.extend(b.item, b.input.example)
          : typedCommand(b.action, b.item),
      );
    }
    lines.push(zh.cards.plain.replyWith);
    for (const t of typed) lines.push(`  ${t}`);
  }
  const card: Card = { kind: d.kind, title: d.title, fields, entries, buttons, text: lines.join('\n') };
  if (d.subtitle) card.subtitle = d.subtitle;
  if (d.note) card.note = d.note;
  if (d.outcome) card.outcome = d.outcome;
  if (d.statusWord) card.statusWord = d.statusWord;
  if (d.link) card.link = d.link;
  return card;
}

/** Join assumptions/hints for `note`; undefined when there are none. */
export function joinNote(parts: (string | undefined | false)[]): string | undefined {
  const p = parts.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return p.length ? p.join(zh.cards.noteSep) : undefined;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as the office reads it: '3月18日 10:20' in the office's time zone. */
export function momentCn(iso: string, timeZone: string): string {
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(iso))) p[part.type] = part.value;
  return zh.cards.moment(Number(p.month), Number(p.day), p.hour!, p.minute!);
}
