// The simulator's rendering of a neutral Card: data, not HTML — the page draws it with DOM calls
// (README.md, "The conversation stream"): the neutral card's fields shaped for a phone, buttons
// as {label, action, item, style?} (the page posts the click back with action and item).

import type { Card, CardButton } from '../../domain/card.js';

export interface SimCard {
  kind: Card['kind'];
  title: string;
  subtitle?: string;
  fields: { label: string; value: string }[];
  entries: { id: string; text: string; meta?: string }[];
  note?: string;
  /** opens in a new tab (the board, signed in as the person the card went to) */
  link?: { label: string; url: string };
  /** the actions still valid (an outcome line may stand above them) */
  buttons: Pick<CardButton, 'label' | 'action' | 'item' | 'style' | 'input'>[];
  outcome?: string;
  /** once nothing is left to press: where the item stands ('待验收', '已销号') */
  statusWord?: string;
  text: string;
}

export function renderSimCard(card: Card): SimCard {
  return {
    kind: card.kind,
    title: card.title,
    ...(card.subtitle ? { subtitle: card.subtitle } : {}),
    fields: card.fields.map((f) => ({ label: f.label, value: f.value })),
    entries: card.entries.map((e) => ({ id: e.id, text: e.text, ...(e.meta ? { meta: e.meta } : {}) })),
    ...(card.note ? { note: card.note } : {}),
    ...(card.link ? { link: { label: card.link.label, url: card.link.url } } : {}),
    buttons: card.buttons.map((b) => ({
      label: b.label,
      action: b.action,
      item: b.item,
      ...(b.style ? { style: b.style } : {}),
      ...(b.input ? { input: b.input } : {}),
    })),
    ...(card.outcome ? { outcome: card.outcome } : {}),
    ...(card.statusWord ? { statusWord: card.statusWord } : {}),
    text: card.text,
  };
}
