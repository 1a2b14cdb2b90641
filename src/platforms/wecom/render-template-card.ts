import { createHash } from 'node:crypto';
import type { Card, CardButton } from '../../domain/card.js';
import { encodeButtonKey } from '../button-key.js';
import { clip, graphemeCount, utf8Bytes } from '../split-message.js';

/**
 * WeCom template_card (模板卡片) from a neutral Card. Field limits from the app-message page,
 * https://developer.work.weixin.qq.com/document/path/90236 (模板卡片消息), same structures for
 * the smart bot — https://developer.work.weixin.qq.com/document/path/101032:
 * - main_title.title "建议不超过36个字", main_title.desc 44, sub_title_text 160;
 * - horizontal_content_list ≤ 6 entries, keyname 5 字, value 30 字;
 * - button_list ≤ 6, text "建议不超过10个字", style 1–4, key ≤ 1024 bytes and unique;
 * - task_id: "同一个应用任务id不能重复，只能由数字、字母和“_-@”组成，最长128字节".
 * A card that would not fit without cutting text returns undefined: the caller sends markdown,
 * which loses nothing but the buttons (the markdown names the typed commands instead).
 *
 * Only button_interaction is used: text_notice requires card_action (a URL to open, "text_notice
 * 模版卡片中该字段为必填项"), and dudao has no page to open, so button-less cards go as markdown.
 * Updating (update_template_card, https://developer.work.weixin.qq.com/document/path/94888) is
 * possible only for "按钮交互型、投票选择型、多项选择型" cards, once per response_code, within 72 h.
 */
export interface ButtonInteractionCard {
  card_type: 'button_interaction';
  source: { desc: string; desc_color: number };
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  task_id: string;
  button_list: { text: string; style: number; key: string }[];
}

export const TEMPLATE_LIMITS = {
  title: 36,
  titleDesc: 44,
  subTitle: 160,
  fields: 6,
  keyname: 5,
  value: 30,
  buttons: 6,
  buttonText: 10,
  keyBytes: 1024,
  taskIdBytes: 128,
} as const;

const styleOf = (s: CardButton['style']) => (s === 'primary' ? 1 : s === 'danger' ? 3 : 2);

/**
 * A task_id unique per send and the same on a retry of the same send (so a retried send that
 * had in fact gone through is refused by WeCom as a duplicate rather than delivered twice).
 */
export function wecomTaskId(sendKey: string): string {
  return 'dd-' + createHash('sha256').update(sendKey).digest('hex').slice(0, 40);
}

/** Entries and note as the card's second-level text: one line per item. */
function subTitle(card: Card): string {
  const lines = card.entries.map((e) => `${e.id} ${e.text}` + (e.meta ? `（${e.meta}）` : ''));
  if (card.note) lines.push(card.note);
  return lines.join('\n');
}

export function renderButtonCard(card: Card, taskId: string): ButtonInteractionCard | undefined {
  const L = TEMPLATE_LIMITS;
  if (card.buttons.length === 0 || card.buttons.length > L.buttons || card.outcome) return undefined;
  if (!/^[0-9A-Za-z_\-@]+$/.test(taskId) || utf8Bytes(taskId) > L.taskIdBytes) return undefined;
  if (graphemeCount(card.title) > L.title) return undefined;
  if (card.subtitle && graphemeCount(card.subtitle) > L.titleDesc) return undefined;
  if (card.fields.length > L.fields) return undefined;
  if (card.fields.some((f) => graphemeCount(f.label) > L.keyname || graphemeCount(f.value) > L.value))
    return undefined;
  const sub = subTitle(card);
  if (graphemeCount(sub) > L.subTitle) return undefined;
  const keys = card.buttons.map((b) => encodeButtonKey(b.action, b.item));
  if (new Set(keys).size !== keys.length || keys.some((k) => utf8Bytes(k) > L.keyBytes)) return undefined;
  // Several items on one card: the item goes into the label so the reader knows which is which.
  const multi = new Set(card.buttons.map((b) => b.item)).size > 1;
  const texts = card.buttons.map((b) => (multi ? `${b.label} ${b.item}` : b.label));
  if (texts.some((t) => graphemeCount(t) > L.buttonText)) return undefined;
  return {
    card_type: 'button_interaction',
    source: { desc: '督导助手', desc_color: 0 },
    main_title: card.subtitle ? { title: card.title, desc: card.subtitle } : { title: card.title },
    ...(sub ? { sub_title_text: sub } : {}),
    ...(card.fields.length
      ? { horizontal_content_list: card.fields.map((f) => ({ keyname: f.label, value: f.value })) }
      : {}),
    task_id: taskId,
    button_list: card.buttons.map((b, i) => ({ text: texts[i]!, style: styleOf(b.style), key: keys[i]! })),
  };
}

/**
 * The update that takes the buttons away after a click: "更新按钮为不可点击状态 … 并且自定义文案".
 * The outcome becomes the (disabled) button's text, so it is kept short (button text is
 * "建议不超过10个字"); the full outcome reaches the actor in the reply itself.
 */
export function renderButtonReplace(outcome: string): { replace_name: string } {
  return { replace_name: clip(outcome, TEMPLATE_LIMITS.buttonText) };
}
