import type { CardAction } from './inbound.js';

/**
 * The neutral card: built from domain data by cards/, rendered by each platform
 * (src/platforms/<p>/render-*.ts: WeCom template_card / markdown, DingTalk interactive card /
 * markdown, simulator HTML). Nothing here knows a platform.
 */

export const cardKinds = [
  'record_summary',
  'rectification_notice',
  'progress_notice',
  'recheck_request',
  'extension_request',
  'item_detail',
  'item_list',
  'reminder',
  'escalation',
  'digest',
  'stats',
  'monthly_plan',
  'help',
  'error',
  'info',
] as const;
export type CardKind = (typeof cardKinds)[number];

export interface CardButton {
  label: string;
  action: CardAction;
  item: string;
  style?: 'primary' | 'danger' | 'default';
  /**
   * The button asks for a text first (退回: the reason; 申请延期: the date and reason), required
   * where the platform's card has an input box (the simulator; a DingTalk template with one).
   * `example` is a ready answer: for 申请延期 a date after the item's deadline.
   */
  input?: { label: string; example: string };
}

/**
 * A link the card opens in the platform's own browser (the board: 督导看板). Rendered as a
 * markdown link, a simulator button, and a line of the text fallback. The URL may carry a
 * signed token: it is personal, so a card with a link goes to one person only.
 */
export interface CardLink {
  label: string;
  url: string;
}

export interface CardField {
  label: string;
  value: string;
}

export interface CardListEntry {
  /** ZG-21 */
  id: string;
  text: string;
  /** a short status/deadline line: 期限 3月22日 周一 */
  meta?: string;
}

export interface Card {
  kind: CardKind;
  title: string;
  subtitle?: string;
  fields: CardField[];
  entries: CardListEntry[];
  /** what the bot assumed (default deadline, matched short name) or a hint */
  note?: string;
  /** what may be done now; all for one item (a card acts on one item: docs/spec/interfaces.md) */
  buttons: CardButton[];
  /** the board's link (督导看板), for one person */
  link?: CardLink;
  /** after an action: the latest line ("李校长 报告已完成整改，待验收（3月18日 10:20）"), above any buttons still valid */
  outcome?: string;
  /** once nothing is left to press: a short word for where the item stands ('待验收', '已销号') */
  statusWord?: string;
  /** the plain-text fallback, complete on its own */
  text: string;
}
