// What an earlier card of an item shows after the item moved on. Pure, so the outbound job
// (jobs/outbound.ts) can rebuild any sent card from the card as first sent plus the latest
// update of each of its items, on every platform alike:
//
// - a card acting on the updated item alone: its 状态 and 期限 fields show the new state, the
//   update's fields (退回原因, 新期限…) are shown, the outcome line is the latest one, and only the
//   buttons still valid in the new state stay (收到 never comes back: the item was answered);
// - a card acting on several items (only cards sent before per-item cards, and list cards in
//   the simulator): the updated item's entry shows its new state and outcome; its buttons follow
//   the same rule; every other item's buttons and entries are left exactly as they were.
//
// Nothing here can show another item as closed or take its buttons: each update touches its own
// item's entry, buttons and (on a single-item card) fields only.

import type { Card, CardButton, CardField, CardListEntry } from '../src/domain/card.js';
import type { CardAction } from '../src/domain/inbound.js';
import type { Item } from '../src/domain/records.js';
import type { CardUpdate, ItemState } from '../src/domain/reply.js';
import { dayCn, finish, statusCn } from './format.js';
import { isItemId } from '../src/domain/ids.js';
import { zh } from '../src/text/zh-CN/index.js';

/** The update a handler emits after a successful transition. */
export function cardUpdateOf(
  item: Pick<Item, 'id' | 'status' | 'deadline' | 'extension'>,
  seq: number,
  outcome: string,
  fields?: CardField[],
): CardUpdate {
  const u: CardUpdate = {
    item: item.id,
    outcome,
    state: {
      status: item.status,
      deadline: item.deadline,
      extensionPending: item.extension !== undefined,
      version: seq,
    },
  };
  if (fields?.length) u.fields = fields;
  return u;
}

/** Whether a button still makes sense once the item is in `s`. */
export function actionValid(action: CardAction, s: ItemState): boolean {
  switch (action) {
    case 'ack':
      return false; // the item was answered: 收到 belongs to the card as first received
    case 'done':
      return s.status === 'open' || s.status === 'in_progress';
    case 'extend':
      return (s.status === 'open' || s.status === 'in_progress') && !s.extensionPending;
    case 'pass':
    case 'reject':
      return s.status === 'submitted';
    case 'approve_ext':
    case 'refuse_ext':
      return s.extensionPending && s.status !== 'closed';
  }
}

/** The items a card is about: its buttons' items and item entries. */
export function itemsOfCard(card: Pick<Card, 'buttons' | 'entries'>): string[] {
  const ids = new Set(card.buttons.map((b) => b.item));
  for (const e of card.entries) if (isItemId(e.id)) ids.add(e.id);
  return [...ids];
}

const stateLine = (s: ItemState) => `${statusCn(s.status)} · ${zh.cards.deadline(dayCn(s.deadline))}`;

function keepButton(b: CardButton, u: CardUpdate): boolean {
  if (b.item !== u.item) return true;
  return u.state ? actionValid(b.action, u.state) : false;
}

function upsert(fields: CardField[], f: CardField): CardField[] {
  const i = fields.findIndex((x) => x.label === f.label);
  if (i < 0) return [...fields, f];
  const out = fields.slice();
  out[i] = f;
  return out;
}

function updateFields(fields: CardField[], u: CardUpdate): CardField[] {
  let out = fields;
  if (u.state) {
    const s = u.state;
    out = out.map((f) => {
      if (f.label === zh.cards.labels.status) return { label: f.label, value: statusCn(s.status) };
      if (f.label === zh.cards.labels.deadline) return { label: f.label, value: dayCn(s.deadline) };
      return f;
    });
  }
  for (const f of u.fields ?? []) out = upsert(out, f);
  return out;
}

function updateEntry(e: CardListEntry, u: CardUpdate): CardListEntry {
  if (e.id !== u.item) return e;
  const meta = [u.state && stateLine(u.state), u.outcome].filter(Boolean).join(' · ');
  return { id: e.id, text: e.text, meta };
}

/** The latest update of each item, oldest first (versions order one item's updates). */
function latest(updates: CardUpdate[]): CardUpdate[] {
  const by = new Map<string, CardUpdate>();
  for (const u of updates) {
    const had = by.get(u.item);
    if (!had || (u.state?.version ?? -1) >= (had.state?.version ?? -1)) by.set(u.item, u);
  }
  return [...by.values()];
}

/** The card as it should look now: `card` as first sent, brought up to date by `updates`. */
export function applyCardUpdates(card: Card, updates: CardUpdate[]): Card {
  const ids = itemsOfCard(card);
  const mine = latest(updates).filter((u) => ids.length === 0 || ids.includes(u.item));
  if (mine.length === 0) return card;
  const single = ids.length <= 1;
  let fields = card.fields;
  let entries = card.entries;
  let buttons = card.buttons;
  let outcome = card.outcome;
  let statusWord = card.statusWord;
  for (const u of mine) {
    buttons = buttons.filter((b) => keepButton(b, u));
    entries = entries.map((e) => updateEntry(e, u));
    if (single) {
      fields = updateFields(fields, u);
      outcome = u.outcome;
      statusWord = u.state ? statusCn(u.state.status) : zh.cards.handled;
    }
  }
  return finish({
    kind: card.kind,
    title: card.title,
    subtitle: card.subtitle,
    fields,
    entries,
    note: card.note,
    ...(card.link ? { link: card.link } : {}),
    buttons,
    outcome,
    statusWord: buttons.length ? undefined : statusWord,
  });
}

/** What finish() makes of a card's parts, without its plain-text fallback. */
const textOf = (card: Omit<Card, 'text'>): string =>
  finish({
    kind: card.kind,
    title: card.title,
    subtitle: card.subtitle,
    fields: card.fields,
    entries: card.entries,
    note: card.note,
    ...(card.link ? { link: card.link } : {}),
    buttons: card.buttons,
    outcome: card.outcome,
    statusWord: card.statusWord,
  }).text;

/**
 * A card to keep (a sent card's reference, jobs/outbound.ts): without its plain-text fallback
 * when that is exactly what its other parts make (withText puts it back), as it is otherwise (a
 * card with lines of its own in the fallback, finish's `extraText`). The fallback repeats every
 * word of the card: about a sixth of a stored reference.
 */
export function withoutText(card: Card): Omit<Card, 'text'> & { text?: string } {
  const { text, ...rest } = card;
  return textOf(rest) === text ? rest : card;
}

/** A kept card whole again: its fallback as withoutText found it, made again. */
export function withText(card: Omit<Card, 'text'> & { text?: string }): Card {
  return typeof card.text === 'string' ? (card as Card) : { ...card, text: textOf(card) };
}
