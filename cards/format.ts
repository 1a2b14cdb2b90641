// Shared pieces of every card: how a day, a deadline, an item line and the plain-text fallback
// look. Cards are read on phones, so lines stay short and item texts in lists are clipped.

import type { Card, CardButton, CardField, CardKind, CardLink, CardListEntry } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { VisitKind } from '../src/domain/command.js';
import type { Item, ItemStatus } from '../src/domain/records.js';
import { statusNames } from '../src/domain/records.js';
import { addDays, diffDays, formatDayCn } from '../src/domain/day.js';

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

/** '期限 3月22日 周一', with '· 已逾期 2 天' / '· 今天到期' as they apply. */
export function deadlineMeta(item: Pick<Item, 'deadline' | 'status'>, today?: string): string {
  let s = `期限 ${dayCn(item.deadline)}`;
  if (today && item.status !== 'closed') {
    const late = overdueDays(item, today);
    if (late > 0) s += ` · 已逾期 ${late} 天`;
    else if (item.deadline === today) s += ' · 今天到期';
  }
  return s;
}

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
    item.extension && '延期待审批',
  ].filter(Boolean);
  return { id: item.id, text: o.full ? item.text : clip(item.text), meta: parts.join(' · ') };
}

/** '专项督导（双减）', '挂牌督导·暗访' */
export function visitKindText(r: { kind: VisitKind; manner?: string; topic?: string }): string {
  return `${r.kind}${r.manner ? '·' + r.manner : ''}${r.topic ? `（${r.topic}）` : ''}`;
}

/** 'M月D日' a week after the deadline: the example date a 申请延期 shows lies after it. */
export function extensionExampleDate(deadline: string): string {
  const d = addDays(deadline, 7);
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** The ready answer in a 申请延期 box, and in the command shown to type instead. */
export const extensionExample = (deadline: string) => `${extensionExampleDate(deadline)} 原因：…`;

/** What a button does, as a command the user can type instead (the plain-text fallback). */
export function typedCommand(action: CardAction, item: string, deadline?: string): string {
  switch (action) {
    case 'ack':
      return `收到 ${item}`;
    case 'done':
      return `整改完成 ${item} 整改情况说明`;
    case 'extend':
      return `申请延期 ${item} 至 ${deadline ? extensionExample(deadline) : '4月10日 原因：…'}`;
    case 'pass':
      return `验收 ${item} 通过`;
    case 'reject':
      return `退回 ${item} 退回原因`;
    case 'approve_ext':
      return `同意延期 ${item}`;
    case 'refuse_ext':
      return `不同意延期 ${item} 意见`;
  }
}

export const buttonLabels: Record<CardAction, string> = {
  ack: '收到',
  done: '已完成整改',
  extend: '申请延期',
  pass: '验收通过',
  reject: '退回',
  approve_ext: '同意',
  refuse_ext: '不同意',
};

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
  if (action === 'reject') return { label: '退回原因（必填）', example: '照片不清楚，请补充整改后的照片' };
  if (action === 'extend')
    return {
      label: '延期到哪天？原因？（必填）',
      example: deadline ? extensionExample(deadline) : '4月10日 原因：…',
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
  const lines: string[] = [`【${d.title}】`];
  if (d.subtitle) lines.push(d.subtitle);
  // a multi-line value (a template, a list) starts on its own line, unindented, so it copies cleanly
  for (const f of fields)
    lines.push(f.value.includes('\n') ? `${f.label}：\n${f.value}` : `${f.label}：${f.value}`);
  for (const e of entries) {
    lines.push(e.text ? `${e.id} ${e.text}` : e.id);
    if (e.meta) lines.push(`  ${e.meta}`);
  }
  if (d.extraText) lines.push(...d.extraText);
  if (d.note) lines.push(`注：${d.note}`);
  if (d.link) lines.push(`${d.link.label}：${d.link.url}`);
  if (d.outcome) lines.push(d.outcome);
  if (buttons.length > 0) {
    const seen = new Set<CardAction>();
    const typed: string[] = [];
    for (const b of buttons) {
      if (seen.has(b.action)) continue;
      seen.add(b.action);
      typed.push(
        b.action === 'extend' && b.input
          ? `申请延期 ${b.item} 至 ${b.input.example}`
          : typedCommand(b.action, b.item),
      );
    }
    lines.push('可直接回复：');
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
  return p.length ? p.join('；') : undefined;
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
  return `${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}
