// WeCom template_card of type button_interaction (按钮交互型) from a neutral Card, for the app's
// message/send (https://developer.work.weixin.qq.com/document/path/90236), the smart bot
// (https://developer.work.weixin.qq.com/document/path/101032) and update_template_card
// (https://developer.work.weixin.qq.com/document/path/94888). Limits come from card-limits.ts.
//
// Texts are shortened to fit, never dropped: a field too long for horizontal_content_list
// (keyname 5, value 30) moves into sub_title_text, which is clipped with "…" at its limit;
// titles are clipped; button texts are clipped. A card with buttons always renders, unless it
// carries more buttons than a card may (only cards sent before per-item cards did: they go as
// markdown, which names the typed commands).
//
// Only button_interaction is used: text_notice requires card_action (a URL to open, "text_notice
// 模版卡片中该字段为必填项"), and dudao has no page to open, so button-less cards go as markdown.

import { createHash } from 'node:crypto';
import type { Card, CardButton } from '../../domain/card.js';
import { encodeButtonKey, shortActionLabels } from '../button-key.js';
import { CARD_LIMITS, type WecomTemplateLimits } from '../card-limits.js';
import { clip, graphemeCount, utf8Bytes } from '../split-message.js';
import { zh } from '../../text/zh-CN/index.js';

export interface ButtonInteractionCard {
  card_type: 'button_interaction';
  source: { desc: string; desc_color: number };
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  /** on a send only: "任务id只在发消息时候有效，更新消息的时候无效" (document/path/101032) */
  task_id?: string;
  button_list: { text: string; style: number; key: string }[];
  /** on an update: the buttons show greyed with this text ("按钮替换文案") */
  replace_text?: string;
}

/** @deprecated use CARD_LIMITS.wecomApp (kept for readers of older code) */
export const TEMPLATE_LIMITS = CARD_LIMITS.wecomApp;

const SOURCE = zh.domain.botName;
const styleOf = (s: CardButton['style']) => (s === 'primary' ? 1 : s === 'danger' ? 3 : 2);

/**
 * A task_id unique per send and the same on a retry of the same send (so a retried send that
 * had in fact gone through is refused by WeCom as a duplicate rather than delivered twice).
 */
export function wecomTaskId(sendKey: string): string {
  return 'dd-' + createHash('sha256').update(sendKey).digest('hex').slice(0, 40);
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** Fields that fit a horizontal row; the rest, with the card's other texts, as the sub-title. */
function layout(card: Card, L: WecomTemplateLimits) {
  const rows: { keyname: string; value: string }[] = [];
  const lines: string[] = [];
  if (card.outcome) lines.push(card.outcome);
  for (const f of card.fields) {
    const value = oneLine(f.value);
    const fits =
      rows.length < L.fields &&
      !f.value.includes('\n') &&
      graphemeCount(f.label) <= L.keyname &&
      graphemeCount(value) <= L.value &&
      value !== '';
    if (fits) rows.push({ keyname: f.label, value });
    else lines.push(`${f.label}：${f.value}`);
  }
  for (const e of card.entries) lines.push(`${e.id} ${e.text}` + (e.meta ? `（${e.meta}）` : ''));
  if (card.note) lines.push(card.note);
  return { rows, sub: clip(lines.join('\n'), L.subTitle) };
}

function buttonList(buttons: CardButton[], L: WecomTemplateLimits) {
  // several items' buttons on one card: each says which item it acts on
  const several = new Set(buttons.map((b) => b.item)).size > 1;
  return buttons.map((b) => ({
    text: clip(several ? `${shortActionLabels[b.action]}${b.item}` : b.label, L.buttonText),
    style: styleOf(b.style),
    key: encodeButtonKey(b.action, b.item),
  }));
}

function body(card: Card, buttons: CardButton[], L: WecomTemplateLimits) {
  const { rows, sub } = layout(card, L);
  return {
    card_type: 'button_interaction' as const,
    source: { desc: clip(SOURCE, L.sourceDesc), desc_color: 0 },
    main_title: card.subtitle
      ? { title: clip(card.title, L.title), desc: clip(card.subtitle, L.titleDesc) }
      : { title: clip(card.title, L.title) },
    ...(sub ? { sub_title_text: sub } : {}),
    ...(rows.length ? { horizontal_content_list: rows } : {}),
    button_list: buttonList(buttons, L),
  };
}

const usable = (buttons: CardButton[], L: WecomTemplateLimits) =>
  buttons.length > 0 &&
  buttons.length <= L.buttons &&
  new Set(buttons.map((b) => encodeButtonKey(b.action, b.item))).size === buttons.length &&
  buttons.every((b) => utf8Bytes(encodeButtonKey(b.action, b.item)) <= L.keyBytes);

/** The card to send; undefined when it has no buttons (or more than a card may carry). */
export function renderButtonCard(
  card: Card,
  taskId: string,
  L: WecomTemplateLimits = CARD_LIMITS.wecomApp,
): ButtonInteractionCard | undefined {
  if (!usable(card.buttons, L)) return undefined;
  // a button card has no place for a link (the board's); markdown carries it
  if (card.link) return undefined;
  if (!L.taskIdPattern.test(taskId) || utf8Bytes(taskId) > L.taskIdBytes) return undefined;
  return { ...body(card, card.buttons, L), task_id: taskId };
}

/**
 * A sent card brought up to date (update_template_card → "更新为新的卡片 … 按钮交互型"): the
 * card as it is now, with the buttons still valid; when none is left, the card's original
 * buttons greyed with a short word for the item's state (replace_text). Undefined when the card
 * was never a button card.
 */
export function renderUpdatedCard(
  card: Card,
  original: CardButton[],
  L: WecomTemplateLimits = CARD_LIMITS.wecomApp,
): ButtonInteractionCard | undefined {
  if (usable(card.buttons, L)) return body(card, card.buttons, L);
  if (!usable(original, L)) return undefined;
  return {
    ...body(card, original, L),
    replace_text: clip(card.statusWord ?? card.outcome ?? zh.cards.handled, L.buttonText),
  };
}
